"""Fast path for the common case: a clean MRZ with ISO codes and every check right.

Returns None at the first anomaly; the caller then reads the document with the full,
reporting reader. Both paths must agree on every document the fast path accepts.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .checkdigits import check_char
from .countries import ISO_ALPHA3
from .dates import fast_iso
from .layouts import Layout
from .result import Check, MrzFields

_NAME_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
_SEXES: Final = frozenset("MF<")


def _name(field: str) -> tuple[str, str] | None:
    """Names of the plain shape SURNAME<<GIVEN<NAMES<<<; None for anything else."""
    if field[0] == "<" or field[-1] != "<" or not _NAME_CHARS.issuperset(field):
        return None
    body = field.rstrip("<")
    k = body.find("<<")
    if k < 0:
        return None
    given = body[k + 2 :]
    if given[:1] == "<" or "<<" in given:
        return None
    return body[:k].replace("<", " "), given.replace("<", " ")


def read_two_row(lines: list[str], lay: Layout, ref: dt.date) -> tuple[MrzFields, list[Check]] | None:
    """TD2, TD3, MRV-A and MRV-B."""
    l1, l2 = lines
    if l1[0] not in lay.doc_letters or l1[1] not in _NAME_CHARS:
        return None
    state, nationality, sex = l1[2:5], l2[10:13], l2[20]
    if state not in ISO_ALPHA3 or nationality not in ISO_ALPHA3 or sex not in _SEXES:
        return None
    names = _name(l1[5:])
    number = l2[0:9]
    if names is None or number[0] == "<":
        return None
    birth, expiry = l2[13:19], l2[21:27]
    birth_iso = fast_iso(birth, ref, False)
    expiry_iso = fast_iso(expiry, ref, True)
    if birth_iso is None or expiry_iso is None:
        return None
    given = l2[9], l2[19], l2[27]
    computed = check_char(number), check_char(birth), check_char(expiry)
    if given != computed:
        return None
    checks = [
        Check("document_number", given[0], computed[0], True),
        Check("birth_date", given[1], computed[1], True),
        Check("expiry_date", given[2], computed[2], True),
    ]
    o_end = lay.optional[2]
    optional = l2[28:o_end]
    if lay.optional_check is not None:
        digit, own = l2[o_end], check_char(optional)
        if digit != own and (digit != "<" or optional.strip("<")):
            return None
        checks.append(Check("optional_data", digit, own, True))
    if lay.composite_check is not None:
        digit = l2[-1]
        own = check_char(l2[0:10] + l2[13:20] + l2[21:-1])
        if digit != own:
            return None
        checks.append(Check("composite", digit, own, True))
    fields = MrzFields(
        l1[0:2].rstrip("<"),
        state,
        names[0],
        names[1],
        number.rstrip("<"),
        nationality,
        birth,
        birth_iso,
        sex,
        expiry,
        expiry_iso,
        optional.replace("<", " ").strip(),
        None,
    )
    return fields, checks


def read_td1(lines: list[str], ref: dt.date) -> tuple[MrzFields, list[Check]] | None:
    """TD1 without a long document number."""
    l1, l2, l3 = lines
    if l1[0] not in "IAC" or l1[1] not in _NAME_CHARS:
        return None
    state, nationality, sex = l1[2:5], l2[15:18], l2[7]
    if state not in ISO_ALPHA3 or nationality not in ISO_ALPHA3 or sex not in _SEXES:
        return None
    names = _name(l3)
    number = l1[5:14]
    if names is None or number[0] == "<":
        return None
    birth, expiry = l2[0:6], l2[8:14]
    birth_iso = fast_iso(birth, ref, False)
    expiry_iso = fast_iso(expiry, ref, True)
    if birth_iso is None or expiry_iso is None:
        return None
    given = l1[14], l2[6], l2[14], l2[29]
    computed = (
        check_char(number),
        check_char(birth),
        check_char(expiry),
        check_char(l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29]),
    )
    if given != computed:
        return None
    checks = [
        Check("document_number", given[0], computed[0], True),
        Check("birth_date", given[1], computed[1], True),
        Check("expiry_date", given[2], computed[2], True),
        Check("composite", given[3], computed[3], True),
    ]
    fields = MrzFields(
        l1[0:2].rstrip("<"),
        state,
        names[0],
        names[1],
        number.rstrip("<"),
        nationality,
        birth,
        birth_iso,
        sex,
        expiry,
        expiry_iso,
        l1[15:30].replace("<", " ").strip(),
        l2[18:29].replace("<", " ").strip(),
    )
    return fields, checks
