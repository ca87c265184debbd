"""Documents without an MRZ: Vietnam-China border passes, seafarer's book, citizen ID.

Entered by hand and validated by rules; problems come back as {code, message, field}.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final

from . import countries
from .citizen_id import citizen_id_problems

VNM: Final = "VNM"
CHN: Final = "CHN"
SINGLE: Final = "single"
MULTIPLE: Final = "multiple"
# Border-area pass validity (Vietnam-China agreement): single entry 1 month, multiple 12.
MAX_VALIDITY_MONTHS: Final = {SINGLE: 1, MULTIPLE: 12}

MESSAGES: Final[dict[str, str]] = {
    "required": "This field is required.",
    "invalid_number": "The document number may contain only A-Z and 0-9.",
    "invalid_nationality": "This document is not issued to holders of this nationality.",
    "invalid_country_code": "The state or nationality code is not valid.",
    "unknown_country_code": "Unknown state or nationality code.",
    "invalid_entries": "Entries must be 'single' or 'multiple'.",
    "invalid_sex": "The sex must be M or F.",
    "expiry_before_issue": "The expiry date must be after the issue date.",
    "validity_too_long": "The validity is longer than this document allows.",
    "birth_after_issue": "The birth date is after the issue date.",
    "unknown_area": "Unknown border area.",
    "area_not_opposite": "The pass is valid only in the border area across the border.",
    "area_not_own_side": "The holder's home area must be a border area of their own country.",
    "area_not_permitted": "The pass does not cover the area being visited.",
    "expired": "The document has expired.",
    "not_yet_valid": "The document is not valid yet.",
    "invalid_format": "A citizen ID number has exactly 12 digits.",
    "unknown_province": "The first 3 digits are not a province code.",
    "birth_year_mismatch": "The ID number encodes another year of birth.",
    "sex_mismatch": "The ID number encodes another sex.",
}


@dataclass(frozen=True, slots=True)
class BorderArea:
    country: str
    name: str


def _areas(country: str, names: dict[str, str]) -> dict[str, BorderArea]:
    return {key: BorderArea(country, name) for key, name in names.items()}


# Vietnamese border provinces with China (Hà Giang merged into Tuyên Quang in 2025)
# and the Chinese border counties/cities with Vietnam (Guangxi and Yunnan).
BORDER_AREAS: Final[dict[str, BorderArea]] = {
    **_areas(VNM, {
        "quang-ninh": "Quảng Ninh", "lang-son": "Lạng Sơn", "cao-bang": "Cao Bằng",
        "ha-giang": "Hà Giang", "tuyen-quang": "Tuyên Quang", "lao-cai": "Lào Cai",
        "lai-chau": "Lai Châu", "dien-bien": "Điện Biên",
    }),
    **_areas(CHN, {
        "dongxing": "东兴市", "fangcheng": "防城区", "ningming": "宁明县", "pingxiang": "凭祥市",
        "longzhou": "龙州县", "daxin": "大新县", "jingxi": "靖西市", "napo": "那坡县",
        "hekou": "河口县", "jinping": "金平县", "malipo": "麻栗坡县", "maguan": "马关县",
        "funing": "富宁县", "luchun": "绿春县", "jiangcheng": "江城县",
    }),
}  # fmt: skip

_ALNUM: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True, slots=True)
class FieldIssue:
    code: str
    message: str
    field: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "field": self.field}


@dataclass(frozen=True, slots=True)
class Validation:
    valid: bool
    errors: tuple[FieldIssue, ...] = ()
    warnings: tuple[FieldIssue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day `months` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    return dt.date(year, month + 1, 28)


@dataclass(frozen=True, slots=True)
class BorderAreaPass:
    """Giấy thông hành xuất nhập cảnh vùng biên giới Việt Nam - Trung Quốc."""

    number: str
    holder_name: str
    nationality: str
    issue_date: dt.date
    expiry_date: dt.date
    entries: str
    destination_areas: tuple[str, ...]
    home_area: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True, slots=True)
class BorderResidentPass:
    """Border-resident pass: lets residents of border communes cross at local crossings."""

    number: str
    holder_name: str
    nationality: str
    home_area: str
    issue_date: dt.date
    expiry_date: dt.date
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True, slots=True)
class ChineseExitEntryPass:
    """中华人民共和国出入境通行证 (exit-entry pass of the People's Republic of China)."""

    number: str
    holder_name: str
    issue_date: dt.date
    expiry_date: dt.date
    entries: str
    nationality: str = CHN
    destination_area: str | None = None
    birth_date: dt.date | None = None
    sex: str | None = None


@dataclass(frozen=True, slots=True)
class SeafarerBook:
    """Sổ thuyền viên (seafarer's identity and record book)."""

    number: str
    holder_name: str
    nationality: str
    issuing_state: str
    issue_date: dt.date
    expiry_date: dt.date
    birth_date: dt.date | None = None
    sex: str | None = None


class _Collector:
    __slots__ = ("errors", "warnings")

    def __init__(self) -> None:
        self.errors: list[FieldIssue] = []
        self.warnings: list[FieldIssue] = []

    def error(self, code: str, field: str) -> None:
        self.errors.append(FieldIssue(code, MESSAGES[code], field))

    def warn(self, code: str, field: str) -> None:
        self.warnings.append(FieldIssue(code, MESSAGES[code], field))

    def result(self) -> Validation:
        return Validation(not self.errors, tuple(self.errors), tuple(self.warnings))


def _common(
    out: _Collector,
    number: str,
    holder_name: str,
    issue_date: dt.date,
    expiry_date: dt.date,
    birth_date: dt.date | None,
    sex: str | None,
    today: dt.date | None,
) -> None:
    if not number:
        out.error("required", "number")
    elif not _ALNUM.issuperset(number):
        out.error("invalid_number", "number")
    if not holder_name.strip():
        out.error("required", "holder_name")
    if expiry_date <= issue_date:
        out.error("expiry_before_issue", "expiry_date")
    if birth_date is not None and birth_date > issue_date:
        out.error("birth_after_issue", "birth_date")
    if sex is not None and sex not in ("M", "F"):
        out.error("invalid_sex", "sex")
    if today is not None:
        if today > expiry_date:
            out.error("expired", "expiry_date")
        elif today < issue_date:
            out.error("not_yet_valid", "issue_date")


def _area(out: _Collector, key: str, field: str, country: str, own_side: bool) -> None:
    area = BORDER_AREAS.get(key)
    if area is None:
        out.error("unknown_area", field)
    elif (area.country == country) != own_side:
        out.error("area_not_own_side" if own_side else "area_not_opposite", field)


def _entries(out: _Collector, entries: str) -> None:
    if entries not in MAX_VALIDITY_MONTHS:
        out.error("invalid_entries", "entries")


def validate_border_area_pass(
    p: BorderAreaPass, today: dt.date | None = None, visiting: str | None = None
) -> Validation:
    """Rules of the border-area pass; `today` adds the validity-period policy check."""
    out = _Collector()
    _common(out, p.number, p.holder_name, p.issue_date, p.expiry_date, p.birth_date, p.sex, today)
    if p.nationality not in (VNM, CHN):
        out.error("invalid_nationality", "nationality")
    _entries(out, p.entries)
    months = MAX_VALIDITY_MONTHS.get(p.entries)
    if months is not None and p.expiry_date > add_months(p.issue_date, months):
        out.error("validity_too_long", "expiry_date")
    if not p.destination_areas:
        out.error("required", "destination_areas")
    for key in p.destination_areas:
        _area(out, key, "destination_areas", p.nationality, own_side=False)
    if p.home_area is not None:
        _area(out, p.home_area, "home_area", p.nationality, own_side=True)
    if visiting is not None and visiting not in p.destination_areas:
        out.error("area_not_permitted", "destination_areas")
    return out.result()


def validate_border_resident_pass(
    p: BorderResidentPass, today: dt.date | None = None, visiting: str | None = None
) -> Validation:
    """Rules of the border-resident pass: home area on the holder's own side."""
    out = _Collector()
    _common(out, p.number, p.holder_name, p.issue_date, p.expiry_date, p.birth_date, p.sex, today)
    if p.nationality not in (VNM, CHN):
        out.error("invalid_nationality", "nationality")
    _area(out, p.home_area, "home_area", p.nationality, own_side=True)
    if visiting is not None:
        _area(out, visiting, "visiting", p.nationality, own_side=False)
    return out.result()


def validate_chinese_exit_entry_pass(
    p: ChineseExitEntryPass, today: dt.date | None = None, max_validity_months: int | None = None
) -> Validation:
    """Rules of the Chinese exit-entry pass; the validity limit is a parameter (none known)."""
    out = _Collector()
    _common(out, p.number, p.holder_name, p.issue_date, p.expiry_date, p.birth_date, p.sex, today)
    if p.nationality != CHN:
        out.error("invalid_nationality", "nationality")
    _entries(out, p.entries)
    limit = max_validity_months
    if limit is not None and p.expiry_date > add_months(p.issue_date, limit):
        out.error("validity_too_long", "expiry_date")
    if p.destination_area is not None:
        _area(out, p.destination_area, "destination_area", CHN, own_side=False)
    return out.result()


def _country(out: _Collector, code: str, field: str) -> None:
    _, kind = countries.classify(code) if len(code) <= 3 else ("", countries.INVALID)
    if kind == countries.INVALID or len(code) not in (1, 3):
        out.error("invalid_country_code", field)
    elif kind == countries.UNKNOWN:
        out.warn("unknown_country_code", field)


def validate_seafarer_book(p: SeafarerBook, today: dt.date | None = None) -> Validation:
    """Rules of the seafarer's book: ICAO state codes, coherent dates."""
    out = _Collector()
    _common(out, p.number, p.holder_name, p.issue_date, p.expiry_date, p.birth_date, p.sex, today)
    _country(out, p.nationality, "nationality")
    _country(out, p.issuing_state, "issuing_state")
    return out.result()


def validate_citizen_id(
    number: str, birth_date: dt.date | None = None, sex: str | None = None
) -> Validation:
    """Vietnamese 12-digit citizen ID, cross-checked with birth date and sex when given."""
    out = _Collector()
    for code, field in citizen_id_problems(number, birth_date, sex):
        out.error(code, field)
    return out.result()
