"""Shared small watchlist for the screening engine tests (no Django needed)."""

from __future__ import annotations

from typing import Any

import pytest

from bienphong.engines.screening import ScreeningIndex, build_index

ENTRIES: list[dict[str, Any]] = [
    {
        "id": "vn1",
        "name": "Nguyễn Văn Quyết",
        "aliases": [],
        "dob": "1985-03-12",
        "nationality": "VNM",
        "gender": "M",
        "list": "wanted",
    },
    {
        "id": "vn2",
        "name": "Nguyễn Văn An",
        "aliases": [],
        "dob": "1990-07-01",
        "nationality": "VNM",
        "gender": "M",
        "list": "no-exit",
    },
    {
        "id": "vn3",
        "name": "Đặng Thị Hương",
        "aliases": [],
        "dob": "1979-11",
        "nationality": "VNM",
        "gender": "F",
        "list": "no-entry",
    },
    {
        "id": "vn4",
        "name": "Trần Đức Thắng",
        "aliases": [],
        "dob": "1968",
        "nationality": "VNM",
        "gender": "M",
        "list": "wanted",
    },
    {
        "id": "vn5",
        "name": "Lê Thị Hồng Nhung",
        "aliases": [],
        "dob": "",
        "nationality": "VNM",
        "gender": "F",
        "list": "wanted",
    },
    {
        "id": "cn1",
        "name": "Wang Xiaoming",
        "aliases": ["王小明"],
        "dob": "1979-06-01",
        "nationality": "CHN",
        "gender": "M",
        "list": "no-entry",
    },
    {
        "id": "cn2",
        "name": "Zhang Guoqiang",
        "aliases": [],
        "dob": "1972-01-01",
        "nationality": "CHN",
        "gender": "M",
        "list": "sanctions",
    },
    {
        "id": "cn3",
        "name": "Chen Meiling",
        "aliases": ["陈美玲"],
        "dob": "1988-09-23",
        "nationality": "CHN",
        "gender": "F",
        "list": "wanted",
    },
    {
        "id": "ru1",
        "name": "Aleksandr Ivanov",
        "aliases": [],
        "dob": "1970-05-05",
        "nationality": "RUS",
        "gender": "M",
        "list": "sanctions",
    },
    {
        "id": "ar1",
        "name": "Muhammad Ahmad Haddad",
        "aliases": [],
        "dob": "1981-02-14",
        "nationality": "SYR",
        "gender": "M",
        "list": "sanctions",
    },
    {
        "id": "kr1",
        "name": "Park Min-jun",
        "aliases": [],
        "dob": "1990-05-20",
        "nationality": "KOR",
        "gender": "M",
        "list": "no-entry",
    },
    {
        "id": "we1",
        "name": "Jürgen Müller",
        "aliases": [],
        "dob": "1962-08-30",
        "nationality": "DEU",
        "gender": "M",
        "list": "wanted",
    },
]
# Filler: many common Vietnamese names so that IDF weights are realistic.
_FAM = ["Nguyễn", "Trần", "Lê", "Phạm", "Nguyễn", "Nguyễn"]
_MID = ["Văn", "Thị", "Văn", "Đức", "Thị"]
_GIV = ["An", "Anh", "Bình", "Hà", "Hùng", "Lan", "Linh", "Minh", "Nam", "Tuấn"]
for _i in range(300):
    ENTRIES.append(
        {
            "id": f"f{_i}",
            "name": f"{_FAM[_i % 6]} {_MID[_i % 5]} {_GIV[_i % 10]}",
            "aliases": [],
            "dob": f"{1950 + _i % 50}-{1 + _i % 12:02d}-{1 + _i % 28:02d}",
            "nationality": "VNM",
            "gender": "",
            "list": "filler",
        }
    )


@pytest.fixture(scope="session")
def index() -> ScreeningIndex:
    return build_index(ENTRIES)
