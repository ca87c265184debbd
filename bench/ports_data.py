"""Synthetic people for `bench/ports.py`: crew lists and the watchlist they are screened
against, in two scenarios.

- ``realistic``: the watchlist's family names are as frequent as in the pool scenario
  (so the engine's candidate sets for them stay comparable), but middle and given names
  come from ~670 syllables besides the common ones (Van, Thi, Minh...), so a whole name
  with its date of birth rarely meets a crew member's by chance. Each crew list carries
  one planted listed person: a list raises about 1-3 review items, as a real crew list
  (0-2) does.
- ``pool``: the earlier scenario; watchlist and crew come from the same small pool of
  ~4,000 names, so a 500-row list raises dozens of review items.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FAMILY = [
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Vu",
    "Dang",
    "Bui",
    "Do",
    "Ho",
    "Ngo",
    "Wang",
    "Li",
    "Zhang",
    "Liu",
    "Chen",
    "Ivanov",
    "Kim",
    "Park",
    "Santos",
    "Reyes",
]
MIDDLE = ["Van", "Thi", "Duc", "Minh", "Ngoc", "Quang", "", "", ""]
GIVEN = [
    "An",
    "Binh",
    "Cuong",
    "Dung",
    "Giang",
    "Ha",
    "Hai",
    "Hung",
    "Khanh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quan",
    "Son",
    "Wei",
    "Fang",
    "Min",
    "Jose",
    "Maria",
]

EXTRA_FAMILY = [
    "Duong",
    "Dinh",
    "Trinh",
    "Truong",
    "Phan",
    "Mai",
    "Cao",
    "Lam",
    "Luong",
    "Ta",
    "Ha",
    "Chu",
    "Vuong",
    "Tong",
    "Kieu",
]
ONSETS = [
    "B",
    "C",
    "Ch",
    "D",
    "G",
    "Gi",
    "H",
    "Kh",
    "L",
    "M",
    "N",
    "Ng",
    "Nh",
    "Ph",
    "Qu",
    "S",
    "T",
    "Th",
    "Tr",
    "V",
    "X",
]
RIMES = [
    "a",
    "ai",
    "an",
    "ang",
    "anh",
    "ao",
    "at",
    "au",
    "ay",
    "e",
    "em",
    "en",
    "eu",
    "i",
    "ien",
    "inh",
    "o",
    "oa",
    "oan",
    "oang",
    "oi",
    "on",
    "ong",
    "u",
    "uan",
    "uc",
    "ung",
    "uong",
    "uy",
    "uyen",
    "y",
    "yen",
]
SYLLABLES = [o + r for o in ONSETS for r in RIMES]

# Listed people planted in the realistic watchlist; crew list i carries WANTED[i % 10].
WANTED = [
    ("Truong", "Van Khiem", "14/03/1979"),
    ("Lam", "Thi Uyen", "02/11/1985"),
    ("Chen", "Guoqiang", "21/07/1972"),
    ("Phan", "Duc Trong", "30/01/1990"),
    ("Reyes", "Antonio", "09/09/1968"),
    ("Kieu", "Minh Tuyen", "17/05/1983"),
    ("Park", "Jisung", "12/12/1977"),
    ("Duong", "Ngoc Thach", "05/06/1988"),
    ("Ivanov", "Sergei", "23/02/1965"),
    ("Ta", "Quang Vinh", "28/08/1993"),
]


def _realistic_name(rng: random.Random) -> str:
    family = rng.choice(FAMILY) if rng.random() < 0.9 else rng.choice(EXTRA_FAMILY)
    middle = rng.choice(MIDDLE[:6]) if rng.random() < 0.5 else rng.choice(SYLLABLES)
    return " ".join((family, middle.capitalize(), rng.choice(SYLLABLES).capitalize()))


def watchlist_people(entries: int, scenario: str) -> Iterator[tuple[str, int, int, int]]:
    """(full name, birth year, month, day) for each entry."""
    rng = random.Random(6)
    planted = WANTED if scenario == "realistic" else []
    for family, given, dob in planted:
        day, month, year = (int(p) for p in dob.split("/"))
        yield f"{family} {given}", year, month, day
    for _ in range(entries - len(planted)):
        if scenario == "realistic":
            name = _realistic_name(rng)
        else:
            name = " ".join(
                p for p in (rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)) if p
            )
        yield name, rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)


def crew_csv(n: int, *, list_no: int, scenario: str) -> bytes:
    """A crew list in the portal's CSV template; each list number gives other people."""
    from bienphong.ports import lists

    rng = random.Random(7 + 1000 * list_no)
    lines = [",".join(label for _key, label in lists.CREW_COLUMNS)]
    for i in range(n):
        rank = "Master" if i == 0 else rng.choice(["AB", "OS", "Oiler", "Cook", "Bosun"])
        family = rng.choice(FAMILY)
        given = f"{rng.choice(MIDDLE)} {rng.choice(GIVEN)}".strip()
        dob = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1960, 2004)}"
        if scenario == "realistic" and i == n // 2:
            family, given, dob = WANTED[list_no % len(WANTED)]
        lines.append(
            ",".join(
                [
                    family,
                    given,
                    rank,
                    rng.choice(["VNM", "Việt Nam", "CHN", "PHL", "Philippines", "KOR"]),
                    dob,
                    "Hải Phòng",
                    rng.choice("MF"),
                    "P",
                    f"P{list_no:02d}{i:05d}",
                    "",
                    "31/12/2031",
                    "",
                ]
            )
        )
    return "\n".join(lines).encode("utf-8")
