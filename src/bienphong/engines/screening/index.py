"""The screening index: compact entry storage, inverted postings and search."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from .dates import DATE_FACTORS, compare_dates, parse_date, year_of
from .explain import Hit
from .explainer import explain
from .keys import analyse
from .scoring import align, decode, middles, name_score
from .vocab import Vocabulary

DEFAULT_THRESHOLD = 0.75
NATIONALITY_MISMATCH = 0.97  # helps ranking, never hides a hit
BUDGET = 20_000  # postings read per query, at most (small keys are always read)
SMALL = 64
TOP_K = 48  # candidates scored in full
ANY_YEAR = 4095
_T = 1 << 60
_P = 2 << 60
_MASK24 = (1 << 24) - 1

Entry = Mapping[str, Any]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]


def tid_key(tid: int) -> int:
    return _T | tid


def pair_key(a: int, b: int, year: int) -> int:
    lo, hi = (a, b) if a < b else (b, a)
    return _P | (lo << 36) | (hi << 12) | year


def year_variants(packed: int) -> list[tuple[int, float]]:
    """Birth years to look up for a query date, with a ranking bonus for each."""
    if not packed:
        return [(ANY_YEAR, 0.0)]
    y = year_of(packed)
    out = [(y, 2.0), (0, 0.5)]
    s = str(y)
    for pos in (2, 3):
        for d in "0123456789":
            if d != s[pos]:
                v = int(s[:pos] + d + s[pos + 1 :])
                if 1900 <= v <= 2100:
                    out.append((v, 1.0))
    return out


class ScreeningIndex:
    """Watchlist index. Build with `build_index`; search, upsert, remove, save."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self.vocab = Vocabulary()
        self.ids: list[str] = []
        self.slot_of: dict[str, int] = {}
        self.names: list[tuple[tuple[int, ...], ...]] = []
        self.raw: list[str] = []  # name and aliases joined by \x1f
        self.dob = array("i")
        self.nat: list[str] = []
        self.gender: list[str] = []
        self.lists: list[str] = []
        self.alive = bytearray()
        self.n_live = 0
        self.keys: I64 = np.zeros(0, dtype=np.int64)
        self.offsets: I64 = np.zeros(1, dtype=np.int64)
        self.postings: I32 = np.zeros(0, dtype=np.int32)
        self.delta: dict[int, list[int]] = {}
        self._interned: dict[str, str] = {}

    def __len__(self) -> int:
        return self.n_live

    # -- building ---------------------------------------------------------------
    def _intern(self, s: str) -> str:
        return self._interned.setdefault(s, s)

    def _add(self, entry: Entry) -> int:
        """Store one entry; returns its slot. Postings are made by the caller."""
        eid = str(entry["id"])
        raw_names = [str(entry.get("name") or "")]
        raw_names += [str(a) for a in entry.get("aliases") or () if a]
        names: list[tuple[int, ...]] = []
        seen: set[int] = set()
        for nm in raw_names:
            keys, groups, _raws = analyse(nm)
            enc: list[int] = []
            for k, (key, g) in enumerate(zip(keys, groups, strict=True)):
                tid = self.vocab.intern(key)
                enc.append(-tid - 1 if k and groups[k - 1] == g else tid)
                if tid not in seen:
                    seen.add(tid)
                    self.vocab.df[tid] += 1
            if enc and tuple(enc) not in names:
                names.append(tuple(enc))
        slot = len(self.ids)
        self.ids.append(eid)
        self.slot_of[eid] = slot
        self.names.append(tuple(names))
        self.raw.append("\x1f".join(raw_names))
        self.dob.append(parse_date(str(entry.get("dob") or "")))
        self.nat.append(self._intern(str(entry.get("nationality") or "").strip().upper()))
        self.gender.append(self._intern(str(entry.get("gender") or "").strip().upper()[:1]))
        self.lists.append(self._intern(str(entry.get("list") or "")))
        self.alive.append(1)
        self.n_live += 1
        return slot

    def _entry_keys(self, slot: int) -> set[int]:
        year = year_of(self.dob[slot])
        out: set[int] = set()
        for name in self.names[slot]:
            tids = list(dict.fromkeys(decode(name)[0]))
            out.update(_T | t for t in tids)
            for a, b in combinations(tids[:6], 2):
                out.add(pair_key(a, b, year))
                out.add(pair_key(a, b, ANY_YEAR))
        return out

    def _finalise(self, slots: Iterable[int]) -> None:
        """(Re)build the packed postings from the given live slots."""
        hk = array("q")
        ek = array("i")
        for slot in slots:
            ks = self._entry_keys(slot)
            hk.extend(ks)
            ek.extend([slot] * len(ks))
        h = np.frombuffer(hk, dtype=np.int64) if len(hk) else np.zeros(0, np.int64)
        e = np.frombuffer(ek, dtype=np.int32) if len(ek) else np.zeros(0, np.int32)
        order = np.argsort(h, kind="stable")
        h = h[order]
        self.postings = np.ascontiguousarray(e[order])
        del order
        self.keys, starts = np.unique(h, return_index=True)
        self.offsets = np.append(starts, len(h)).astype(np.int64)
        self.delta = {}

    def compact(self) -> None:
        """Fold incremental updates into the packed postings."""
        self._finalise(i for i in range(len(self.ids)) if self.alive[i])

    def save(self, path: str | Path) -> None:
        """Write the index to `path` (see `persistence`)."""
        from .persistence import save

        save(self, path)

    # -- incremental updates ------------------------------------------------------
    def upsert(self, entry: Entry) -> None:
        """Add an entry or replace the entry with the same id."""
        eid = str(entry["id"])
        if eid in self.slot_of:
            self.remove(eid)
        slot = self._add(entry)
        for k in self._entry_keys(slot):
            self.delta.setdefault(k, []).append(slot)

    def remove(self, entry_id: str) -> bool:
        """Drop an entry; returns False if it was not in the index."""
        slot = self.slot_of.pop(str(entry_id), None)
        if slot is None:
            return False
        self.alive[slot] = 0
        self.n_live -= 1
        for tid in {t for name in self.names[slot] for t in decode(name)[0]}:
            self.vocab.df[tid] -= 1
        return True

    # -- search -------------------------------------------------------------------
    def search(
        self,
        name: str,
        dob: str | None = None,
        nationality: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Hits for a traveller, best first (alerts are those at/above the threshold)."""
        qkeys, qgroups, qraws = analyse(name)
        if not qkeys:
            return []
        qdate = parse_date(dob)
        n = max(self.n_live, 1)
        vocab = self.vocab
        exps = [vocab.expand(k) for k in qkeys]
        qw = [
            vocab.idf(vocab.tid_of[k], n) if k in vocab.tid_of else vocab.unknown_idf(n)
            for k in qkeys
        ]
        cands = self._candidates(exps, qdate, n)
        qnat = (nationality or "").strip().upper()
        q_mid = middles(qgroups)
        qa = [vocab.toks[vocab.tid_of[k]].a if k in vocab.tid_of else k for k in qkeys]
        scored: list[tuple[float, int, int, float, str]] = []
        for slot in cands:
            best, best_name = 0.0, 0
            for ni, stored in enumerate(self.names[slot]):
                tids, groups = decode(stored)
                ea = [vocab.toks[t].a for t in tids]
                pairs, fq, fe = align(exps, tids, qa, ea)
                if not pairs:
                    continue
                ew = [vocab.idf(t, n) for t in tids]
                s = name_score(pairs, fq, fe, qw, ew, q_mid, middles(groups))
                if s > best:
                    best, best_name = s, ni
            if best <= 0.3:
                continue
            dcode = compare_dates(self.dob[slot], qdate)
            total = best * DATE_FACTORS[dcode]
            enat = self.nat[slot]
            if qnat and enat and qnat != enat:
                total *= NATIONALITY_MISMATCH
            scored.append((total, slot, best_name, best, dcode))
        scored.sort(key=lambda x: -x[0])
        hits = []
        for total, slot, ni, nscore, dcode in scored[:limit]:
            exp = explain(
                self, slot, ni, qkeys, qgroups, qraws, exps, qw, nscore, dcode, qdate, qnat
            )
            hits.append(
                Hit(
                    entry_id=self.ids[slot],
                    score=round(min(1.0, total), 4),
                    alert=total >= self.threshold,
                    list=self.lists[slot],
                    name=self.raw[slot].split("\x1f")[0],
                    explanation=exp,
                )
            )
        return hits

    def _candidates(
        self, exps: list[dict[int, tuple[float, str]]], qdate: int, n: int
    ) -> list[int]:
        vocab = self.vocab
        kl: list[int] = []
        wl: list[float] = []
        tops: list[list[tuple[int, float]]] = []
        for exp in exps:
            ranked = sorted(
                ((t, s * vocab.idf(t, n)) for t, (s, _c) in exp.items()), key=lambda x: -x[1]
            )
            tops.append(ranked[:3])
            for t, w in ranked:
                kl.append(_T | t)
                wl.append(w)
        years = year_variants(qdate)
        for ta, tb in combinations(tops, 2):
            for a, wa in ta:
                for b, wb in tb:
                    if a == b:
                        continue
                    for y, bonus in years:
                        kl.append(pair_key(a, b, y))
                        wl.append(wa + wb + bonus)
        if not kl:
            return []
        karr = np.fromiter(kl, dtype=np.int64, count=len(kl))
        warr = np.fromiter(wl, dtype=np.float64, count=len(wl))
        chunks: list[I32] = []
        wchunks: list[npt.NDArray[np.float64]] = []
        if len(self.keys):
            pos = np.searchsorted(self.keys, karr)
            pos[pos >= len(self.keys)] = 0
            found = self.keys[pos] == karr
            fpos = pos[found]
            fw = warr[found]
            starts = self.offsets[fpos]
            dfs = self.offsets[fpos + 1] - starts
            order = np.argsort(dfs, kind="stable")
            total = 0
            for o in order.tolist():
                d = int(dfs[o])
                if d > SMALL and total + d > BUDGET:
                    continue
                total += d
                st = int(starts[o])
                chunks.append(self.postings[st : st + d])
                wchunks.append(np.full(d, fw[o]))
        if self.delta:
            for k, w in zip(kl, wl, strict=True):
                extra = self.delta.get(k)
                if extra:
                    chunks.append(np.asarray(extra, dtype=np.int32))
                    wchunks.append(np.full(len(extra), w))
        if not chunks:
            return []
        allc = np.concatenate(chunks)
        uniq, inv = np.unique(allc, return_inverse=True)
        score = np.bincount(inv, weights=np.concatenate(wchunks))
        if len(uniq) > TOP_K:
            top = np.argpartition(-score, TOP_K)[:TOP_K]
            uniq = uniq[top]
        return [s for s in uniq.tolist() if self.alive[s]]


def build_index(
    entries: Iterable[Entry], *, threshold: float = DEFAULT_THRESHOLD
) -> ScreeningIndex:
    """Build an index over watchlist entries (mappings with id, name, aliases, dob, ...)."""
    index = ScreeningIndex(threshold)
    for entry in entries:
        eid = str(entry["id"])
        if eid in index.slot_of:
            index.remove(eid)
        index._add(entry)
    index.compact()
    return index
