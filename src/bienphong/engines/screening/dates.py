"""Dates of birth: parsing partial dates and grading how two dates agree."""

from __future__ import annotations

import re

# A date is packed as YYYYMMDD with 00 for unknown month/day; 0 = no date at all.
_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")
_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")

# Match codes (stable: the web layer translates them) and their score multipliers.
DATE_FACTORS: dict[str, float] = {
    "exact": 1.0,
    "year_month": 0.97,
    "year_only": 0.95,
    "placeholder": 0.95,
    "day_month_swap": 0.95,
    "one_digit": 0.93,
    "one_digit_year": 0.85,
    "missing": 0.86,
    "same_year_other_day": 0.6,
    "different": 0.45,
}

# Rough chance that an unrelated person's date agrees this way although the dates
# differ (for commonness). Agreement on all the list knows (year only, missing) is
# not coincidence but a legitimate hit, so it is not penalised.
CHANCE: dict[str, float] = {
    "day_month_swap": 1 / 10000,
    # a full date has ~30 valid one-digit neighbours among ~22,000 birth dates
    "one_digit": 1 / 700,
    "one_digit_year": 1 / 4,
    # ... and a year-month, ~17 neighbours among ~720: see `chance`
}

# A full birth date that agrees exactly (1 chance in ~20,000 for an unrelated person)
# makes up for part of a name that is incomplete, e.g. a Vietnamese middle name left
# out of a passport ("Nguyen An" for "Nguyễn Mạnh An"): that part of the gap closes.
EXACT_DATE_LIFT = 0.35
EXACT_DATE_MIN_NAME = 0.6  # ... only when the name itself already agrees this much


def parse_date(value: str | None) -> int:
    """`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `DD/MM/YYYY` -> packed int; bad/empty -> 0."""
    if not value:
        return 0
    m = _DATE.match(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    else:
        m = _DMY.match(value)
        if not m:
            return 0
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1000 <= y <= 9999 or mo > 12 or d > 31:
        return 0
    return y * 10000 + mo * 100 + d


def year_of(packed: int) -> int:
    return packed // 10000


def format_date(packed: int) -> str:
    if not packed:
        return ""
    y, mo, d = packed // 10000, packed // 100 % 100, packed % 100
    return f"{y:04d}" + (f"-{mo:02d}" if mo else "") + (f"-{d:02d}" if d and mo else "")


def _one_digit(a: str, b: str) -> bool:
    """Do two digit strings of one length differ in exactly one place?"""
    if len(a) != len(b):
        return False
    # XOR of two ASCII digits fits in a byte's low 4 bits: fold them onto bit 0
    x = int.from_bytes(a.encode(), "big") ^ int.from_bytes(b.encode(), "big")
    x |= x >> 2
    x |= x >> 1
    return (x & _LOW_BITS[len(a)]).bit_count() == 1


_LOW_BITS = [int.from_bytes(b"\x01" * n, "big") for n in range(17)]


def compare_dates(listed: int, query: int) -> str:
    """Grade the agreement of a listed (possibly partial) and a query date of birth."""
    if not listed or not query:
        return "missing"
    ly, lm, ld = listed // 10000, listed // 100 % 100, listed % 100
    qy, qm, qd = query // 10000, query // 100 % 100, query % 100
    if not qm:  # traveller's date is itself partial: compare what both have
        return (
            "year_only"
            if ly == qy
            else ("one_digit_year" if _one_digit(str(ly), str(qy)) else "different")
        )
    if not lm:
        if ly == qy:
            return "year_only"
        return "one_digit_year" if _one_digit(str(ly), str(qy)) else "different"
    if not ld or not qd:
        if (ly, lm) == (qy, qm):
            return "year_month"
        if _one_digit(f"{ly}{lm:02d}", f"{qy}{qm:02d}"):
            return "one_digit_year"
        return "same_year_other_day" if ly == qy else "different"
    if listed == query:
        return "exact"
    if lm == 1 and ld == 1 and (qm, qd) != (1, 1):  # 01-01 is a placeholder: year only
        if ly == qy:
            return "placeholder"
        return "one_digit_year" if _one_digit(str(ly), str(qy)) else "different"
    if ly == qy and lm == qd and ld == qm:
        return "day_month_swap"
    if _one_digit(f"{listed:08d}", f"{query:08d}"):
        return "one_digit"
    return "same_year_other_day" if ly == qy else "different"


CHANCE_ONE_DIGIT_YEAR_MONTH = 1 / 40


def chance(dcode: str, listed: int) -> float:
    """`CHANCE` of the agreement, for the precision of the listed date: one digit off a
    listed year-month is rarer by chance than one digit off a listed year."""
    if dcode == "one_digit_year" and listed // 100 % 100 and listed % 10000 != 101:
        return CHANCE_ONE_DIGIT_YEAR_MONTH
    return CHANCE.get(dcode, 0.0)


def lift_for_exact_date(name_score: float, dcode: str, listed: int) -> float:
    """Name score raised by an exactly agreeing full date of birth (not a 01-01
    placeholder, which agrees by chance far more often)."""
    if dcode != "exact" or name_score < EXACT_DATE_MIN_NAME or listed % 10000 == 101:
        return name_score
    return name_score + (1.0 - name_score) * EXACT_DATE_LIFT
