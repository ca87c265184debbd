"""Named issuer profiles for documented national deviations from ICAO 9303.

Off by default; enabled by name or all at once with `lenient=True`.

- FRA_CNI_1988: French national ID card issued 1988-2021. 2 lines x 36 but not TD2:
  surname (25) + issuing department/office (6) on line 1; a 12-character card number,
  its check digit, given names (14), birth date, check digit, sex and a final check digit
  over all of line 1 and line 2 positions 1-35. No expiry date and no nationality.
- PAK_CNIC: Pakistani TD1 ID card: an 8-character document number with its check digit
  in position 14 (ICAO: 9 + position 15); the optional data starts at position 15 and the
  composite check digit is not the ICAO one, so it is not checked.
- VNM_CCCD: Vietnamese chip citizen ID card (CCCD) TD1: the optional data holds the full
  12-digit personal ID number, '<<' and a check digit over it; the document number is its
  last 9 digits. Checked for consistency with the card's birth date and sex.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Final

from . import codes as c
from .citizen_id import citizen_id_problems
from .layouts import TD1_LAYOUT
from .normalize import TD1, TD2
from .reader import Reader, clean_optional, read_fields
from .result import Issue, MrzFields, issue

FRA_CNI_1988: Final = "FRA_CNI_1988"
PAK_CNIC: Final = "PAK_CNIC"
VNM_CCCD: Final = "VNM_CCCD"

PROFILES: Final[dict[str, str]] = {
    FRA_CNI_1988: "French national ID card 1988-2021 (non-ICAO 2x36 layout and composite)",
    PAK_CNIC: "Pakistani ID card (8-character document number, non-ICAO composite)",
    VNM_CCCD: "Vietnamese CCCD (12-digit personal number and check digit in optional data)",
}
# Profiles that replace the ICAO reading (used only when that reading has errors).
REPLACING: Final = (FRA_CNI_1988, PAK_CNIC)

_PAK_LAYOUT: Final = dataclasses.replace(
    TD1_LAYOUT,
    number=(0, 5, 13),
    number_check=(0, 13),
    optional=(0, 14, 30),
    composite=(),
    composite_check=None,
    overflow=False,
)
_DIGITS: Final = frozenset("0123456789")


def resolve(lenient: bool, names: Iterable[object]) -> tuple[tuple[str, ...], list[Issue]]:
    """Active profile names in a fixed order, and warnings for unknown names."""
    wanted: set[str] = set(PROFILES) if lenient else set()
    warnings: list[Issue] = []
    items: list[object]
    try:
        items = [names] if isinstance(names, str) else list(names)
    except TypeError:
        items = [names]
    for name in items:
        if isinstance(name, str) and name.upper() in PROFILES:
            wanted.add(name.upper())
        else:
            warnings.append(issue(c.UNKNOWN_PROFILE))
    return tuple(p for p in PROFILES if p in wanted), warnings


def matches(name: str, fmt: str, lines: list[str]) -> bool:
    """Whether profile `name` can apply to this document."""
    first = lines[0]
    if name == FRA_CNI_1988:
        return fmt == TD2 and first.startswith("IDFRA")
    if name == PAK_CNIC:
        return fmt == TD1 and first[2:5] == "PAK"
    if name == VNM_CCCD:
        opt = first[15:30]
        return (
            fmt == TD1
            and first.startswith("IDVNM")
            and _DIGITS.issuperset(opt[:12])
            and opt[12:14] == "<<"
            and opt[14] in _DIGITS
        )
    return False


def _read_fra(lines: list[str], reference: dt.date) -> tuple[Reader, MrzFields]:
    r = Reader(lines, reference)
    document_code = r.document_code("I")
    issuing_state = r.country((0, 2, 5))
    surname, extra = r.name((0, 5, 30), truncation=False)
    first, rest = r.name((1, 13, 27), truncation=False)
    number = r.slot((1, 0, 12))
    r.check("document_number", number, (1, 12))
    birth_raw, birth_iso = r.date((1, 27, 33), expiry=False)
    r.check("birth_date", birth_raw, (1, 33))
    sex = r.sex((1, 34))
    r.check("composite", lines[0] + lines[1][:35], (1, 35))
    fields = MrzFields(
        document_code=document_code,
        issuing_state=issuing_state,
        surname=" ".join(x for x in (surname, extra) if x),
        given_names=" ".join(x for x in (first, rest) if x),
        document_number=number.rstrip("<"),
        birth_date=birth_raw,
        birth_date_iso=birth_iso,
        sex=sex,
        optional_data=clean_optional(lines[0][30:36]),
    )
    return r, fields


def read_replacing(name: str, lines: list[str], reference: dt.date) -> tuple[Reader, MrzFields]:
    """Read the document with a replacing profile."""
    if name == FRA_CNI_1988:
        return _read_fra(lines, reference)
    r = Reader(lines, reference)
    fields = read_fields(r, _PAK_LAYOUT)
    r.warnings.append(issue(c.COMPOSITE_NOT_CHECKED, 2, 30, 30))
    return r, fields


def extend_vnm(r: Reader, fields: MrzFields) -> MrzFields:
    """Check the CCCD personal number in the optional data of a Vietnamese TD1 card."""
    line1 = r.lines[0]
    number = line1[15:27]
    r.check("optional_data", number, (0, 29))
    if number[3:] != line1[5:14]:
        r.errors.append(issue(c.PROFILE_MISMATCH, 1, 16, 27))
    birth = dt.date.fromisoformat(fields.birth_date_iso) if fields.birth_date_iso else None
    where = {"number": (1, 16, 18), "birth_date": (2, 1, 6), "sex": (2, 8, 8)}
    for _, field in citizen_id_problems(number, birth, fields.sex):
        r.errors.append(issue(c.PROFILE_MISMATCH, *where[field]))
    return fields._replace(optional_data=number)
