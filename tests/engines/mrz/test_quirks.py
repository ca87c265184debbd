"""Real-document quirks ICAO 9303 allows: long numbers, non-ISO codes, names, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from bienphong.engines.mrz import check_expiry, parse_mrz

from .mrzgen import set_char, td1, td2, td3, visa
from .test_specimens import TD3

REF = dt.date(2026, 11, 28)


def codes(items: tuple[object, ...]) -> list[str]:
    return [getattr(i, "code") for i in items]  # noqa: B009


def test_td1_long_document_number() -> None:
    text = td1("D23145890123", optional="AB<7")
    line1 = text.split("\n")[0]
    assert line1[14] == "<"
    result = parse_mrz(text, reference_date=REF)
    assert result.valid, result.errors
    assert result.fields.document_number == "D23145890123"
    assert result.fields.optional_data == "AB 7"
    check = result.checks[0]
    assert check.field == "document_number" and check.ok
    assert check.given == line1[18]  # last character of the overflow "123" + digit
    warning = next(w for w in result.warnings if w.code == "long_document_number")
    assert (warning.line, warning.start, warning.end) == (1, 16, 19)


def test_td1_long_document_number_wrong_check_digit() -> None:
    text = td1("D23145890123")
    given = text[18]
    text = set_char(text, 1, 19, "0123456789"[(int(given) + 1) % 10])
    result = parse_mrz(text, reference_date=REF)
    assert not result.valid
    errors = [(e.code, e.line, e.start) for e in result.errors]
    assert ("check_digit", 1, 19) in errors


def test_td2_long_document_number() -> None:
    text = td2("D2314589012")
    assert text.split("\n")[1][9] == "<"
    result = parse_mrz(text, reference_date=REF)
    assert result.valid, result.errors
    assert result.fields.document_number == "D2314589012"
    assert result.fields.optional_data == ""


def test_missing_check_digit_without_overflow_is_an_error() -> None:
    text = set_char(td1(), 1, 15, "<")
    result = parse_mrz(text, reference_date=REF)
    assert not result.valid
    assert result.checks[0].given == "<"


@pytest.mark.parametrize(
    "code",
    ["D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC", "XXX",
     "EUE", "XPO", "XOM"],
)  # fmt: skip
def test_icao_codes_outside_iso(code: str) -> None:
    result = parse_mrz(td3(state=code, nationality=code), reference_date=REF)
    assert result.valid, result.errors
    assert result.fields.issuing_state == code
    assert result.fields.nationality == code
    assert codes(result.warnings) == ["non_iso_code", "non_iso_code"]


def test_germany_d_with_fillers() -> None:
    text = td1(code="ID", state="D", nationality="D")
    assert text.startswith("IDD<<")
    result = parse_mrz(text, reference_date=REF)
    assert result.valid
    assert (result.fields.issuing_state, result.fields.document_code) == ("D", "ID")


def test_iso_code_has_no_warning() -> None:
    result = parse_mrz(td3(state="VNM", nationality="CHN"), reference_date=REF)
    assert result.valid and result.warnings == ()


def test_unknown_code_is_a_warning_invalid_code_an_error() -> None:
    result = parse_mrz(td3(nationality="ZZZ"), reference_date=REF)
    assert result.valid
    assert "unknown_country_code" in codes(result.warnings)
    bad = parse_mrz(td3(nationality="U1O"), reference_date=REF)
    assert not bad.valid
    error = bad.errors[0]
    assert (error.code, error.line, error.start, error.end) == ("invalid_country_code", 2, 11, 13)


@pytest.mark.parametrize("digit", ["<", "0"])
def test_td3_empty_optional_data_check_digit(digit: str) -> None:
    result = parse_mrz(td3(optional="", optional_check=digit), reference_date=REF)
    assert result.valid, result.errors
    check = next(c for c in result.checks if c.field == "optional_data")
    assert (check.given, check.computed, check.ok) == (digit, "0", True)


def test_filler_check_digit_with_optional_data_is_an_error() -> None:
    result = parse_mrz(td3(optional="12345", optional_check="<"), reference_date=REF)
    assert not result.valid
    assert [c.field for c in result.checks if not c.ok] == ["optional_data"]


def test_fillers_inside_optional_data() -> None:
    result = parse_mrz(td3(optional="AB<CD<<12"), reference_date=REF)
    assert result.valid
    assert result.fields.optional_data == "AB CD  12"
    td1_result = parse_mrz(td1(optional="<<X1", optional2="7<<8"), reference_date=REF)
    assert td1_result.valid
    assert (td1_result.fields.optional_data, td1_result.fields.optional_data_2) == ("X1", "7  8")


def test_truncated_name() -> None:
    text = td3(surname="WOLFESCHLEGELSTEINHAUSEN", given="HUBERT BLAINE WOLFE")
    result = parse_mrz(text, reference_date=REF)
    assert result.valid
    assert result.fields.surname == "WOLFESCHLEGELSTEINHAUSEN"
    assert result.fields.given_names == "HUBERT BLAINE"
    warning = next(w for w in result.warnings if w.code == "name_truncated")
    assert (warning.line, warning.start, warning.end) == (1, 44, 44)


def test_single_identifier_names() -> None:
    result = parse_mrz(td3(surname="SUKARNO", given=""), reference_date=REF)
    assert result.valid
    assert (result.fields.surname, result.fields.given_names) == ("SUKARNO", "")
    double = parse_mrz(td1(surname="NGUYEN VAN", given=""), reference_date=REF)
    assert (double.fields.surname, double.fields.given_names) == ("NGUYEN VAN", "")


def test_digits_in_name_are_an_error() -> None:
    result = parse_mrz(set_char(TD3, 1, 7, "7"), reference_date=REF)
    assert codes(result.errors) == ["invalid_name"]
    assert (result.errors[0].line, result.errors[0].start) == (1, 7)


def test_impossible_date_is_its_own_error() -> None:
    result = parse_mrz(td3(birth="741332"), reference_date=REF)
    assert not result.valid
    assert codes(result.errors) == ["invalid_date"]
    error = result.errors[0]
    assert (error.line, error.start, error.end) == (2, 14, 19)
    assert all(c.ok for c in result.checks)  # check digits are a separate matter
    assert result.fields.birth_date == "741332"
    assert result.fields.birth_date_iso is None
    assert result.fields.expiry_date_iso == "2034-04-15"
    assert result.fields.surname == "ERIKSSON"


def test_leap_days() -> None:
    assert parse_mrz(td3(birth="000229"), reference_date=REF).fields.birth_date_iso == "2000-02-29"
    assert not parse_mrz(td3(birth="010229"), reference_date=REF).valid


@pytest.mark.parametrize(
    ("birth", "iso"),
    [("300101", "1930-01-01"), ("251231", "2025-12-31"), ("261128", "2026-11-28"),
     ("261129", "1926-11-29")],
)  # fmt: skip
def test_birth_century(birth: str, iso: str) -> None:
    assert parse_mrz(td3(birth=birth), reference_date=REF).fields.birth_date_iso == iso


@pytest.mark.parametrize(
    ("expiry", "iso"),
    [("460101", "2046-01-01"), ("470101", "1947-01-01"), ("990101", "1999-01-01"),
     ("270101", "2027-01-01")],
)  # fmt: skip
def test_expiry_century(expiry: str, iso: str) -> None:
    assert parse_mrz(td3(expiry=expiry), reference_date=REF).fields.expiry_date_iso == iso


def test_partial_birth_date() -> None:
    result = parse_mrz(td3(birth="74<<<<"), reference_date=REF)
    assert result.valid
    assert "partial_date" in codes(result.warnings)
    assert (result.fields.birth_date, result.fields.birth_date_iso) == ("74<<<<", None)


def test_expiry_is_a_policy_check_not_a_parse_error() -> None:
    result = parse_mrz(TD3, reference_date=REF)  # expired in 2012
    assert result.valid
    expired = check_expiry(result, REF)
    assert expired is not None
    assert (expired.code, expired.line, expired.start, expired.end) == ("expired", 2, 22, 27)
    assert check_expiry(result, dt.date(2012, 4, 15)) is None
    unknown = check_expiry(parse_mrz(td3(expiry="341332"), reference_date=REF), REF)
    assert unknown is not None and unknown.code == "expiry_unknown"
    visa_result = parse_mrz(visa(36), reference_date=REF)
    assert check_expiry(visa_result, REF) is None


def test_sex_values() -> None:
    assert parse_mrz(td3(sex="<"), reference_date=REF).valid
    x = parse_mrz(td3(sex="X"), reference_date=REF)
    assert x.valid and "nonstandard_sex" in codes(x.warnings)
    bad = parse_mrz(td3(sex="Q"), reference_date=REF)
    assert codes(bad.errors) == ["invalid_sex"]


def test_document_codes() -> None:
    odd = parse_mrz(td3(code="I<"), reference_date=REF)
    assert odd.valid and "unexpected_document_code" in codes(odd.warnings)
    bad = parse_mrz(td3(code="1<"), reference_date=REF)
    assert "invalid_document_code" in codes(bad.errors)
    assert parse_mrz(td3(code="PO"), reference_date=REF).fields.document_code == "PO"


def test_empty_document_number() -> None:
    result = parse_mrz(td3(number=""), reference_date=REF)
    assert "invalid_document_number" in codes(result.errors)
