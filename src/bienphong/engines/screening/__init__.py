"""Watchlist screening engine: fast, explainable name and birth-date matching.

Pure Python (no Django): `build_index(entries)` -> `ScreeningIndex`; `index.search(...)`
returns `Hit`s with an `Explanation`; `index.save(path)` / `load_index(path)`;
`index.upsert(entry)` / `index.remove(entry_id)` for incremental updates.
"""

from __future__ import annotations

from .chinese import warm
from .explain import Explanation, Hit, PartMatch
from .index import DEFAULT_THRESHOLD, ScreeningIndex, build_index
from .persistence import load_index

__all__ = [
    "DEFAULT_THRESHOLD",
    "Explanation",
    "Hit",
    "PartMatch",
    "ScreeningIndex",
    "build_index",
    "load_index",
    "warm",
]
