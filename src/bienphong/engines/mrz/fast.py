"""Fast path for the common case: a clean MRZ with ISO codes, plain names, valid dates.

Wrong check digits are reported here too. At any other anomaly it returns None and the
caller reads the document with the full reporting reader, which gives the same result
for every document accepted here (a property test holds both to that).
Check digits come from one translation of each line into character values, summed by
weight class (positions 0, 1, 2 mod 3 of each field); the composite reuses the sums.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from . import codes as c
from . import dates
from .checkdigits import VALUES
from .countries import ICAO_NON_ISO, ISO_ALPHA3
from .dates import fast_pair
from .layouts import Layout
from .result import Check, Issue, MrzFields, issue

_NAME_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
_SEXES: Final = frozenset("MF<")
_DIGITS: Final = "0123456789"
_FIELDS: Final = ("document_number", "birth_date", "expiry_date", "optional_data", "composite")
# Passed checks are immutable: one shared object per field and digit.
_OK: Final[dict[str, tuple[Check, ...]]] = {
    f: tuple(Check(f, d, d, True) for d in _DIGITS) for f in _FIELDS
}
_OK_NUMBER: Final = _OK["document_number"]
_OK_BIRTH: Final = _OK["birth_date"]
_OK_EXPIRY: Final = _OK["expiry_date"]
_OK_OPTIONAL: Final = _OK["optional_data"]
_OK_COMPOSITE: Final = _OK["composite"]
_OK_OPTIONAL_FILLER: Final = Check("optional_data", "<", "0", True)

Read = tuple[MrzFields, list[Check], list[Issue], list[Issue]]
# 3-character code fields of ICAO codes outside ISO 3166 ("D<<" -> "D").
_NON_ISO: Final = {code.ljust(3, "<"): code for code in ICAO_NON_ISO}


def _code(raw: str, line: int, col: int, warnings: list[Issue]) -> str | None:
    """ISO code, or ICAO non-ISO code with its warning; None for anything else."""
    if raw in ISO_ALPHA3:
        return raw
    code = _NON_ISO.get(raw)
    if code is not None:
        warnings.append(issue(c.NON_ISO_CODE, line, col, col + 2))
    return code


def _date(
    raw: str,
    ref: dt.date,
    expiry: bool,
    line: int,
    start: int,
    errors: list[Issue],
    warnings: list[Issue],
) -> str | None:
    """Full date rules for what fast_pair declined: report invalid or partial dates."""
    found, status = (dates.expiry_date if expiry else dates.birth_date)(raw, ref)
    if status == dates.INVALID:
        errors.append(issue(c.INVALID_DATE, line, start, start + 5))
    elif status == dates.PARTIAL:
        warnings.append(issue(c.PARTIAL_DATE, line, start, start + 5))
    return None if found is None else found.isoformat()


def _verdict(
    field: str,
    given: str,
    value: int,
    line: int,
    col: int,
    checks: list[Check],
    errors: list[Issue],
) -> None:
    """Record a check; `value` is the computed digit."""
    computed = _DIGITS[value]
    if given == computed:
        checks.append(_OK[field][value])
    else:
        checks.append(Check(field, given, computed, False))
        errors.append(issue(c.CHECK_DIGIT, line, col, col))


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


def read_two_row(lines: list[str], lay: Layout, ref: dt.date) -> Read | None:
    """TD2, TD3, MRV-A and MRV-B."""
    l1, l2 = lines
    _, _, o_end = lay.optional
    if l1[0] not in lay.doc_letters or l1[1] not in _NAME_CHARS:
        return None
    warnings: list[Issue] = []
    state = _code(l1[2:5], 1, 3, warnings)
    nationality = _code(l2[10:13], 2, 11, warnings)
    sex = l2[20]
    if state is None or nationality is None or sex not in _SEXES:
        return None
    names = _name(l1[5:])
    if names is None or l2[0] == "<" or (lay.overflow and l2[9] == "<"):
        return None
    birth, expiry = l2[13:19], l2[21:27]
    birth_iso, expiry_iso = fast_pair(birth, expiry, ref)
    errors: list[Issue] = []
    if birth_iso is None:
        birth_iso = _date(birth, ref, False, 2, 14, errors, warnings)
    if expiry_iso is None:
        expiry_iso = _date(expiry, ref, True, 2, 22, errors, warnings)
    v = l2.encode().translate(VALUES)
    n0, n1, n2 = sum(v[0:9:3]), sum(v[1:9:3]), sum(v[2:9:3])
    b0, b1, b2 = v[13] + v[16], v[14] + v[17], v[15] + v[18]
    e0, e1, e2 = v[21] + v[24], v[22] + v[25], v[23] + v[26]
    number_cd = (7 * n0 + 3 * n1 + n2) % 10
    birth_cd = (7 * b0 + 3 * b1 + b2) % 10
    expiry_cd = (7 * e0 + 3 * e1 + e2) % 10
    if l2[9] == _DIGITS[number_cd] and l2[19] == _DIGITS[birth_cd] and l2[27] == _DIGITS[expiry_cd]:
        checks = [_OK_NUMBER[number_cd], _OK_BIRTH[birth_cd], _OK_EXPIRY[expiry_cd]]
    else:
        checks = []
        _verdict("document_number", l2[9], number_cd, 2, 10, checks, errors)
        _verdict("birth_date", l2[19], birth_cd, 2, 20, checks, errors)
        _verdict("expiry_date", l2[27], expiry_cd, 2, 28, checks, errors)
    optional = l2[28:o_end]
    if lay.composite_check is not None:
        o0, o1, o2 = sum(v[28:o_end:3]), sum(v[29:o_end:3]), sum(v[30:o_end:3])
        # Composite weights: number from phase 0, birth from 1, expiry from 2, optional 0.
        total = 7 * n0 + 3 * n1 + n2 + 7 * v[9]
        total += 3 * b0 + b1 + 7 * b2 + 3 * v[19]
        total += e0 + 7 * e1 + 3 * e2 + v[27]
        total += 7 * o0 + 3 * o1 + o2
        if lay.optional_check is not None:
            own = (7 * o0 + 3 * o1 + o2) % 10
            digit = l2[o_end]
            if digit == "<" and own == 0 and not optional.strip("<"):
                checks.append(_OK_OPTIONAL_FILLER)
            else:
                _verdict("optional_data", digit, own, 2, o_end + 1, checks, errors)
            total += v[o_end]
        composite = total % 10
        if l2[-1] == _DIGITS[composite]:
            checks.append(_OK_COMPOSITE[composite])
        else:
            _verdict("composite", l2[-1], composite, 2, len(l2), checks, errors)
    fields = MrzFields(
        l1[0:2].rstrip("<"),
        state,
        names[0],
        names[1],
        l2[0:9].rstrip("<"),
        nationality,
        birth,
        birth_iso,
        sex,
        expiry,
        expiry_iso,
        optional.replace("<", " ").strip(),
        None,
    )
    return fields, checks, errors, warnings


def read_td1(lines: list[str], ref: dt.date) -> Read | None:
    """TD1 without a long document number."""
    l1, l2, l3 = lines
    if l1[0] not in "IAC" or l1[1] not in _NAME_CHARS:
        return None
    warnings: list[Issue] = []
    state = _code(l1[2:5], 1, 3, warnings)
    nationality = _code(l2[15:18], 2, 16, warnings)
    sex = l2[7]
    if state is None or nationality is None or sex not in _SEXES:
        return None
    names = _name(l3)
    number = l1[5:14]
    if names is None or number[0] == "<":
        return None
    if l1[14] == "<":  # long document number: the full reader handles it
        return None
    birth, expiry = l2[0:6], l2[8:14]
    birth_iso, expiry_iso = fast_pair(birth, expiry, ref)
    errors: list[Issue] = []
    if birth_iso is None:
        birth_iso = _date(birth, ref, False, 2, 1, errors, warnings)
    if expiry_iso is None:
        expiry_iso = _date(expiry, ref, True, 2, 9, errors, warnings)
    v1 = l1.encode().translate(VALUES)
    v2 = l2.encode().translate(VALUES)
    n0, n1, n2 = sum(v1[5:14:3]), sum(v1[6:14:3]), sum(v1[7:14:3])
    b0, b1, b2 = v2[0] + v2[3], v2[1] + v2[4], v2[2] + v2[5]
    e0, e1, e2 = v2[8] + v2[11], v2[9] + v2[12], v2[10] + v2[13]
    # Composite: line 1 from phase 0, line 2 segments from phases 1, 2 and 0.
    composite = 7 * sum(v1[5:30:3]) + 3 * sum(v1[6:30:3]) + sum(v1[7:30:3])
    composite += 3 * (b0 + v2[6]) + b1 + 7 * b2
    composite += e0 + v2[14] + 7 * e1 + 3 * e2
    composite += 7 * sum(v2[18:29:3]) + 3 * sum(v2[19:29:3]) + sum(v2[20:29:3])
    number_cd = (7 * n0 + 3 * n1 + n2) % 10
    birth_cd = (7 * b0 + 3 * b1 + b2) % 10
    expiry_cd = (7 * e0 + 3 * e1 + e2) % 10
    composite %= 10
    if (
        l1[14] == _DIGITS[number_cd]
        and l2[6] == _DIGITS[birth_cd]
        and l2[14] == _DIGITS[expiry_cd]
        and l2[29] == _DIGITS[composite]
    ):
        checks = [
            _OK_NUMBER[number_cd],
            _OK_BIRTH[birth_cd],
            _OK_EXPIRY[expiry_cd],
            _OK_COMPOSITE[composite],
        ]
    else:
        checks = []
        _verdict("document_number", l1[14], number_cd, 1, 15, checks, errors)
        _verdict("birth_date", l2[6], birth_cd, 2, 7, checks, errors)
        _verdict("expiry_date", l2[14], expiry_cd, 2, 15, checks, errors)
        _verdict("composite", l2[29], composite, 2, 30, checks, errors)
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
    return fields, checks, errors, warnings
