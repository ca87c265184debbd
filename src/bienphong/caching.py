"""Per-process memos of small, rarely changed lookups on the checkpoint's hot path.

A busy gate asks the same questions on every traveller (which unit is gate CK-BL1, which
visa rule applies to KOR, which purposes exist, who owns this API token). Each answer is
kept in this process for at most ``BIENPHONG_LOOKUP_CACHE_SECONDS`` (default 5 s), and
dropped at once in the process that changes the row (``post_save``/``post_delete`` hooks
and ``on_commit``). So a change made anywhere takes effect everywhere within that bound;
the test settings set it to 0 (every call reads the database).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")

DEFAULT_SECONDS = 5.0
# A keyed memo never grows past this many keys (tokens, users): the oldest half goes.
MAX_KEYS = 4096


def lookup_seconds() -> float:
    """The staleness bound of every memo in this module."""
    return float(getattr(settings, "BIENPHONG_LOOKUP_CACHE_SECONDS", DEFAULT_SECONDS))


def clock() -> float:
    # A module-level indirection so tests can move time forward.
    return time.monotonic()


class Memo(Generic[T]):
    """``loader(key)``'s result per key, reloaded when older than ``lookup_seconds()``."""

    def __init__(self, name: str, loader: Callable[[Any], T]) -> None:
        self.name = name
        self._loader = loader
        self._lock = threading.Lock()
        self._values: dict[Hashable, tuple[float, int, T]] = {}
        self._generation = 0
        _REGISTRY.append(self)

    def get(self, key: Hashable = None) -> T:
        ttl = lookup_seconds()
        now = clock()
        if ttl > 0:
            with self._lock:
                found = self._values.get(key)
                generation = self._generation
            if found is not None and now - found[0] < ttl and found[1] == generation:
                return found[2]
        else:
            generation = self._generation
        value = self._loader(key)
        if ttl > 0:
            with self._lock:
                # An invalidation while loading means the value may be stale: do not keep it.
                if generation == self._generation:
                    if len(self._values) >= MAX_KEYS:
                        for old in sorted(self._values, key=lambda k: self._values[k][0])[
                            : MAX_KEYS // 2
                        ]:
                            del self._values[old]
                    self._values[key] = (now, generation, value)
        return value

    def invalidate(self) -> None:
        with self._lock:
            self._generation += 1
            self._values.clear()

    def invalidate_on_change(self, *models: type) -> Memo[T]:
        """Forget everything when any of ``models`` is saved or deleted in this process
        (now, and again once the change commits, so no reader re-caches the old row)."""

        def forget(**_kwargs: Any) -> None:
            self.invalidate()
            transaction.on_commit(self.invalidate)

        for model in models:
            uid = f"bienphong.caching.{self.name}.{model.__name__}"
            post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid + ".save")
            post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid + ".delete")
        return self


_REGISTRY: list[Memo[Any]] = []


def clear_all() -> None:
    """Forget every memo (tests, and after bulk changes made with ``update()``)."""
    for memo in _REGISTRY:
        memo.invalidate()
