import pytest

from bienphong.nationality import to_icao


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("VNM", "VNM"),
        ("vn", "VNM"),
        ("Việt Nam", "VNM"),
        ("Trung Quốc", "CHN"),
        ("china", "CHN"),
        ("Russian Federation", "RUS"),
        ("D", "D"),
        ("GBD", "GBD"),
        ("ru", "RUS"),
        ("XXA", "XXA"),
        ("Nga", "RUS"),
        ("NGA", "NGA"),
        ("Mỹ", "USA"),
    ],
)
def test_known_forms(text, code):
    assert to_icao(text) == code


@pytest.mark.parametrize("text", ["", "ZZZ", "Atlantis", "12"])
def test_unknown_is_none(text):
    assert to_icao(text) is None
