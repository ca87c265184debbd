"""Russian spellings that read as joined pinyin are kept whole when the list has a
transliteration of them (Mariya for Mariia is one name, not ma-ri-ya)."""

from __future__ import annotations

import pytest

from bienphong.engines.screening import build_index
from bienphong.engines.screening.keys import analyse

LISTED = [
    {"id": "elena", "name": "Elena Popova", "dob": "1969-09-18"},
    {"id": "mariia", "name": "Mariia Smirnova", "dob": "1966-08-15"},
    {"id": "ekaterina", "name": "Ekaterina Sidorova", "dob": "1974-09-14"},
    {"id": "wang", "name": "Wang Xiaoming", "dob": "1979-06-01"},
    {"id": "ye", "name": "Ye Na", "dob": "1969-09-18"},
    *({"id": f"x{i}", "name": f"Nguyen Van Hung{i}", "dob": ""} for i in range(40)),
]


def test_keep_overrides_pinyin_segmentation() -> None:
    assert analyse("Mariya")[0] == ["ma", "ri", "ya"]  # reads as joined pinyin
    assert analyse("Mariya", lambda part: part == "mariya")[0] == ["mariya"]


@pytest.mark.parametrize(
    ("query", "dob", "target"),
    [
        ("Yelena Popova", "1969-09-18", "elena"),
        ("Mariya Smirnova", "1966-08-15", "mariia"),
        ("Yekaterina Sidorova", "1974-09-14", "ekaterina"),
        ("WANGXIAOMING", "1979-06-01", "wang"),  # joined pinyin is still split
    ],
)
def test_transliteration_found_whole(query: str, dob: str, target: str) -> None:
    index = build_index(LISTED)
    hits = [h.entry_id for h in index.search(query, dob) if h.alert]
    assert hits[:1] == [target]


def test_yelena_is_not_ye_plus_a_listed_part() -> None:
    index = build_index(LISTED)
    assert "ye" not in [h.entry_id for h in index.search("Yelena Popova", "1969-09-18") if h.alert]
