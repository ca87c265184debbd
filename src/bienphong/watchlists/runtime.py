"""The in-memory screening index of this server process, kept in step with the database.

Every change to an entry appends to ``EntryChange``. Before a search the process applies
the changes it has not seen; a large backlog (an import) is absorbed by rebuilding a fresh
index in a background thread while searches keep using the current one, then swapping it
in: the index is updated without downtime.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections

from bienphong.engines.screening import ScreeningIndex, build_index, load_index

from .models import EntryChange, WatchlistEntry

logger = logging.getLogger(__name__)

# Above this many pending changes a background rebuild beats applying them inline.
INLINE_SYNC_LIMIT = 2000


def engine_entry(entry: WatchlistEntry) -> dict[str, Any]:
    return {
        "id": str(entry.pk),
        "name": entry.full_name,
        "aliases": list(entry.aliases or []),
        "dob": entry.dob,
        "nationality": entry.nationality,
        "gender": entry.gender,
        "list": entry.watchlist.code,
    }


def indexable_entries(*, today: date | None = None) -> Iterator[dict[str, Any]]:
    """Active entries of active lists. Validity periods are checked per hit, at search time."""
    qs = (
        WatchlistEntry.objects.filter(is_active=True, watchlist__is_active=True)
        .select_related("watchlist")
        .order_by("pk")
    )
    for entry in qs.iterator(chunk_size=5000):
        yield engine_entry(entry)


def sync_interval() -> float:
    """Seconds between looks at the change feed: a busy gate does not query it per search."""
    return float(getattr(settings, "BIENPHONG_SCREENING_SYNC_SECONDS", 1.0))


def index_path() -> Path:
    return Path(settings.VAR_DIR) / "screening" / "index.bin"


class IndexHolder:
    def __init__(self) -> None:
        # Re-entrant: search() holds it around get(); searching and applying changes
        # never overlap within a process (the index is not safe to read while it changes).
        self._lock = threading.RLock()
        self._index: ScreeningIndex | None = None
        self._seen = 0
        self._rebuilding = False
        self._synced_at = -1e9

    def reset(self) -> None:
        with self._lock:
            self._index, self._seen, self._rebuilding = None, 0, False
            self._synced_at = -1e9

    def _latest_change(self) -> int:
        last = EntryChange.objects.order_by("-pk").values_list("pk", flat=True).first()
        return last or 0

    def _fresh(self) -> tuple[ScreeningIndex, int]:
        seen = self._latest_change()
        return build_index(indexable_entries()), seen

    def _apply(self, index: ScreeningIndex, entry_ids: Iterable[int]) -> None:
        ids = set(entry_ids)
        current = {
            e.pk: e for e in WatchlistEntry.objects.filter(pk__in=ids).select_related("watchlist")
        }
        for entry_id in ids:
            entry = current.get(entry_id)
            if entry is None or not entry.is_active or not entry.watchlist.is_active:
                index.remove(str(entry_id))
            else:
                index.upsert(engine_entry(entry))

    def get(self) -> ScreeningIndex:
        """The index, with every change committed so far applied (or being rebuilt)."""
        with self._lock:
            if self._index is None:
                self._index, self._seen = self._load_or_build()
                # The index is millions of long-lived objects: keep the cyclic garbage
                # collector from walking them on every collection (pauses of 0.2-0.9 s).
                gc.freeze()
            now = time.monotonic()
            if now - self._synced_at < sync_interval():
                return self._index
            self._synced_at = now
            pending = list(
                EntryChange.objects.filter(pk__gt=self._seen)
                .order_by("pk")
                .values_list("pk", "entry_id")[: INLINE_SYNC_LIMIT + 1]
            )
            if pending and len(pending) <= INLINE_SYNC_LIMIT:
                self._apply(self._index, [entry_id for _pk, entry_id in pending])
                self._seen = pending[-1][0]
            elif pending and not self._rebuilding:
                self._rebuilding = True
                threading.Thread(
                    target=self._rebuild, name="screening-rebuild", daemon=True
                ).start()
            return self._index

    def search(self, name: str, **kwargs: Any) -> list[Any]:
        with self._lock:
            return self.get().search(name, **kwargs)

    def search_many(
        self, queries: list[tuple[str, str | None, str | None]], *, limit: int
    ) -> list[list[Any]]:
        """Search (name, dob, nationality) queries against one synced view of the index:
        a whole list sees every change committed before it started, and the change feed
        is read once for the list instead of once per person."""
        with self._lock:
            index = self.get()
            return [
                index.search(name, dob=dob, nationality=nationality, limit=limit)
                if name.strip()
                else []
                for name, dob, nationality in queries
            ]

    def _load_or_build(self) -> tuple[ScreeningIndex, int]:
        path = index_path()
        marker = path.with_suffix(".seen")
        if path.exists() and marker.exists():
            try:
                return load_index(path), int(marker.read_text())
            except (OSError, ValueError, EOFError):
                logger.warning("screening index file unreadable; rebuilding", exc_info=True)
        return self._fresh()

    def _rebuild(self) -> None:
        try:
            index, seen = self._fresh()
            with self._lock:
                self._index, self._seen = index, seen
        except Exception:  # keep serving the old index; the next search retries
            logger.exception("screening index rebuild failed")
        finally:
            self._rebuilding = False
            connections.close_all()  # this thread's own

    def save(self) -> Path:
        """Build from the database and write the index file that new processes load."""
        index, seen = self._fresh()
        path = index_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        index.save(tmp)
        tmp.replace(path)
        path.with_suffix(".seen").write_text(str(seen))
        with self._lock:
            self._index, self._seen = index, seen
        return path


holder = IndexHolder()
