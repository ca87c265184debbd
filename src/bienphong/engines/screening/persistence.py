"""Saving and loading an index: one pickle of arrays, lists and interned strings.

Only load files this system wrote: pickle runs code from the file it reads.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from .index import ScreeningIndex
from .postings import date_digits

FORMAT = "bienphong-screening/2"  # 2: hyphenated parts form one name group
_FIELDS = ("threshold", "ids", "names", "raw", "dob", "nat", "gender", "lists", "alive", "n_live")


def save(index: ScreeningIndex, path: str | Path) -> None:
    """Write the index (incremental updates are compacted first)."""
    if index.delta:
        index.compact()
    state: dict[str, Any] = {"format": FORMAT}
    state.update({f: getattr(index, f) for f in _FIELDS})
    state["vocab_keys"] = index.vocab.keys
    state["vocab_df"] = index.vocab.df
    state["keys"] = index.keys
    state["offsets"] = index.offsets
    state["postings"] = index.postings
    tmp = Path(f"{path}.tmp")
    with tmp.open("wb") as fh:
        pickle.dump(state, fh, protocol=5)
    tmp.replace(path)


def load_index(path: str | Path) -> ScreeningIndex:
    """Read an index written by `save`."""
    with Path(path).open("rb") as fh:
        state = pickle.load(fh)  # noqa: S301 - our own index files only
    if not isinstance(state, dict) or state.get("format") != FORMAT:
        raise ValueError(f"{path}: not a screening index ({FORMAT})")
    index = ScreeningIndex(state["threshold"])
    for f in _FIELDS:
        setattr(index, f, state[f])
    index.slot_of = {eid: i for i, eid in enumerate(index.ids) if index.alive[i]}
    index.dob_digits = bytearray(b"".join(date_digits(d) for d in index.dob))
    for slot, names in enumerate(index.names):
        if index.alive[slot]:
            index._count_names(names, 1)
    index.vocab.keys = state["vocab_keys"]
    index.vocab.df = state["vocab_df"]
    index.vocab.rebuild_lookup()
    index.keys = state["keys"]
    index.offsets = state["offsets"]
    index.postings = state["postings"]
    return index
