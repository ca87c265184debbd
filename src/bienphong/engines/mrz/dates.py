"""YYMMDD dates: calendar validity and century inference from a reference date."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Final

OK: Final = 0
PARTIAL: Final = 1
INVALID: Final = 2

EXPIRY_YEARS_AHEAD: Final = 20  # expiry more than this far ahead belongs to the previous century
_DIGITS: Final = frozenset("0123456789")


# Every valid MMDD (29 February included; the year is checked separately).
_MMDD: Final = frozenset(
    f"{m:02d}{d:02d}"
    for m, days in enumerate((31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31), 1)
    for d in range(1, days + 1)
)


@lru_cache(maxsize=64)
def _reference(reference: dt.date) -> tuple[int, int, str]:
    """(reference year, its century start, reference MMDD)."""
    return reference.year, reference.year // 100 * 100, f"{reference.month:02d}{reference.day:02d}"


def fast_iso(raw: str, reference: dt.date, expiry: bool) -> str | None:
    """ISO date of a complete, valid YYMMDD; None sends the caller to the full rules."""
    return _iso(raw, _reference(reference), expiry)


def fast_pair(birth: str, expiry: str, reference: dt.date) -> tuple[str | None, str | None]:
    """fast_iso of a birth date and an expiry date at once."""
    ref = _reference(reference)
    return _iso(birth, ref, False), _iso(expiry, ref, True)


def _iso(raw: str, ref: tuple[int, int, str], expiry: bool) -> str | None:
    mmdd = raw[2:]
    if mmdd not in _MMDD or not raw[:2].isdigit() or not raw.isascii():
        return None
    ref_year, century, ref_mmdd = ref
    year = century + int(raw[:2])
    if expiry:
        if year > ref_year + EXPIRY_YEARS_AHEAD:
            year -= 100
        elif year <= ref_year + EXPIRY_YEARS_AHEAD - 100:
            year += 100
    elif year > ref_year or (year == ref_year and mmdd > ref_mmdd):
        year -= 100
    if mmdd == "0229" and (year % 4 or (year % 100 == 0 and year % 400)):
        return None
    return f"{year:04d}-{raw[2:4]}-{raw[4:6]}"


def _parts(raw: str) -> tuple[int, int, int, int] | None:
    """(yy, mm, dd, status) with 0 for unknown month/day ('<<'); None if malformed."""
    if len(raw) != 6:
        return None
    if _DIGITS.issuperset(raw):
        return int(raw[0:2]), int(raw[2:4]), int(raw[4:6]), OK
    yy, mm, dd = raw[0:2], raw[2:4], raw[4:6]
    if not _DIGITS.issuperset(yy):
        return None
    if mm == "<<" and dd == "<<":
        return int(yy), 0, 0, PARTIAL
    if _DIGITS.issuperset(mm) and dd == "<<" and 1 <= int(mm) <= 12:
        return int(yy), int(mm), 0, PARTIAL
    return None


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def birth_date(raw: str, reference: dt.date) -> tuple[dt.date | None, int]:
    """Birth dates lie on or before the reference date."""
    if raw == "<<<<<<":
        return None, PARTIAL
    parts = _parts(raw)
    if parts is None:
        return None, INVALID
    yy, mm, dd, status = parts
    year = reference.year // 100 * 100 + yy
    if status == PARTIAL:
        if year > reference.year:
            year -= 100
        return None, PARTIAL
    if (year, mm, dd) > (reference.year, reference.month, reference.day):
        year -= 100
    found = _make(year, mm, dd)
    return found, OK if found is not None else INVALID


def expiry_date(raw: str, reference: dt.date) -> tuple[dt.date | None, int]:
    """Expiry dates lie within EXPIRY_YEARS_AHEAD years ahead, else in the previous century."""
    if raw == "<<<<<<":
        return None, PARTIAL
    parts = _parts(raw)
    if parts is None:
        return None, INVALID
    yy, mm, dd, status = parts
    year = reference.year // 100 * 100 + yy
    if year > reference.year + EXPIRY_YEARS_AHEAD:
        year -= 100
    elif year <= reference.year + EXPIRY_YEARS_AHEAD - 100:
        year += 100
    if status == PARTIAL:
        return None, PARTIAL
    found = _make(year, mm, dd)
    return found, OK if found is not None else INVALID
