"""The per-name cache used by search never serves stale part frequencies."""

from __future__ import annotations

from bienphong.engines.screening import ScreeningIndex, build_index

from .conftest import ENTRIES


def _scores(index: ScreeningIndex, name: str, dob: str) -> list[tuple[str, float]]:
    return [(h.entry_id, h.score) for h in index.search(name, dob, limit=50)]


def test_incremental_updates_score_like_a_fresh_build() -> None:
    extra = [
        {"id": f"x{i}", "name": f"Phan Văn Tùng {'ABCDEFGHIJ'[i % 10]}", "dob": "1970"}
        for i in range(30)
    ]
    idx = build_index(ENTRIES)
    before = _scores(idx, "PHAN VAN TUNG", "1970-02-03")  # fills the cache
    for e in extra:  # "Phan" and "Tùng" become common: their weight must drop
        idx.upsert(e)
    assert _scores(idx, "PHAN VAN TUNG", "1970-02-03") == _scores(
        build_index([*ENTRIES, *extra]), "PHAN VAN TUNG", "1970-02-03"
    )
    for e in extra:
        idx.remove(str(e["id"]))
    assert _scores(idx, "PHAN VAN TUNG", "1970-02-03") == before


def test_repeated_searches_are_identical() -> None:
    idx = build_index(ENTRIES)
    first = [_scores(idx, q, "1985-03-12") for q in ("NGUYEN VAN QUYET", "Nguyen Quyet")]
    again = [_scores(idx, q, "1985-03-12") for q in ("NGUYEN VAN QUYET", "Nguyen Quyet")]
    assert first == again
