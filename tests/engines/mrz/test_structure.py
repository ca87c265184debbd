"""Structural errors and tolerated keyboard-wedge input."""

from __future__ import annotations

import datetime as dt

import pytest

from bienphong.engines.mrz import parse_mrz, split_documents

from .test_specimens import MRVA, SPECIMENS, TD1, TD2, TD3

REF = dt.date(2026, 11, 28)


def codes(items: tuple[object, ...]) -> list[str]:
    return [getattr(i, "code") for i in items]  # noqa: B009


def where(result: object, code: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(e.line, e.start, e.end) for e in getattr(result, "errors") if e.code == code]  # noqa: B009


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "\r\n"])
def test_empty(text: str) -> None:
    result = parse_mrz(text, reference_date=REF)
    assert not result.valid
    assert codes(result.errors) == ["empty"]
    assert result.type is None


def test_not_text_does_not_raise() -> None:
    result = parse_mrz(None, reference_date=REF)  # type: ignore[arg-type]
    assert codes(result.errors) == ["not_text"]


def test_wrong_line_count() -> None:
    result = parse_mrz("P<UTO\nABC\nDEF\nGHI", reference_date=REF)
    assert codes(result.errors) == ["line_count"]
    assert result.fields.surname is None


def test_short_line_is_not_padded() -> None:
    text = TD3[:-1]  # line 2 has 43 characters
    result = parse_mrz(text, reference_date=REF)
    assert result.type == "TD3"
    assert where(result, "line_length") == [(2, 44, 44)]
    assert result.fields.document_number is None


def test_long_line_is_not_truncated() -> None:
    lines = TD1.split("\n")
    text = "\n".join([lines[0], lines[1] + "<<<", lines[2]])
    result = parse_mrz(text, reference_date=REF)
    assert result.type == "TD1"
    assert where(result, "line_length") == [(2, 31, 33)]


def test_two_lines_of_unknown_width() -> None:
    result = parse_mrz("P<UTO" + "<" * 35 + "\n" + "1" * 41, reference_date=REF)
    assert {e.code for e in result.errors} == {"line_length"}
    assert result.type == "TD3"


def test_illegal_characters_named_by_line_and_column() -> None:
    text = TD3.replace("ERIKSSON", "ERIK$SON").replace("L898902C3", "L89890-C3")
    result = parse_mrz(text, reference_date=REF)
    assert where(result, "illegal_character") == [(1, 10, 10), (2, 7, 7)]
    assert result.fields.nationality == "UTO"  # still read


def test_illegal_run_reported_once() -> None:
    text = TD3.replace("ERIKSSON", "ERI€€€ON")
    assert where(parse_mrz(text, reference_date=REF), "illegal_character") == [(1, 9, 11)]


@pytest.mark.parametrize("sep", ["\n", "\r", "\r\n"])
@pytest.mark.parametrize("kind", list(SPECIMENS))
def test_line_separators(kind: str, sep: str) -> None:
    result = parse_mrz(SPECIMENS[kind].replace("\n", sep), reference_date=REF)
    assert result.valid
    assert result.type == kind
    assert "line_breaks" not in codes(result.warnings)


@pytest.mark.parametrize("kind", list(SPECIMENS))
def test_lines_not_separated(kind: str) -> None:
    result = parse_mrz(SPECIMENS[kind].replace("\n", ""), reference_date=REF)
    assert result.valid, result.errors
    assert result.type == kind
    assert "line_breaks" in codes(result.warnings)


def test_line_breaks_in_odd_places() -> None:
    flat = TD1.replace("\n", "")
    text = flat[:17] + "\r\n" + flat[17:61] + "\n" + flat[61:]
    result = parse_mrz(text, reference_date=REF)
    assert result.valid
    assert "line_breaks" in codes(result.warnings)


def test_lowercase_and_spaces_tolerated_with_warning() -> None:
    text = "  " + TD3.lower().replace("ERIKSSON".lower(), "erik sson<") + "  \n"
    text = text.replace("erik sson<<<", "erik sson<<", 1)
    result = parse_mrz(text, reference_date=REF)
    assert result.valid, result.errors
    assert {"lowercase", "whitespace"} <= set(codes(result.warnings))
    assert result.fields.surname == "ERIKSSON"


def test_trailing_whitespace_is_not_a_warning() -> None:
    result = parse_mrz("\n " + TD2.replace("\n", "  \n\t") + "\n\n", reference_date=REF)
    assert result.valid
    assert "whitespace" not in codes(result.warnings)


def test_blank_line_inside_document_warns() -> None:
    result = parse_mrz(TD3.replace("\n", "\n\n"), reference_date=REF)
    assert result.valid
    assert "line_breaks" in codes(result.warnings)


def test_visa_detected_from_document_code() -> None:
    assert parse_mrz(MRVA, reference_date=REF).type == "MRV-A"
    assert parse_mrz(MRVA.replace("V<UTO", "P<UTO", 1), reference_date=REF).type == "TD3"


def test_split_documents() -> None:
    text = f"{TD1}\n\n{TD3}\r\n\r\n  \n{TD2}\n"
    docs = split_documents(text)
    assert docs == [TD1, TD3, TD2]
    assert [parse_mrz(d, reference_date=REF).type for d in docs] == ["TD1", "TD3", "TD2"]
    assert split_documents("") == []
    assert split_documents("\n \n") == []
