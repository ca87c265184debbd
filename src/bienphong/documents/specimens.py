"""Build well-formed passport MRZs (TD3) for demo data, tests and benchmarks."""

from __future__ import annotations

from bienphong.engines.mrz import check_char


def _pad(value: str, width: int) -> str:
    return (value + "<" * width)[:width]


def passport_mrz(
    *,
    surname: str,
    given_names: str,
    number: str,
    nationality: str,
    birth: str,
    sex: str,
    expiry: str,
    state: str = "",
    personal_number: str = "",
) -> str:
    """Two TD3 lines with correct check digits; dates as YYMMDD, names in A–Z."""
    state = state or nationality
    name = surname.replace(" ", "<") + "<<" + given_names.replace(" ", "<")
    line1 = "P<" + _pad(state, 3) + _pad(name, 39)
    doc = _pad(number, 9)
    optional = _pad(personal_number, 14)
    optional_check = check_char(optional) if personal_number else "<"
    line2 = (
        doc
        + check_char(doc)
        + _pad(nationality, 3)
        + birth
        + check_char(birth)
        + sex
        + expiry
        + check_char(expiry)
        + optional
        + optional_check
    )
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return f"{line1}\n{line2}{check_char(composite)}"
