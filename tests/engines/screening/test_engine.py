"""Behaviour of the screening engine on a small watchlist."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bienphong.engines.screening import ScreeningIndex, build_index, load_index

from .conftest import ENTRIES


def alerts(index: ScreeningIndex, name: str, dob: str | None, nat: str | None = None) -> list[str]:
    return [h.entry_id for h in index.search(name, dob, nat) if h.alert]


@pytest.mark.parametrize(
    ("query", "dob", "target"),
    [
        ("NGUYEN VAN QUYET", "1985-03-12", "vn1"),  # passport
        ("NGUYEN<<VAN<QUYET", "1985-03-12", "vn1"),  # MRZ
        ("Nguyễn Văn Quyết", "1985-12-03", "vn1"),  # day/month swap
        ("Nguyễn Văn Quyết", "1985-03-13", "vn1"),  # one digit
        ("Nguyển Văn Quyêt", "1985-03-12", "vn1"),  # mangled diacritics
        ("VAN QUYET NGUYEN", "1985-03-12", "vn1"),  # family name last
        ("NGUYEN QUYET", "1985-03-12", "vn1"),  # middle name missing
        ("NGUYEN VAN MINH QUYET", "1985-03-12", "vn1"),  # middle name added
        ("NGUYEN VAN QUYEN", "1985-03-12", "vn1"),  # typo
        ("DANG THI HUONG", "1979-11-05", "vn3"),
        ("Ðặng Thị Hương", "1979-11-05", "vn3"),  # eth instead of Đ
        ("Đặng Thị Hương", "1979-11-05", "vn3"),  # NFD below
        ("TRAN DUC THANG", "1968-02-02", "vn4"),  # list has the year only
        ("LE THI HONG NHUNG", "1971-01-01", "vn5"),  # list has no date
        ("WANG XIAOMING", "1979-06-01", "cn1"),
        ("WANG XIAO MING", "1979-06-01", "cn1"),
        ("Wang Xiao-Ming", "1979-06-01", "cn1"),
        ("Wáng Xiǎomíng", "1979-06-01", "cn1"),
        ("Xiaoming Wang", "1979-06-01", "cn1"),
        ("Wang Hsiao-ming", "1979-06-01", "cn1"),  # Wade-Giles
        ("Wong Siu Ming", "1979-06-01", "cn1"),  # Cantonese
        ("王小明", "1979-06-01", "cn1"),  # characters
        ("Vương Tiểu Minh", "1979-06-01", "cn1"),  # Hán-Việt
        ("VUONG TIEU MINH", "1979-06-01", "cn1"),
        ("Chang Kuo-chiang", "1972-05-05", "cn2"),  # Wade-Giles, 01-01 placeholder
        ("Trần Mỹ Linh", "1988-09-23", "cn3"),  # Hán-Việt of 陈美玲
        ("Alexander Ivanoff", "1970-05-05", "ru1"),
        ("Александр Иванов", "1970-05-05", "ru1"),
        ("Mohammed Ahmed Haddad", "1981-02-14", "ar1"),
        ("Bak Minjun", "1990-05-20", "kr1"),
        ("MUELLER JURGEN", "1962-08-30", "we1"),
    ],
)
def test_variants_alert(index: ScreeningIndex, query: str, dob: str, target: str) -> None:
    q = query if "Đặng" not in query else __import__("unicodedata").normalize("NFD", query)
    assert target in alerts(index, q, dob), index.search(q, dob)[:2]


@pytest.mark.parametrize(
    ("query", "dob"),
    [
        ("NGUYEN VAN AN", "1962-04-18"),  # common name, other birth date
        ("NGUYEN VAN BINH", "1990-07-01"),  # similar name, same birth date
        ("NGUYEN THI QUYET", "1962-07-21"),
        ("WANG XIAOHONG", "1979-06-01"),  # one syllable different
        ("Li Wei", "1979-06-01"),
    ],
)
def test_near_misses_do_not_alert(index: ScreeningIndex, query: str, dob: str) -> None:
    assert alerts(index, query, dob) == []


def test_nationality_does_not_hide_a_hit(index: ScreeningIndex) -> None:
    hits = index.search("NGUYEN VAN QUYET", "1985-03-12", nationality="USA")
    assert hits[0].entry_id == "vn1" and hits[0].alert
    assert hits[0].explanation.nationality_code == "different"


def test_rare_name_weighs_more(index: ScreeningIndex) -> None:
    # Sharing the rare given name says more than sharing "Nguyen Van".
    rare = index.search("TRAN VAN QUYET", "1985-03-12")
    common = index.search("NGUYEN VAN HUNG", "1985-03-12")
    s_rare = next(h.score for h in rare if h.entry_id == "vn1")
    s_common = next((h.score for h in common if h.entry_id == "vn1"), 0.0)
    assert s_rare > s_common


def test_explanation(index: ScreeningIndex) -> None:
    hit = index.search("NGUYEN VAN QUYET", "1985-12-03")[0]
    exp = hit.explanation
    assert 0.0 <= hit.score <= 1.0
    assert exp.date_code == "day_month_swap"
    assert {p.code for p in exp.parts} == {"diacritics"}
    text = exp.text()
    assert "day and month swapped" in text and "Nguyễn Văn Quyết" in text
    d = hit.as_dict()
    assert d["explanation"]["parts"][0]["code"] == "diacritics"
    codes = {p.code for p in index.search("Vương Tiểu Minh", "1979-06-01")[0].explanation.parts}
    assert codes == {"hanviet"}
    codes = {p.code for p in index.search("Wang Hsiao-ming", "1979-06-01")[0].explanation.parts}
    assert "wade_giles" in codes


def test_upsert_remove_and_persistence(tmp_path: Path) -> None:
    idx = build_index(ENTRIES[:40])
    assert alerts(idx, "Jane Roe", "1990-01-02") == []
    idx.upsert({"id": "new", "name": "Jane Roe", "aliases": [], "dob": "1990-01-02"})
    assert alerts(idx, "ROE JANE", "1990-01-02") == ["new"]
    idx.upsert({"id": "new", "name": "Jane Roe", "aliases": [], "dob": "1961-07-15"})
    assert alerts(idx, "ROE JANE", "1990-01-02") == []
    assert idx.remove("new") and not idx.remove("new")
    assert alerts(idx, "ROE JANE", "1961-07-15") == []
    idx.upsert({"id": "new2", "name": "John Doe", "aliases": ["Johnny Doe"], "dob": "1980"})
    path = tmp_path / "screening.idx"
    idx.save(path)
    loaded = load_index(path)
    assert len(loaded) == len(idx)
    assert alerts(loaded, "DOE JOHN", "1980-05-05") == ["new2"]
    assert alerts(loaded, "WANG XIAOMING", "1979-06-01") == ["cn1"]
    (tmp_path / "bad").write_bytes(b"\x80\x05N.")
    with pytest.raises(ValueError, match="not a screening index"):
        load_index(tmp_path / "bad")


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
    st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
)
def test_search_is_total(index: ScreeningIndex, name: str, dob: str | None) -> None:
    hits = index.search(name, dob)
    assert all(0.0 <= h.score <= 1.0 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.alert == (h.score >= index.threshold) for h in hits)
