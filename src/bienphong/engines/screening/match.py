"""Matching one query against one listed name: alignment, reading systems, score."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .dates import chance
from .keys import Tok
from .scoring import Pair, align, chinese_like, invert_sims, middles, name_score, order_penalty
from .vocab import Vocabulary

# Chinese reading systems: a name is written in one of them, not a mix.
_P, _W, _Y, _H = 1, 2, 4, 8
_SYSTEM_OF_CODE = {"wade_giles": _W, "cantonese": _Y, "hanviet": _H}
_SHARED = frozenset({"exact", "pinyin", "chinese_characters"})
COMMONNESS_POWER = 0.25
UNSUPPORTED_READING = 0.9  # see `_evidence`


def system_mask(t: Tok) -> int:
    if t.cjk:
        return _P | _W | _Y | _H
    return (_P if t.pin else 0) | (_W if t.wg else 0) | (_Y if t.yue else 0) | (_H if t.hv else 0)


@dataclass
class QueryCtx:
    keys: list[str]
    groups: list[int]
    exps: list[dict[int, tuple[float, str]]]
    qa: list[str]
    qw: list[float]
    q_mid: list[bool]
    q_cn: bool
    qmask: list[int]
    qtoks: list[Tok]
    # derived once per query: listed part -> query parts, and whether some query group
    # has several parts (its order is then checked)
    by_tid: dict[int, list[tuple[float, int, str]]] = field(init=False)
    multi: bool = field(init=False)

    def __post_init__(self) -> None:
        self.by_tid = invert_sims(self.exps)
        self.multi = len(set(self.groups)) < len(self.groups)


def _evidence(system: int, qtoks: list[Tok], etoks: list[Tok]) -> bool:
    """Does either name have a part spelled in `system` that is not also pinyin?"""
    return any(not t.cjk and not t.pin and system_mask(t) & system for t in (*qtoks, *etoks))


def pair_systems(q: Tok, e: Tok) -> int:
    """Reading systems in which two parts are the same syllable."""
    qp, ep = q.pin, e.pin
    m = _P if (qp & ep or q.a == e.a) else 0
    if (q.wg & ep) or (qp & e.wg):
        m |= _W
    if (q.yue & ep) or (qp & e.yue):
        m |= _Y
    if (q.hv & ep) or (qp & e.hv):
        m |= _H
    return m


def _allowed(p: Pair, system: int, qmask: list[int], emask: list[int], pm: int) -> bool:
    code = p[3]
    if code in _SYSTEM_OF_CODE:
        return bool(pm & system)
    if code in _SHARED:
        return bool((qmask[p[0]] | emask[p[1]]) & system) or (code == "exact" and not qmask[p[0]])
    return True


@dataclass(slots=True)
class Listed:
    """What matching needs of one stored listed name, independent of the query.

    The same names recur across queries (common names are candidates again and
    again), so the index caches these instead of rebuilding them per query.
    """

    tids: list[int]
    groups: list[int]
    ea: list[str]
    e_cn: bool
    e_mid: list[bool]
    ew: list[float]
    multi: bool  # some group has several parts (Xiao Ming): their order is checked


def listed(tids: list[int], groups: list[int], vocab: Vocabulary, n: int) -> Listed:
    toks = vocab.toks
    e_cn = all(chinese_like(toks[t]) for t in tids)
    return Listed(
        tids,
        groups,
        [toks[t].a for t in tids],
        e_cn,
        middles(groups, e_cn),
        [vocab.idf(t, n) for t in tids],
        len(set(groups)) < len(groups),
    )


def match_name(
    q: QueryCtx,
    tids: list[int],
    groups: list[int],
    vocab: Vocabulary,
    n: int,
    ln: Listed | None = None,
) -> tuple[float, float, list[Pair], list[int], list[int]]:
    """Score of the query against one listed name: (score, information, pairs, free...)."""
    if ln is None:
        ln = listed(tids, groups, vocab, n)
    toks = vocab.toks
    ea, ew, e_mid = ln.ea, ln.ew, ln.e_mid
    pairs, fq, fe = align(
        q.exps, tids, q.qa, ea, q.q_cn or ln.e_cn, groups if ln.multi else None, q.by_tid
    )
    if not pairs:
        return 0.0, 0.0, pairs, fq, fe
    if q.multi:  # the query's joined given name keeps its order too (Yingyu, Ngọc Anh)
        pairs = order_penalty(pairs, q.groups, side=0)
    systems = {_SYSTEM_OF_CODE[p[3]] for p in pairs if p[3] in _SYSTEM_OF_CODE}
    if systems:
        # Judge each reading system on its own (pinyin included): Huang An is not
        # Huang Yan just because "an" is also a Cantonese spelling of 晏 (yan).
        emask = [system_mask(toks[t]) for t in tids]
        qt = [toks[t] for t in tids]
        pms = {
            (p[0], p[1]): pair_systems(q.qtoks[p[0]], qt[p[1]])
            for p in pairs
            if p[3] in _SYSTEM_OF_CODE
        }
        best: tuple[float, float, list[Pair], list[int], list[int]] | None = None
        for system in (_P, *sorted(systems)):
            kept = [
                p for p in pairs if _allowed(p, system, q.qmask, emask, pms.get((p[0], p[1]), 0))
            ]
            if system != _P and not _evidence(system, q.qtoks, qt):
                # Every part on both sides is a pinyin syllable: nothing says either
                # name is written in this older system (Li Hong is pinyin, not the
                # Cantonese spelling of Li Qiang), so such readings count less.
                kept = [
                    (i, j, sc * UNSUPPORTED_READING, c) if c in _SYSTEM_OF_CODE else (i, j, sc, c)
                    for i, j, sc, c in kept
                ]
            used_q = {p[0] for p in kept}
            used_e = {p[1] for p in kept}
            kfq = [i for i in range(len(q.qa)) if i not in used_q]
            kfe = [j for j in range(len(ea)) if j not in used_e]
            s, info = name_score(kept, kfq, kfe, q.qw, ew, q.q_mid, e_mid)
            if best is None or s > best[0]:
                best = (s, info, kept, kfq, kfe)
        assert best is not None
        return best
    s, info = name_score(pairs, fq, fe, q.qw, ew, q.q_mid, e_mid)
    return s, info, pairs, fq, fe


def commonness(n: int, info: float, dcode: str, listed_as: int = 1, listed: int = 0) -> float:
    """Down-weight matches a common name would make by chance with this date agreement.

    `info` is the matched IDF sum, so n * exp(-info) estimates how many listed people
    share the name, assuming its parts independent; `listed_as` is how many entries
    carry exactly this name (parts of one culture go together: Olga Mironova is far
    more common than Olga times Mironova). The larger, times the chance of the date
    agreeing, is the expected number of coincidental hits.
    """
    expected = max(n * math.exp(-info), listed_as - 1) * chance(dcode, listed)
    return float((1.0 + expected) ** -COMMONNESS_POWER)
