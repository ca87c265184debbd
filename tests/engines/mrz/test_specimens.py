"""ICAO Doc 9303 specimens of every format, and each single check digit wrong."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bienphong.engines.mrz import parse_mrz

from .mrzgen import set_char

REF = dt.date(2026, 11, 28)

TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
MRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
MRVB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"

SPECIMENS = {"TD1": TD1, "TD2": TD2, "TD3": TD3, "MRV-A": MRVA, "MRV-B": MRVB}

# (check field, 1-based line, 1-based column of its check digit)
CHECK_POSITIONS = {
    "TD1": [("document_number", 1, 15), ("birth_date", 2, 7), ("expiry_date", 2, 15),
            ("composite", 2, 30)],
    "TD2": [("document_number", 2, 10), ("birth_date", 2, 20), ("expiry_date", 2, 28),
            ("composite", 2, 36)],
    "TD3": [("document_number", 2, 10), ("birth_date", 2, 20), ("expiry_date", 2, 28),
            ("optional_data", 2, 43), ("composite", 2, 44)],
    "MRV-A": [("document_number", 2, 10), ("birth_date", 2, 20), ("expiry_date", 2, 28)],
    "MRV-B": [("document_number", 2, 10), ("birth_date", 2, 20), ("expiry_date", 2, 28)],
}  # fmt: skip

FIELD_KEYS = [
    "document_code", "issuing_state", "surname", "given_names", "document_number",
    "nationality", "birth_date", "birth_date_iso", "sex", "expiry_date", "expiry_date_iso",
    "optional_data", "optional_data_2",
]  # fmt: skip


@pytest.mark.parametrize("kind", list(SPECIMENS))
def test_specimen_is_valid(kind: str) -> None:
    result = parse_mrz(SPECIMENS[kind], reference_date=REF)
    assert result.type == kind
    assert result.valid, result.errors
    assert result.errors == ()
    assert result.repairs == ()
    assert [c.field for c in result.checks] == [f for f, _, _ in CHECK_POSITIONS[kind]]
    assert all(c.ok for c in result.checks)
    f = result.fields
    assert (f.surname, f.given_names, f.sex, f.issuing_state) == (
        "ERIKSSON",
        "ANNA MARIA",
        "F",
        "UTO",
    )
    # UTO and XXX are ICAO codes outside ISO 3166: reported, not rejected.
    assert {w.code for w in result.warnings} == {"non_iso_code"}


def test_specimen_fields() -> None:
    td3 = parse_mrz(TD3, reference_date=REF).fields
    assert td3.document_code == "P"
    assert td3.document_number == "L898902C3"
    assert td3.birth_date == "740812"
    assert td3.birth_date_iso == "1974-08-12"
    assert td3.expiry_date_iso == "2012-04-15"
    assert td3.optional_data == "ZE184226B"
    assert td3.optional_data_2 is None
    td1 = parse_mrz(TD1, reference_date=REF).fields
    assert (td1.document_code, td1.document_number, td1.optional_data_2) == ("I", "D23145890", "")
    visa = parse_mrz(MRVA, reference_date=REF).fields
    assert (visa.nationality, visa.birth_date_iso, visa.expiry_date_iso) == (
        "XXX",
        "1940-09-07",
        "1996-12-10",
    )
    assert visa.optional_data == "6ZE184226B"
    assert parse_mrz(MRVB, reference_date=REF).fields.optional_data == ""


def test_to_dict_shape_is_exact() -> None:
    data = parse_mrz(TD3, reference_date=REF).to_dict()
    assert list(data) == ["type", "valid", "fields", "checks", "errors", "warnings", "repairs"]
    assert list(data["fields"]) == FIELD_KEYS
    assert data["checks"][0] == {
        "field": "document_number",
        "given": "6",
        "computed": "6",
        "ok": True,
    }
    assert list(data["warnings"][0]) == ["code", "message", "line", "start", "end"]
    json.dumps(data)  # JSON-serialisable as is


def _wrong_digit(ch: str) -> str:
    return "0123456789"[(int(ch) + 1) % 10]


@pytest.mark.parametrize(
    ("kind", "field", "line", "col"),
    [(k, f, ln, col) for k, items in CHECK_POSITIONS.items() for f, ln, col in items],
)
def test_each_single_check_digit_wrong(kind: str, field: str, line: int, col: int) -> None:
    text = SPECIMENS[kind]
    given = text.split("\n")[line - 1][col - 1]
    result = parse_mrz(set_char(text, line, col, _wrong_digit(given)), reference_date=REF)
    assert not result.valid
    failed = [c for c in result.checks if not c.ok]
    # A wrong field check digit also breaks the composite, which covers it.
    covered = field != "composite" and kind.startswith("TD")
    expected = {field, "composite"} if covered else {field}
    assert {c.field for c in failed} == expected
    own = next(c for c in failed if c.field == field)
    assert (own.given, own.computed) == (_wrong_digit(given), given)
    errors = [(e.code, e.line, e.start, e.end) for e in result.errors]
    assert ("check_digit", line, col, col) in errors
    # The other fields are still returned.
    assert result.fields.surname == "ERIKSSON"


@pytest.mark.parametrize("kind", list(SPECIMENS))
def test_data_digit_changed_is_detected(kind: str) -> None:
    # Change one digit of the birth date: its check digit must catch it.
    line, col = (2, 1) if kind == "TD1" else (2, 14)
    text = SPECIMENS[kind]
    result = parse_mrz(set_char(text, line, col, "3"), reference_date=REF)
    assert not result.valid
    assert any(c.field == "birth_date" and not c.ok for c in result.checks)
