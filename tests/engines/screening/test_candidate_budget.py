"""Candidate generation keeps a common name's own postings within the read budget,
and readings in an older romanisation need some sign that the name is written in it."""

from __future__ import annotations

from typing import Any

import pytest

from bienphong.engines.screening import build_index
from bienphong.engines.screening import index as index_module


def _entries() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = [{"id": "target", "name": "Nguyễn Thị Quyết", "dob": "1956-10-09"}]
    # the same name, same birth year: the target's own pair keys are the big ones
    out += [
        {"id": f"same{i}", "name": "Nguyễn Thị Quyết", "dob": f"1956-{1 + i % 9:02d}-{1 + i:02d}"}
        for i in range(25)
    ]
    # a look-alike name (Quyết/Quyên) with smaller keys that used to be read first
    out += [
        {"id": f"alike{i}", "name": "Nguyễn Thị Quyên", "dob": f"1956-{1 + i % 9:02d}-{1 + i:02d}"}
        for i in range(18)
    ]
    return out


def test_budget_goes_to_the_name_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "BUDGET", 60)
    monkeypatch.setattr(index_module, "SMALL", 4)
    idx = build_index(_entries())
    hits = idx.search("NGUYEN THI QUYET", "1956-10-09")
    assert hits and hits[0].entry_id == "target" and hits[0].alert


def test_unsupported_older_reading_does_not_alert() -> None:
    idx = build_index(
        [
            {"id": "hong", "name": "Li Hong", "dob": ""},
            {"id": "weiwei", "name": "Wang Weiwei", "dob": "2004-03-16"},
        ]
    )
    # hong is a Cantonese spelling of 强 (qiang), but both names are plain pinyin
    assert not [h for h in idx.search("LI QIANG", "1980-02-15") if h.alert]
    # "Wong" is not pinyin: this name is Cantonese, the reading stands
    assert [h.entry_id for h in idx.search("WONG WAI WAI", "2004-03-16") if h.alert] == ["weiwei"]
