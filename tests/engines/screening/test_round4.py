"""Round-4 engine behaviours: name groups from hyphens, no pinyin split of non-Chinese
names, typo-split joined pinyin, typos beside shared skeletons, per-class key credit,
the date pre-rank and the skipped scoring of candidates that cannot matter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from bienphong.engines.screening import build_index, load_index
from bienphong.engines.screening.keys import analyse, tok
from bienphong.engines.screening.postings import date_bonus, date_digits
from bienphong.engines.screening.reading import credit as _credit
from bienphong.engines.screening.scoring import order_penalty, token_sim


def _filler(n: int = 200) -> list[dict[str, Any]]:
    fam = ["Nguyễn", "Trần", "Lê", "Wang", "Li", "Kim"]
    giv = ["An", "Minh", "Hùng", "Lan", "Wei", "Jun"]
    return [
        {"id": f"f{i}", "name": f"{fam[i % 6]} {giv[i % 5]}", "dob": f"{1950 + i % 50}"}
        for i in range(n)
    ]


def _alerts(idx: Any, name: str, dob: str | None = None) -> list[str]:
    return [h.entry_id for h in idx.search(name, dob) if h.alert]


def test_hyphenated_parts_form_one_ordered_group() -> None:
    keys, groups, raws = analyse("Kim Ra-sung")
    assert keys == ["kim", "ra", "sung"] and groups == [0, 1, 1] and raws == ["Kim", "Ra-sung"]
    assert analyse("Jean-  Pierre")[2] == ["Jean", "Pierre"]  # a dangling hyphen is dropped
    idx = build_index([*_filler(), {"id": "k", "name": "Kim Ra-sung", "dob": ""}])
    assert "k" in _alerts(idx, "KIM RA-SUNG")
    assert "k" in _alerts(idx, "RA-SUNG KIM")  # family name last: still the person
    assert "k" not in _alerts(idx, "KIM SUNG-RA")  # another given name


def test_non_chinese_names_are_not_split_as_pinyin() -> None:
    assert analyse("Fatima Mahmoud Aziz")[0] == ["fatima", "mahmoud", "aziz"]
    assert analyse("Wang Xiaoming")[0] == ["wang", "xiao", "ming"]
    idx = build_index([*_filler(), {"id": "a", "name": "Fatima Mahmoud Aziz", "dob": "1980-02-03"}])
    assert "a" in _alerts(idx, "FATIMAH MAHMOUD AZIZ", "1980-02-03")


def test_typo_inside_joined_pinyin_is_split_and_found() -> None:
    entries = [*_filler(), {"id": "x", "name": "Xu Weilei", "dob": "1957-04-16"}]
    entries += [{"id": f"w{i}", "name": f"Xu Wei{s}", "dob": ""} for i, s in enumerate(["", "n"])]
    idx = build_index(entries)
    assert "x" in _alerts(idx, "XU WEILEU", "1957-04-16")
    # a Wade-Giles name run together is a name as written, not a typo to split
    assert idx._split_typo("hsuehchuan") is None


def test_one_slip_beats_a_shared_short_skeleton() -> None:
    s, code = token_sim(tok("hiang", False), tok("hoang", False))
    assert code == "typo" and s >= 0.75
    # two listed Vietnamese syllables stay apart (Khang is not Giang)
    assert token_sim(tok("khang", False), tok("giang", False))[0] < 0.7


def test_key_credit_counts_each_class_once() -> None:
    slots = np.array([7, 7, 7, 3], dtype=np.int32)
    weights = np.array([2.0, 5.0, 1.0, 4.0])
    classes = np.array([0, 0, 1, 0], dtype=np.int64)
    owners, score = _credit(slots, weights, classes, 2)
    got = dict(zip(owners.tolist(), score.tolist(), strict=True))
    assert got == {3: 4.0, 7: 6.0}  # slot 7: best of class 0 (5) + class 1 (1), not 8


def test_undated_entries_do_not_take_the_exact_dates_bonus() -> None:
    dobs = np.array([20000818, 0, 20000000, 20010818], dtype=np.int32)
    digits = np.frombuffer(b"".join(date_digits(int(d)) for d in dobs), dtype=np.uint64)
    bonus = date_bonus(dobs, digits, 20000818)
    assert bonus[0] > bonus[2] > bonus[1]  # exact, then year-only, then no date
    assert bonus[3] == 5.0  # one digit off: good, another year


def test_query_group_keeps_its_order() -> None:
    pairs = [(1, 2, 0.9, "hanviet"), (2, 1, 0.9, "hanviet")]  # ying->Anh, yu->Ngọc
    out = order_penalty(pairs, [0, 1, 1], side=0)
    assert [p[2] for p in out] == [0.45, 0.45]
    assert order_penalty([(1, 1, 0.9, "x"), (2, 2, 0.9, "x")], [0, 1, 1], side=0)[0][2] == 0.9


def test_limit_does_not_change_the_alerts(tmp_path: Path) -> None:
    entries = [*_filler(400), {"id": "t", "name": "Trần Văn An", "dob": "1970-01-02"}]
    idx = build_index(entries)
    for name, dob in [("TRAN VAN AN", "1970-01-02"), ("NGUYEN MINH", "1960-05-05")]:
        few = idx.search(name, dob, limit=1)
        many = idx.search(name, dob, limit=200)
        assert [h.entry_id for h in few if h.alert] == [h.entry_id for h in many if h.alert]
        assert few[0].entry_id == many[0].entry_id
    # the digits the date pre-rank reads survive a save and load
    path = tmp_path / "i.idx"
    idx.save(path)
    loaded = load_index(path)
    assert loaded.dob_digits == idx.dob_digits
    assert [h.entry_id for h in loaded.search("TRAN VAN AN", "1970-01-02")] == [
        h.entry_id for h in idx.search("TRAN VAN AN", "1970-01-02")
    ]


def test_gendered_surnames_and_other_vowels_are_other_names() -> None:
    assert token_sim(tok("pavlova", False), tok("pavlov", False))[0] <= 0.5
    assert token_sim(tok("hussein", False), tok("hassan", False))[0] < 0.7
    for a, b in [("husain", "hussein"), ("mohammed", "muhammad"), ("yelena", "elena")]:
        assert token_sim(tok(a, False), tok(b, False))[0] >= 0.85, (a, b)


def test_namesakes_are_counted_through_updates_and_reloads(tmp_path: Path) -> None:
    entries = [{"id": f"o{i}", "name": "Olga Mironova", "dob": f"{1960 + i}"} for i in range(30)]
    idx = build_index([*_filler(), *entries, {"id": "r", "name": "Olga Zimina", "dob": "1963"}])
    enc = idx.names[idx.slot_of["o0"]][0]
    assert idx.name_count[enc] == 30
    # one digit off a year-only list date: for a name listed 30 times that is chance
    assert not [a for a in _alerts(idx, "OLGA MIRONOVA", "1993-05-05") if a.startswith("o")]
    assert "r" in _alerts(idx, "OLGA ZIMINA", "1973-05-05")  # a name listed once: a typo
    idx.remove("o1")
    idx.upsert({"id": "o1", "name": "Olga Mironova", "dob": "1961"})
    assert idx.name_count[enc] == 30
    path = tmp_path / "i.idx"
    idx.save(path)
    assert load_index(path).name_count == idx.name_count


def test_one_digit_off_a_year_month_is_rarer_by_chance_than_off_a_year() -> None:
    from bienphong.engines.screening.dates import chance, compare_dates, parse_date

    q = parse_date("1987-08-14")
    for listed in ("1987-09", "1986"):
        assert compare_dates(parse_date(listed), q) == "one_digit_year"
    assert chance("one_digit_year", parse_date("1987-09")) < chance(
        "one_digit_year", parse_date("1986")
    )
    assert chance("one_digit_year", parse_date("1986-01-01")) == 1 / 4  # a placeholder
