import pytest
from hypothesis import given
from hypothesis import strategies as st

from bienphong.engines.screening.dates import DATE_FACTORS, compare_dates, format_date, parse_date


def test_parse() -> None:
    assert parse_date("1985-03-12") == 19850312
    assert parse_date("1985-03") == 19850300
    assert parse_date("1985") == 19850000
    assert parse_date("12/03/1985") == 19850312
    assert parse_date("") == parse_date(None) == parse_date("garbage") == 0
    assert format_date(19850300) == "1985-03"


@pytest.mark.parametrize(
    ("listed", "query", "code"),
    [
        ("1985-03-12", "1985-03-12", "exact"),
        ("1985-03-12", "1985-12-03", "day_month_swap"),
        ("1985-03-12", "1985-03-13", "one_digit"),
        ("1985-03-12", "1986-03-12", "one_digit"),
        ("1985-01-01", "1985-06-30", "placeholder"),
        ("1985-01-01", "1986-06-30", "one_digit_year"),
        ("1985", "1985-06-30", "year_only"),
        ("1985-06", "1985-06-30", "year_month"),
        ("", "1985-06-30", "missing"),
        ("1985-03-12", None, "missing"),
        ("1985-03-12", "1985-07-21", "same_year_other_day"),
        ("1985-03-12", "1991-07-21", "different"),
    ],
)
def test_compare(listed: str, query: str | None, code: str) -> None:
    assert compare_dates(parse_date(listed), parse_date(query)) == code
    assert code in DATE_FACTORS


@given(st.dates())
def test_same_date_is_exact(d) -> None:  # type: ignore[no-untyped-def]
    p = parse_date(d.isoformat())
    if d.year >= 1000:
        assert compare_dates(p, p) == "exact"
