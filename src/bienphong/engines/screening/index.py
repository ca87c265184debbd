"""The screening index: compact entry storage, inverted postings and search."""

from __future__ import annotations

import heapq
import math
from array import array
from collections.abc import Iterable, Mapping
from functools import partial
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from . import chinese
from .dates import DATE_FACTORS, compare_dates, lift_for_exact_date, parse_date, year_of
from .explain import Hit
from .explainer import explain
from .keys import analyse, tok
from .match import Listed, QueryCtx, commonness, listed, match_name, system_mask
from .postings import _T, ANY_YEAR, date_bonus, date_digits, pair_key, year_codes
from .reading import credit, query_pair_keys, take_groups
from .scoring import chinese_like, decode, middles
from .vocab import Vocabulary

DEFAULT_THRESHOLD = 0.8
NATIONALITY_MISMATCH = 0.97  # helps ranking, never hides a hit
BUDGET = 20_000  # postings read per query, at most (small keys are always read)
SMALL = 64
TOP_K = 100  # candidates scored in full
MAX_K = 400  # ... and at most this many when many candidates tie
PRE_K = 4000  # candidates ranked by name before the date is looked at
PAIR_FANOUT = 6  # expansions per query part used in pair keys
PART_CREDIT = 0.3  # a part's own key counts less than a pair of parts, see `_credit`
STRONG = 0.85  # part matches better than a typo (transliteration and up)
WEAK_PART = 0.7  # a part matching a listed part this well is not split
Entry = Mapping[str, Any]
I64 = npt.NDArray[np.int64]
I32 = npt.NDArray[np.int32]


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
        self.dob_digits = bytearray()  # each dob as 8 ASCII digits, for `date_bonus`
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
        self._listed: dict[tuple[int, ...], Listed] = {}  # per stored name, see `Listed`
        self.name_count: dict[tuple[int, ...], int] = {}  # live entries per stored name
        self._listed_n = 0

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
        self._count_names(names, 1)
        slot = len(self.ids)
        self.ids.append(eid)
        self.slot_of[eid] = slot
        self.names.append(tuple(names))
        self.raw.append("\x1f".join(raw_names))
        self.dob.append(parse_date(str(entry.get("dob") or "")))
        self.dob_digits += date_digits(self.dob[-1])
        self.nat.append(self._intern(str(entry.get("nationality") or "").strip().upper()))
        self.gender.append(self._intern(str(entry.get("gender") or "").strip().upper()[:1]))
        self.lists.append(self._intern(str(entry.get("list") or "")))
        self.alive.append(1)
        self.n_live += 1
        self._listed.clear()  # part frequencies changed
        return slot

    def _count_names(self, names: Iterable[tuple[int, ...]], delta: int) -> None:
        for stored in names:
            self.name_count[stored] = self.name_count.get(stored, 0) + delta

    def _entry_keys(self, slot: int) -> set[int]:
        codes = (*year_codes(year_of(self.dob[slot])), ANY_YEAR)
        out: set[int] = set()
        for name in self.names[slot]:
            tids = list(dict.fromkeys(decode(name)[0]))
            out.update(_T | t for t in tids)
            for a, b in combinations(tids[:6], 2):
                out.update(pair_key(a, b, c) for c in codes)
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
        self._listed.clear()
        self.vocab._cache.clear()  # expansions skip parts no live entry uses
        for tid in {t for name in self.names[slot] for t in decode(name)[0]}:
            self.vocab.df[tid] -= 1
        self._count_names(self.names[slot], -1)
        return True

    # -- search -------------------------------------------------------------------
    def search(
        self,
        name: str,
        dob: str | None = None,
        nationality: str | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Hits for a traveller, best first: every alert, then others up to `limit` hits."""
        qkeys, qgroups, qraws = self._split_unknown(*analyse(name, self._translit_known))
        if not qkeys:
            return []
        qdate = parse_date(dob)
        n = max(self.n_live, 1)
        vocab = self.vocab
        exps = [vocab.expand(k) for k in qkeys]
        # a part no live entry uses (all its entries removed) weighs as an unknown one
        tids = [vocab.tid_of.get(k, -1) for k in qkeys]
        qw = [vocab.idf(t, n) if t >= 0 and vocab.df[t] > 0 else vocab.unknown_idf(n) for t in tids]
        cands = self._candidates(exps, qdate, n)
        qnat = (nationality or "").strip().upper()
        qa = [vocab.toks[vocab.tid_of[k]].a if k in vocab.tid_of else k for k in qkeys]
        qtoks = [tok(k, not k.isascii()) for k in qkeys]
        q_cn = all(chinese_like(t) for t in qtoks)
        ctx = QueryCtx(
            qkeys,
            qgroups,
            exps,
            qa,
            qw,
            middles(qgroups, q_cn),
            q_cn,
            [system_mask(t) for t in qtoks],
            qtoks,
        )
        scored: list[tuple[float, int, int, float, str]] = []
        memo: dict[tuple[int, ...], tuple[float, float, bool]] = {}
        cache = self._listed
        if self._listed_n != n or len(cache) > 500_000:
            cache.clear()
            self._listed_n = n
        floor: list[float] = []  # the `limit` best totals so far (a min-heap)
        for slot in cands:
            dcode = compare_dates(self.dob[slot], qdate)
            # A name scores at most 1, so this date caps the total: skip the scoring
            # when that cap can neither alert nor enter the `limit` best (candidates
            # come best key score first, so the best fill the floor early).
            cap = DATE_FACTORS[dcode]
            if cap < self.threshold and len(floor) >= limit and cap <= floor[0]:
                continue
            best, best_name, best_info, best_strong = 0.0, 0, 0.0, False
            for ni, stored in enumerate(self.names[slot]):
                hit = memo.get(stored)
                if hit is None:  # the same listed name recurs across entries
                    ln = cache.get(stored)
                    if ln is None:
                        ln = cache[stored] = listed(*decode(stored), vocab, n)
                    s, info, pairs, free_q, _fe = match_name(ctx, ln.tids, ln.groups, vocab, n, ln)
                    # every query part found, none only as a typo: the gap is listed
                    # parts the query left out (a middle name missing from a passport)
                    strong = not free_q and min((p[2] for p in pairs), default=0.0) >= STRONG
                    hit = memo[stored] = (s, info, strong)
                s, info, strong = hit
                if s > best:
                    best, best_name, best_info, best_strong = s, ni, info, strong
            if best <= 0.3:
                continue
            if best_strong:
                best = lift_for_exact_date(best, dcode, self.dob[slot])
            listed_as = self.name_count.get(self.names[slot][best_name], 1)
            total = (
                best
                * DATE_FACTORS[dcode]
                * commonness(n, best_info, dcode, listed_as, self.dob[slot])
            )
            enat = self.nat[slot]
            if qnat and enat and qnat != enat:
                total *= NATIONALITY_MISMATCH
            scored.append((total, slot, best_name, best, dcode))
            if len(floor) < limit:
                heapq.heappush(floor, total)
            elif total > floor[0]:
                heapq.heapreplace(floor, total)
        scored.sort(key=lambda x: -x[0])
        n_alerts = sum(1 for x in scored if x[0] >= self.threshold)
        hits = []
        for total, slot, ni, nscore, dcode in scored[: max(limit, n_alerts)]:
            hits.append(
                Hit(
                    entry_id=self.ids[slot],
                    score=round(min(1.0, total), 4),
                    alert=total >= self.threshold,
                    list=self.lists[slot],
                    name=self.raw[slot].split("\x1f")[0],
                    explain=partial(
                        explain, self, slot, ni, ctx, qraws, nscore, dcode, qdate, qnat
                    ),
                )
            )
        return hits

    def _split_unknown(
        self, keys: list[str], groups: list[int], raws: list[str]
    ) -> tuple[list[str], list[int], list[str]]:
        """Split an unknown joined part into two listed parts (taemin -> tae, min)."""
        known = self.vocab.tid_of
        out_k: list[str] = []
        out_g: list[int] = []
        for k, g in zip(keys, groups, strict=True):
            if k in known or len(k) < 5 or not k.isascii() or self._translit_known(k):
                out_k.append(k)
                out_g.append(g)
                continue
            best = None
            for i in range(2, len(k) - 1):
                a, b = k[:i], k[i:]
                if a in known and b in known:
                    df = min(self.vocab.df[known[a]], self.vocab.df[known[b]])
                    if best is None or df > best[0]:
                        best = (df, a, b)
            split = (best[1], best[2]) if best else self._split_typo(k)
            if split is None:
                out_k.append(k)
                out_g.append(g)
            else:
                out_k += split
                out_g += [g, g]
        return out_k, out_g, raws

    def _split_typo(self, key: str) -> tuple[str, str] | None:
        """Split an unknown joined pinyin name with a typo in one syllable (weileu ->
        wei, leu; the second then reads as lei): one half a listed syllable, the
        other a typo of one. Not when the whole part is a typo of a listed part."""
        vocab = self.vocab
        if chinese.joined_old_romanisation(key) or any(
            s >= WEAK_PART and c == "typo" for s, c in vocab.expand(key).values()
        ):
            return None
        known, toks = vocab.tid_of, vocab.toks
        best: tuple[float, int, str, str] | None = None
        for i in range(2, len(key) - 1):
            a, b = key[:i], key[i:]
            for whole, typo in ((a, b), (b, a)):
                tid = known.get(whole)
                if tid is None or not toks[tid].pin or len(typo) < 3:
                    continue
                exp = vocab.expand(typo).items()
                sims = [s for t, (s, c) in exp if toks[t].pin and c == "typo"]
                if sims:
                    cand = (max(sims), vocab.df[tid], a, b)
                    if best is None or cand[:2] > best[:2]:
                        best = cand
        return (best[2], best[3]) if best else None

    def _translit_known(self, key: str) -> bool:
        """Another spelling of this part is listed (Yelena for Elena, Mariya for
        Mariia): it is one name, not two listed parts run together (Ye + Lena)."""
        if len(key) < 5 or not key.isascii() or key in self.vocab.tid_of:
            return False
        if len(chinese.segment(key)) == 2:  # Xiaoming: a Chinese given name, split it
            return False
        toks = self.vocab.toks
        return any(
            code == "transliteration" and s >= 0.8 and len(toks[x].a) >= 5 and not toks[x].pin
            for x, (s, code) in self.vocab.expand(key).items()
        )

    def _candidates(
        self, exps: list[dict[int, tuple[float, str]]], qdate: int, n: int
    ) -> list[int]:
        vocab = self.vocab
        kl: list[int] = []
        wl: list[float] = []
        cl: list[int] = []  # credit class of each key, see below
        tops: list[list[tuple[int, float]]] = []
        for part, exp in enumerate(exps):
            # exact first, then likely variants: similar and common parts
            ranked = sorted(
                ((t, s, s * vocab.idf(t, n)) for t, (s, _c) in exp.items()),
                key=lambda x: (x[1] < 1.0, -x[1] * math.log1p(vocab.df[x[0]])),
            )
            if not ranked:
                continue
            # No variant says more than the likeliest reading of the part does:
            # a rare look-alike must not outrank the common name it resembles.
            cap = vocab.idf(ranked[0][0], n)
            ranked = [(t, sc, sc * min(cap, w / sc)) for t, sc, w in ranked]
            for t, _s, w in ranked:
                kl.append(_T | t)
                wl.append(w * PART_CREDIT)
                cl.append(part)
            latin = [x for x in ranked if not vocab.toks[x[0]].cjk]
            tops.append([(t, w) for t, _s, w in (latin or ranked)[:PAIR_FANOUT]])
        codes = (*year_codes(year_of(qdate)), 0) if qdate else (ANY_YEAR,)
        first = len(kl)  # pair keys of the likeliest reading of both parts, see below
        pk, pw, pc, prio, group = query_pair_keys(tops, codes, first, len(exps))
        if not kl and not len(pk):
            return []
        karr = np.concatenate([np.fromiter(kl, dtype=np.int64, count=len(kl)), pk])
        warr = np.concatenate([np.fromiter(wl, dtype=np.float64, count=len(wl)), pw])
        carr = np.concatenate([np.fromiter(cl, dtype=np.int64, count=len(cl)), pc])
        chunks: list[I32] = []
        wchunks: list[npt.NDArray[np.float64]] = []
        cchunks: list[I64] = []
        if len(self.keys):
            pos = np.searchsorted(self.keys, karr)
            pos[pos >= len(self.keys)] = 0
            found = self.keys[pos] == karr
            fpos = pos[found]
            fw = warr[found]
            fc = carr[found]
            starts = self.offsets[fpos]
            dfs = self.offsets[fpos + 1] - starts
            # The budget goes first to the pairs of the likeliest readings (the name as
            # written), smallest first, then to everything else; the year buckets of a
            # pair are read all or none. Smallest key first spent the budget on rare
            # look-alike pairs, and reading only the small unknown-year bucket of a
            # pair ranked every "Nguyen Thi *" without a date above the listed person.
            kprio = np.ones(len(karr), dtype=np.int64)
            kprio[first:] = prio
            kgroup = np.arange(len(karr), dtype=np.int64)
            kgroup[first:] = group
            fg = kgroup[found]
            gdf = np.bincount(fg, weights=dfs, minlength=len(karr))[fg]
            order = np.lexsort((fg, gdf, kprio[found]))
            sel = order[take_groups(fg[order], gdf[order], SMALL, BUDGET)]
            if len(sel):
                d = dfs[sel]
                ends = np.cumsum(d)
                # every selected key's postings, gathered in one indexing operation
                at = np.repeat(starts[sel] - ends + d, d) + np.arange(int(ends[-1]))
                chunks.append(self.postings[at])
                wchunks.append(np.repeat(fw[sel], d))
                cchunks.append(np.repeat(fc[sel], d))
        if self.delta:
            for k, w, c in zip(karr.tolist(), warr.tolist(), carr.tolist(), strict=True):
                extra = self.delta.get(k)
                if extra:
                    chunks.append(np.asarray(extra, dtype=np.int32))
                    wchunks.append(np.full(len(extra), w))
                    cchunks.append(np.full(len(extra), c, dtype=np.int64))
        if not chunks:
            return []
        uniq, score = credit(
            np.concatenate(chunks),
            np.concatenate(wchunks),
            np.concatenate(cchunks),
            int(carr.max()) + 1,
        )
        alldobs = np.frombuffer(self.dob, dtype=np.int32)
        if len(uniq) > PRE_K:  # best names first, then dates among those
            # Thousands of entries can share a common name with the same key score, so
            # an arbitrary cut would lose the target: a cheap date check breaks the ties.
            cd = alldobs[uniq]
            tie = 2.0 * (cd == qdate) + 1.0 * (cd // 10000 == qdate // 10000) if qdate else 0.0
            pre = np.argpartition(-(score + tie), PRE_K)[:PRE_K]
            uniq, score = uniq[pre], score[pre]
        digits = np.frombuffer(self.dob_digits, dtype=np.uint64)
        score = score + date_bonus(alldobs[uniq], digits[uniq], qdate)
        if len(uniq) > TOP_K:
            # the best TOP_K, plus any tied with the last of them (common names)
            kth = np.partition(score, len(score) - TOP_K)[len(score) - TOP_K]
            top = np.flatnonzero(score >= kth)
            if len(top) > MAX_K:
                top = top[np.argpartition(-score[top], MAX_K)[:MAX_K]]
            uniq, score = uniq[top], score[top]
        return [s for s in uniq[np.argsort(-score, kind="stable")].tolist() if self.alive[s]]


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
