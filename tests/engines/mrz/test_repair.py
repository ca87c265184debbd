"""OCR repair: only in numeric fields, only where check digits confirm it."""

from __future__ import annotations

import datetime as dt

import pytest

from bienphong.engines.mrz import parse_mrz

from .mrzgen import set_char, td1
from .test_specimens import TD3

REF = dt.date(2026, 11, 28)


def test_date_letter_repaired_when_check_digit_agrees() -> None:
    text = set_char(TD3, 2, 16, "O")  # 740812 read as 74O812
    plain = parse_mrz(text, reference_date=REF)
    assert not plain.valid and plain.repairs == ()
    result = parse_mrz(text, reference_date=REF, repair=True)
    assert result.valid, result.errors
    assert [r.to_dict() for r in result.repairs] == [
        {"line": 2, "column": 16, "from": "O", "to": "0", "field": "birth_date"}
    ]
    assert result.fields.birth_date == "740812"


@pytest.mark.parametrize(
    ("col", "wrong", "field"),
    [(10, "G", "document_number_check_digit"), (20, "Z", "birth_date_check_digit"),
     (43, "I", "optional_data_check_digit"), (44, "O", "composite_check_digit")],
)  # fmt: skip
def test_check_digit_letters_repaired(col: int, wrong: str, field: str) -> None:
    result = parse_mrz(set_char(TD3, 2, col, wrong), reference_date=REF, repair=True)
    assert result.valid, result.errors
    assert [(r.column, r.from_, r.field) for r in result.repairs] == [(col, wrong, field)]


def test_several_repairs_in_one_document() -> None:
    text = set_char(set_char(TD3, 2, 22, "I"), 2, 27, "S")  # expiry 120415 -> I2041S
    result = parse_mrz(text, reference_date=REF, repair=True)
    assert result.valid, result.errors
    assert [(r.column, r.to) for r in result.repairs] == [(22, "1"), (27, "5")]


def test_unconfirmed_repair_is_not_applied() -> None:
    text = set_char(set_char(TD3, 2, 16, "O"), 2, 20, "7")  # wrong check digit too
    result = parse_mrz(text, reference_date=REF, repair=True)
    assert result.repairs == ()
    assert not result.valid


def test_alpha_and_alphanumeric_fields_are_never_repaired() -> None:
    text = TD3.replace("UTO7408", "UT07408")  # nationality with a zero
    result = parse_mrz(text, reference_date=REF, repair=True)
    assert result.repairs == ()
    assert "invalid_country_code" in [e.code for e in result.errors]


def test_td1_repair_positions() -> None:
    text = set_char(td1(birth="850101"), 2, 1, "B")  # birth 850101 -> B50101
    result = parse_mrz(text, reference_date=REF, repair=True)
    assert result.valid
    assert [(r.line, r.column, r.from_, r.to) for r in result.repairs] == [(2, 1, "B", "8")]


def test_repair_off_by_default() -> None:
    result = parse_mrz(set_char(TD3, 2, 20, "Z"), reference_date=REF)
    assert not result.valid and result.repairs == ()
