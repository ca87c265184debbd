import pytest
from hypothesis import given
from hypothesis import strategies as st

from bienphong.engines.plates import parse_plate


@pytest.mark.parametrize(
    ("raw", "display"),
    [
        ("14A-123.45", "14A-123.45"),
        ("14a 12345", "14A-123.45"),
        ("14A-1234", "14A-1234"),
        ("51F1-12345", "51F1-123.45"),
        ("29LD-123.45", "29LD-123.45"),
    ],
)
def test_vietnamese(raw, display):
    result = parse_plate(raw)
    assert result.valid and result.country == "VNM" and result.display == display


@pytest.mark.parametrize(
    ("raw", "new_energy"),
    [("桂A12345", False), ("桂P·A1234", False), ("桂AD12345", True), ("粤B12345F", True)],
)
def test_chinese(raw, new_energy):
    result = parse_plate(raw)
    assert result.valid and result.country == "CHN" and result.new_energy is new_energy


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "empty"),
        ("13A-123.45", "vn_province"),
        ("14-12345", "vn_format"),
        ("桂I12345", "cn_format"),
        ("X桂A12345", "vn_format"),
        ("桂A1234567", "cn_format"),
        ("桂AX12345", "cn_new_energy"),
        ("喵A12345", "cn_province"),
    ],
)
def test_invalid(raw, code):
    result = parse_plate(raw)
    assert not result.valid and result.errors == (code,)


@given(st.text(max_size=20), st.sampled_from([None, "VNM", "CHN", "LAO"]))
def test_never_raises(raw, country):
    parse_plate(raw, country)
