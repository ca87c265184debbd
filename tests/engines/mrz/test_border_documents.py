"""Documents without an MRZ and the Vietnamese citizen ID number."""

from __future__ import annotations

import datetime as dt

import pytest

from bienphong.engines.mrz.border_documents import (
    BorderAreaPass,
    BorderResidentPass,
    ChineseExitEntryPass,
    SeafarerBook,
    add_months,
    validate_border_area_pass,
    validate_border_resident_pass,
    validate_chinese_exit_entry_pass,
    validate_citizen_id,
    validate_seafarer_book,
)
from bienphong.engines.mrz.citizen_id import PROVINCES, decode_citizen_id

D = dt.date


def area_pass(**kw: object) -> BorderAreaPass:
    base: dict[str, object] = {
        "number": "QN1234567",
        "holder_name": "Nguyễn Văn An",
        "nationality": "VNM",
        "issue_date": D(2026, 1, 31),
        "expiry_date": D(2026, 2, 28),
        "entries": "single",
        "destination_areas": ("dongxing",),
        "home_area": "quang-ninh",
    }
    base.update(kw)
    return BorderAreaPass(**base)  # type: ignore[arg-type]


def errs(v: object) -> list[tuple[str, str]]:
    return [(e.code, e.field) for e in getattr(v, "errors")]  # noqa: B009


def test_border_area_pass_single_entry_one_month() -> None:
    v = validate_border_area_pass(area_pass())
    assert v.valid and v.to_dict() == {"valid": True, "errors": [], "warnings": []}
    too_long = validate_border_area_pass(area_pass(expiry_date=D(2026, 3, 1)))
    assert errs(too_long) == [("validity_too_long", "expiry_date")]
    assert too_long.to_dict()["errors"][0] == {
        "code": "validity_too_long",
        "message": "The validity is longer than this document allows.",
        "field": "expiry_date",
    }


def test_border_area_pass_multiple_entry_twelve_months() -> None:
    ok = area_pass(entries="multiple", issue_date=D(2026, 3, 1), expiry_date=D(2027, 3, 1))
    assert validate_border_area_pass(ok).valid
    bad = area_pass(entries="multiple", issue_date=D(2026, 3, 1), expiry_date=D(2027, 3, 2))
    assert errs(validate_border_area_pass(bad)) == [("validity_too_long", "expiry_date")]
    assert errs(validate_border_area_pass(area_pass(entries="twice"))) == [
        ("invalid_entries", "entries")
    ]


def test_border_area_pass_only_opposite_area() -> None:
    own_side = area_pass(destination_areas=("lang-son",))
    assert errs(validate_border_area_pass(own_side)) == [("area_not_opposite", "destination_areas")]
    chinese = area_pass(
        nationality="CHN",
        holder_name="王伟",
        destination_areas=("quang-ninh",),
        home_area="dongxing",
    )
    assert validate_border_area_pass(chinese, visiting="quang-ninh").valid
    assert errs(validate_border_area_pass(chinese, visiting="lang-son")) == [
        ("area_not_permitted", "destination_areas")
    ]
    wrong_home = area_pass(home_area="hekou")
    assert errs(validate_border_area_pass(wrong_home)) == [("area_not_own_side", "home_area")]
    assert errs(validate_border_area_pass(area_pass(destination_areas=("paris",)))) == [
        ("unknown_area", "destination_areas")
    ]
    assert errs(validate_border_area_pass(area_pass(destination_areas=()))) == [
        ("required", "destination_areas")
    ]


def test_border_area_pass_basic_rules() -> None:
    v = validate_border_area_pass(
        area_pass(number="", holder_name=" ", nationality="USA", sex="Q", birth_date=D(2027, 1, 1))
    )
    assert errs(v) == [
        ("required", "number"),
        ("required", "holder_name"),
        ("birth_after_issue", "birth_date"),
        ("invalid_sex", "sex"),
        ("invalid_nationality", "nationality"),
        ("area_not_own_side", "home_area"),
    ]
    assert errs(validate_border_area_pass(area_pass(number="AB-12"))) == [
        ("invalid_number", "number")
    ]
    assert errs(validate_border_area_pass(area_pass(expiry_date=D(2026, 1, 31)))) == [
        ("expiry_before_issue", "expiry_date")
    ]


def test_validity_period_policy() -> None:
    p = area_pass()
    assert validate_border_area_pass(p, today=D(2026, 2, 28)).valid
    assert errs(validate_border_area_pass(p, today=D(2026, 3, 1))) == [("expired", "expiry_date")]
    assert errs(validate_border_area_pass(p, today=D(2026, 1, 1))) == [
        ("not_yet_valid", "issue_date")
    ]


def test_border_resident_pass() -> None:
    p = BorderResidentPass(
        "CD001", "Hoàng Thị Mai", "VNM", "cao-bang", D(2024, 5, 1), D(2029, 5, 1), sex="F"
    )
    assert validate_border_resident_pass(p, today=D(2026, 1, 1), visiting="longzhou").valid
    assert errs(validate_border_resident_pass(p, visiting="lang-son")) == [
        ("area_not_opposite", "visiting")
    ]
    wrong = BorderResidentPass("CD001", "X", "CHN", "cao-bang", D(2024, 5, 1), D(2029, 5, 1))
    assert errs(validate_border_resident_pass(wrong)) == [("area_not_own_side", "home_area")]


def test_chinese_exit_entry_pass() -> None:
    p = ChineseExitEntryPass(
        "T12345678", "李娜", D(2026, 6, 1), D(2027, 6, 1), "multiple", destination_area="quang-ninh"
    )
    assert validate_chinese_exit_entry_pass(p).valid
    assert errs(validate_chinese_exit_entry_pass(p, max_validity_months=6)) == [
        ("validity_too_long", "expiry_date")
    ]
    vn = ChineseExitEntryPass(
        "T1",
        "A",
        D(2026, 6, 1),
        D(2026, 7, 1),
        "single",
        nationality="VNM",
        destination_area="hekou",
    )
    assert errs(validate_chinese_exit_entry_pass(vn)) == [
        ("invalid_nationality", "nationality"),
        ("area_not_opposite", "destination_area"),
    ]


def test_seafarer_book() -> None:
    book = SeafarerBook("B123456", "TRAN VAN BINH", "VNM", "VNM", D(2022, 1, 1), D(2032, 1, 1))
    assert validate_seafarer_book(book, today=D(2026, 1, 1)).valid
    german = SeafarerBook("B1", "MUELLER", "D", "D", D(2022, 1, 1), D(2032, 1, 1))
    assert validate_seafarer_book(german).valid
    odd = SeafarerBook("B1", "X", "ZZZ", "V1N", D(2022, 1, 1), D(2032, 1, 1))
    v = validate_seafarer_book(odd)
    assert errs(v) == [("invalid_country_code", "issuing_state")]
    assert [(w.code, w.field) for w in v.warnings] == [("unknown_country_code", "nationality")]
    assert not validate_seafarer_book(
        SeafarerBook("B1", "X", "VIETNAM", "VNM", D(2022, 1, 1), D(2032, 1, 1))
    ).valid


def test_citizen_id_province_codes() -> None:
    assert len(PROVINCES) == 63
    assert PROVINCES["022"] == "Quảng Ninh"
    assert PROVINCES["001"] == "Hà Nội" and PROVINCES["096"] == "Cà Mau"
    assert "003" not in PROVINCES


@pytest.mark.parametrize(
    ("digit", "sex", "century"),
    [("0", "M", 1900), ("1", "F", 1900), ("2", "M", 2000), ("3", "F", 2000), ("4", "M", 2100),
     ("5", "F", 2100), ("6", "M", 2200), ("7", "F", 2200), ("8", "M", 2300), ("9", "F", 2300)],
)  # fmt: skip
def test_citizen_id_century_and_sex(digit: str, sex: str, century: int) -> None:
    decoded = decode_citizen_id(f"022{digit}05000123")
    assert decoded is not None
    assert (decoded.sex, decoded.birth_year, decoded.province) == (sex, century + 5, "Quảng Ninh")
    assert decoded.serial == "000123"


def test_citizen_id_validation() -> None:
    assert validate_citizen_id("001093047064", D(1993, 1, 5), "M").valid
    assert validate_citizen_id("022301000123", D(2001, 7, 2), "F").valid
    assert errs(validate_citizen_id("003093047064")) == [("unknown_province", "number")]
    assert errs(validate_citizen_id("00109304706A")) == [("invalid_format", "number")]
    assert errs(validate_citizen_id("00109304706")) == [("invalid_format", "number")]
    assert errs(validate_citizen_id("０01093047064")) == [("invalid_format", "number")]
    assert errs(validate_citizen_id("001093047064", D(1994, 1, 5), "F")) == [
        ("birth_year_mismatch", "birth_date"),
        ("sex_mismatch", "sex"),
    ]


def test_add_months_clamps() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2028, 1, 31), 1) == D(2028, 2, 29)
    assert add_months(D(2026, 3, 31), 12) == D(2027, 3, 31)
    assert add_months(D(2026, 12, 15), 1) == D(2027, 1, 15)
