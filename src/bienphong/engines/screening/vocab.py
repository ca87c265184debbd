"""The vocabulary of distinct name parts, their frequencies and fuzzy expansion.

Typos, transliterations and Chinese readings are resolved here, against the
(small) set of distinct name parts, never against the (large) list of entries.
"""

from __future__ import annotations

import math
from array import array

from .keys import Tok, deletions, tok
from .scoring import token_sim

MAX_EXPANSION = 24
FUZZY_CODES = frozenset({"typo", "transliteration"})
KNOWN_PART_FUZZY = 0.7


def vocab_keys(t: Tok) -> list[str]:
    """Keys under which a name part is found by similar parts."""
    out = ["c:" + c for c in t.chinese_keys()]
    if t.cjk:
        return out
    if len(t.ph) >= 2 or t.ph.startswith("k"):
        out.append("p:" + t.ph)
    out += ["d:" + d for d in deletions(t.a)]
    return out


class Vocabulary:
    """Distinct name parts (token ids), document frequencies and similarity lookup."""

    def __init__(self) -> None:
        self.keys: list[str] = []  # token key: folded ASCII part or one CJK character
        self.tid_of: dict[str, int] = {}
        self.df = array("i")
        self.toks: list[Tok] = []
        self.lookup: dict[str, list[int]] = {}
        self._cache: dict[str, dict[int, tuple[float, str]]] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def intern(self, key: str) -> int:
        tid = self.tid_of.get(key)
        if tid is None:
            tid = len(self.keys)
            self.keys.append(key)
            self.tid_of[key] = tid
            self.df.append(0)
            t = tok(key, not key.isascii())
            self.toks.append(t)
            for k in vocab_keys(t):
                self.lookup.setdefault(k, []).append(tid)
            if self._cache:
                self._cache.clear()
        return tid

    def rebuild_lookup(self) -> None:
        """Recompute Tok objects and the similarity lookup (after loading)."""
        self.toks = [tok(k, not k.isascii()) for k in self.keys]
        self.tid_of = {k: i for i, k in enumerate(self.keys)}
        self.lookup = {}
        for tid, t in enumerate(self.toks):
            for k in vocab_keys(t):
                self.lookup.setdefault(k, []).append(tid)
        self._cache.clear()

    def idf(self, tid: int, n: int) -> float:
        """Inverse document frequency: rare parts weigh more than common ones."""
        return max(0.3, math.log((n + 1) / (self.df[tid] + 0.5)))

    def unknown_idf(self, n: int) -> float:
        return max(1.0, 0.6 * math.log(n + 2))

    def expand(self, key: str) -> dict[int, tuple[float, str]]:
        """Listed parts that a query part may stand for: tid -> (score, match code)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        t = tok(key, not key.isascii())
        cands: set[int] = set()
        own = self.tid_of.get(key)
        if own is not None:
            cands.add(own)
        for k in vocab_keys(t):
            cands.update(self.lookup.get(k, ()))
        out: dict[int, tuple[float, str]] = {}
        # A query part that is itself a listed name part is most likely that name,
        # not a typo of a similar short one (Hung is not a typo of Hoang).
        known = own is not None and self.df[own] > 0 and len(key) < 6
        for tid in cands:
            if self.df[tid] <= 0:  # every entry using it was removed: not listed
                continue
            s, code = token_sim(t, self.toks[tid])
            if known and code in FUZZY_CODES:
                s *= KNOWN_PART_FUZZY
            if s > 0:
                out[tid] = (s, code)
        if len(out) > MAX_EXPANSION:
            best = sorted(out.items(), key=lambda kv: (-kv[1][0], -self.df[kv[0]]))
            out = dict(best[:MAX_EXPANSION])
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = out
        return out
