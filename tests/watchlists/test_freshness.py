"""A new watchlist entry reaches every server process's index within the sync interval."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bienphong.watchlists import runtime, screening, services

from .conftest import row

pytestmark = pytest.mark.django_db

INTERVAL = 1.0


def found(name, dob):
    return [o.entry.external_id for o in screening.search(name=name, dob=dob)[1]]


def test_new_entry_is_screened_within_the_sync_interval(
    tree, users, watchlist, settings, monkeypatch
):
    settings.BIENPHONG_SCREENING_SYNC_SECONDS = INTERVAL
    now = SimpleNamespace(value=5000.0)
    monkeypatch.setattr(runtime, "time", SimpleNamespace(monotonic=lambda: now.value))
    runtime.holder.reset()
    assert found("Phạm Văn Mới", "1990") == []  # loads the index and syncs
    services.entries_import(
        actor=users["staff"],
        watchlist=watchlist,
        rows=[row("N1", "Phạm Văn Mới", (1990, None, None))],
    )
    # Within the interval this process has not looked at the change feed yet.
    now.value += INTERVAL - 0.01
    assert found("Phạm Văn Mới", "1990") == []
    now.value += 0.01
    assert found("Phạm Văn Mới", "1990") == ["N1"]
