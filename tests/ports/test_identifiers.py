from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bienphong.ports.identifiers import imo_check_digit, is_unlocode, normalise_imo


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9074729", "9074729"),
        ("IMO 9074729", "9074729"),
        ("imo9074729", "9074729"),
        ("9176187", "9176187"),
        ("9074728", None),
        ("907472", None),
        ("90747290", None),
        ("IMO 907A729", None),
        ("", None),
    ],
)
def test_imo_numbers(text, expected):
    assert normalise_imo(text) == expected


@given(st.integers(min_value=0, max_value=999_999))
def test_exactly_one_check_digit_is_valid(n):
    six = f"{n:06d}"
    valid = [d for d in range(10) if normalise_imo(f"{six}{d}")]
    assert valid == [imo_check_digit(six)]


def test_check_digit_rejects_bad_input():
    with pytest.raises(ValueError):
        imo_check_digit("12345")


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("VNCLN", True),
        ("VNHLG", True),
        ("SGSIN", True),
        ("vncln", False),
        ("VN CL", False),
        ("VNCL1", False),
        ("VNCL", False),
    ],
)
def test_unlocode_shape(code, ok):
    assert is_unlocode(code) is ok
