"""The travellers and documents behind the demo crossings.

A pool of people who cross again and again: Vietnamese and Chinese border residents and
traders mostly, with names and birth dates of their country; each holds one document,
and a quarter of the Vietnamese and Chinese also a second one of another kind (a passport
and a border pass, say) and show either. Written in bulk like the crossings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db import connection

from bienphong.demo_names import CN_FAMILY, CN_GIVEN, VN_FAMILY, VN_GIVEN, VN_MIDDLE
from bienphong.text import name_key

from . import bulkload

NATIONALITIES = {"VNM": 0.55, "CHN": 0.38, "KOR": 0.02, "RUS": 0.01, "USA": 0.01}
OTHER_NATIONALITIES = ["THA", "MYS", "JPN", "FRA", "DEU", "GBR", "AUS", "LAO"]
DOC_TYPES = {
    "VNM": (["passport", "border_area_pass", "border_resident_pass"], [0.45, 0.4, 0.15]),
    "CHN": (["passport", "cn_exit_entry_pass", "border_resident_pass"], [0.35, 0.5, 0.15]),
}
SECOND_DOCUMENT = 0.25
_OTHER_FAMILY = [
    "KIM",
    "PARK",
    "LEE",
    "IVANOV",
    "SMITH",
    "JOHNSON",
    "SATO",
    "MARTIN",
    "MULLER",
    "BROWN",
    "TANAKA",
    "SILVA",
]
_OTHER_GIVEN = [
    "JOHN",
    "ANNA",
    "MINJUN",
    "OLGA",
    "JAMES",
    "MARIE",
    "HIROSHI",
    "PETER",
    "SOFIA",
    "DAVID",
    "LUCAS",
    "EMMA",
]
_DOC_LETTER = {
    "passport": "P",
    "border_area_pass": "B",
    "border_resident_pass": "R",
    "cn_exit_entry_pass": "T",
}


@dataclass
class People:
    traveller_ids: np.ndarray  # per person
    nationality: np.ndarray  # per person, ISO alpha-3
    first_doc: np.ndarray  # document id per person
    second_doc: np.ndarray  # document id per person, -1 when they hold one only


def _stamp(moment: dt.datetime) -> str:
    text = moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    return text + "+00:00" if connection.vendor == "postgresql" else text


def _names(rng: np.random.Generator, nats: np.ndarray) -> list[str]:
    n = len(nats)
    vn = [
        f"{f} {m} {g}"
        for f, m, g in zip(
            rng.choice(VN_FAMILY, n), rng.choice(VN_MIDDLE, n), rng.choice(VN_GIVEN, n),
            strict=True,
        )
    ]  # fmt: skip
    cn = [
        f"{f} {g}".upper()
        for f, g in zip(rng.choice(CN_FAMILY, n), rng.choice(CN_GIVEN, n), strict=True)
    ]
    other = [
        f"{f} {g}"
        for f, g in zip(rng.choice(_OTHER_FAMILY, n), rng.choice(_OTHER_GIVEN, n), strict=True)
    ]
    return [
        vn[i] if nat == "VNM" else cn[i] if nat == "CHN" else other[i]
        for i, nat in enumerate(nats.tolist())
    ]


def create(rng: np.random.Generator, count: int, now: dt.datetime) -> People:
    """Insert ``count`` travellers and their documents; return their ids."""
    from bienphong.checkpoint.models import TravelDocument, Traveller

    now = now.replace(microsecond=0)  # stored without them on SQLite, found again below
    codes = [*NATIONALITIES, *OTHER_NATIONALITIES]
    share = 1 - sum(NATIONALITIES.values())
    probs = [
        *NATIONALITIES.values(),
        *[share / len(OTHER_NATIONALITIES)] * len(OTHER_NATIONALITIES),
    ]
    nats = rng.choice(codes, size=count, p=probs)
    names = _names(rng, nats)
    births = np.datetime64("1950-01-01") + rng.integers(0, 56 * 365, size=count)
    birth_text = np.datetime_as_string(births, unit="D").tolist()
    sex = np.where(rng.random(count) < 0.5, "M", "F").tolist()
    stamp = _stamp(now)
    before = Traveller.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    bulkload.write(
        Traveller._meta.db_table,
        ("full_name", "name_key", "birth_date", "birth_date_text", "nationality", "sex",
         "created_at"),
        [
            (name, name_key(name), birth, birth, nat, s, stamp)
            for name, birth, nat, s in zip(names, birth_text, nats.tolist(), sex, strict=True)
        ],
    )  # fmt: skip
    ids = np.array(
        Traveller.objects.filter(pk__gt=before, created_at=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert len(ids) == count, "travellers were created concurrently with the demo"
    first_types = _doc_types(rng, nats)
    second = (rng.random(count) < SECOND_DOCUMENT) & np.isin(nats, ["VNM", "CHN"])
    second_types = _doc_types(rng, nats)
    # A second document is of another kind: take the passport if the first is not one.
    second_types = np.where(
        second_types == first_types,
        np.where(first_types == "passport", _pass_for(nats), "passport"),
        second_types,
    )
    owners = np.concatenate([np.arange(count), np.flatnonzero(second)])
    kinds = np.concatenate([first_types, second_types[second]])
    doc_before = TravelDocument.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    issued = np.datetime64(now.date()) - rng.integers(30, 9 * 365, size=len(owners))
    issue_text = np.datetime_as_string(issued, unit="D").tolist()
    expiry_text = np.datetime_as_string(issued + 10 * 365, unit="D").tolist()
    bulkload.write(
        TravelDocument._meta.db_table,
        ("traveller_id", "doc_type", "number", "issuing_state", "issue_date", "expiry_date",
         "entries", "areas", "first_seen_at", "last_seen_at"),
        [
            (int(ids[o]), kind, f"{_DOC_LETTER.get(kind, 'X')}{doc_before + i + 1:08d}",
             str(nats[o]), issue_text[i], expiry_text[i],
             "" if kind == "passport" else "multiple", "[]", stamp, stamp)
            for i, (o, kind) in enumerate(zip(owners.tolist(), kinds.tolist(), strict=True))
        ],
    )  # fmt: skip
    docs = np.array(
        TravelDocument.objects.filter(pk__gt=doc_before, first_seen_at=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert len(docs) == len(owners), "documents were created concurrently with the demo"
    second_doc = np.full(count, -1, dtype=np.int64)
    second_doc[owners[count:]] = docs[count:]
    return People(ids, nats, docs[:count], second_doc)


def _doc_types(rng: np.random.Generator, nats: np.ndarray) -> np.ndarray:
    out = np.full(len(nats), "passport", dtype=object)
    for nat, (kinds, p) in DOC_TYPES.items():
        mask = nats == nat
        out[mask] = rng.choice(kinds, size=int(mask.sum()), p=p)
    return out


def _pass_for(nats: np.ndarray) -> np.ndarray:
    return np.where(nats == "CHN", "cn_exit_entry_pass", "border_area_pass")
