"""Property tests: the engine never raises, and valid MRZs stay valid."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bienphong.engines.mrz import fast, parse_mrz, split_documents
from bienphong.engines.mrz.checkdigits import check_char
from bienphong.engines.mrz.layouts import LAYOUTS
from bienphong.engines.mrz.reader import Reader, read_fields

from .mrzgen import td1, td2, td3, visa

REF = dt.date(2026, 11, 28)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
MRZ_CHARS = ALNUM + "<"
NOISE = MRZ_CHARS + "abcxyz \t\r\n€ß«‹0O"


def _consistent(text: object, **kwargs: object) -> None:
    result = parse_mrz(text, reference_date=REF, **kwargs)  # type: ignore[arg-type]
    data = result.to_dict()
    json.dumps(data)
    assert data["valid"] == (not data["errors"])
    assert "internal_error" not in [e["code"] for e in data["errors"]]
    for item in data["errors"] + data["warnings"]:
        assert isinstance(item["code"], str) and isinstance(item["message"], str)


@settings(max_examples=300, deadline=None)
@given(st.text(), st.booleans(), st.booleans())
def test_arbitrary_text_never_raises(text: str, repair: bool, lenient: bool) -> None:
    _consistent(text, repair=repair, lenient=lenient)
    split_documents(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NOISE, min_size=60, max_size=100))
def test_mrz_like_text_never_raises(text: str) -> None:
    _consistent(text, repair=True, lenient=True)


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(dt.date(1930, 1, 1), dt.date(2045, 12, 31)))
    return day.strftime("%y%m%d")


@st.composite
def valid_mrz(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["TD1", "TD2", "TD3", "MRV-A", "MRV-B"]))
    number = draw(st.text(alphabet=ALNUM, min_size=1, max_size=9))
    birth = draw(dates())
    expiry = draw(dates())
    surname = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=12))
    given_names = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ ", max_size=12)).strip()
    given_names = " ".join(given_names.split())
    state = draw(st.sampled_from(["VNM", "CHN", "D", "UTO", "GBN", "XXA", "USA"]))
    sex = draw(st.sampled_from("MF<"))
    common = {"surname": surname, "given": given_names, "state": state, "sex": sex}
    if kind == "TD1":
        return td1(number, birth, expiry, optional=draw(st.text(MRZ_CHARS, max_size=15)), **common)
    if kind == "TD2":
        return td2(number, birth, expiry, optional=draw(st.text(ALNUM, max_size=7)), **common)
    if kind == "TD3":
        return td3(number, birth, expiry, optional=draw(st.text(ALNUM, max_size=14)), **common)
    return visa(44 if kind == "MRV-A" else 36, number, birth, expiry, **common)


@settings(max_examples=300, deadline=None)
@given(valid_mrz())
def test_generated_mrzs_are_valid(text: str) -> None:
    result = parse_mrz(text, reference_date=REF)
    assert result.valid, (text, result.errors)
    assert result.fields.birth_date_iso is not None
    assert all(c.ok for c in result.checks)
    again = parse_mrz(text.replace("\n", ""), reference_date=REF, repair=True, lenient=True)
    assert again.valid and again.repairs == ()


@settings(max_examples=400, deadline=None)
@given(
    valid_mrz(),
    st.sampled_from(["replace", "insert", "delete", "case", "space", "break"]),
    st.integers(0, 200),
    st.sampled_from(NOISE),
)
def test_mutated_mrzs_never_raise(text: str, op: str, at: int, ch: str) -> None:
    i = at % (len(text) + 1)
    mutated = {
        "replace": text[:i] + ch + text[i + 1 :],
        "insert": text[:i] + ch + text[i:],
        "delete": text[:i] + text[i + 1 :],
        "case": text.lower(),
        "space": text[:i] + " " + text[i:],
        "break": text[:i] + "\r\n" + text[i:],
    }[op]
    for kwargs in ({}, {"repair": True}, {"lenient": True, "repair": True}):
        _consistent(mutated, **kwargs)


@settings(max_examples=300, deadline=None)
@given(valid_mrz(), st.integers(0, 5), st.integers(1, 9), st.sampled_from(["birth", "expiry"]))
def test_any_single_digit_change_in_a_date_is_caught(
    text: str, pos: int, delta: int, which: str
) -> None:
    lines = text.split("\n")
    td1_layout = len(lines) == 3
    start = {"birth": 0 if td1_layout else 13, "expiry": 8 if td1_layout else 21}[which]
    line = lines[1]
    old = line[start + pos]
    new = str((int(old) + delta) % 10)
    lines[1] = line[: start + pos] + new + line[start + pos + 1 :]
    result = parse_mrz("\n".join(lines), reference_date=REF)
    field = "birth_date" if which == "birth" else "expiry_date"
    assert any(c.field == field and not c.ok for c in result.checks)
    assert not result.valid


@given(st.text(alphabet=MRZ_CHARS, max_size=60))
def test_check_digit_is_a_digit(data: str) -> None:
    assert check_char(data) in "0123456789"


def _slow(text: str) -> tuple[object, list[object], list[object], list[object]]:
    lines = text.split("\n")
    layout = LAYOUTS[parse_mrz(text, reference_date=REF).type or ""]
    r = Reader(lines, REF)
    fields = read_fields(r, layout)
    key = lambda i: (i.line or 0, i.start or 0)  # noqa: E731
    return fields, r.checks, sorted(r.errors, key=key), sorted(r.warnings, key=key)


def _quick(text: str) -> tuple[object, list[object], list[object], list[object]] | None:
    lines = text.split("\n")
    kind = parse_mrz(text, reference_date=REF).type or ""
    if kind == "TD1":
        got = fast.read_td1(lines, REF)
    else:
        got = fast.read_two_row(lines, LAYOUTS[kind], REF)
    if got is None:
        return None
    key = lambda i: (i.line or 0, i.start or 0)  # noqa: E731
    return got[0], got[1], sorted(got[2], key=key), sorted(got[3], key=key)


@settings(max_examples=400, deadline=None)
@given(valid_mrz(), st.integers(0, 200), st.sampled_from(MRZ_CHARS + "OISBZG"))
def test_fast_path_agrees_with_full_reader(text: str, at: int, ch: str) -> None:
    i = at % len(text)
    if text[i] != "\n":
        text = text[:i] + ch + text[i + 1 :]
    quick = _quick(text)
    if quick is not None:
        assert quick == _slow(text)


def test_fast_path_takes_the_common_documents() -> None:
    from .test_profiles import VNM_SAMPLE
    from .test_specimens import SPECIMENS

    for text in [*SPECIMENS.values(), VNM_SAMPLE]:
        quick = _quick(text)
        assert quick is not None
        assert quick == _slow(text)
