"""Matching one query against one listed name: alignment, reading systems, score."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .dates import CHANCE
from .keys import Tok
from .scoring import Pair, align, chinese_like, middles, name_score
from .vocab import Vocabulary

# Chinese reading systems: a name is written in one of them, not a mix.
_P, _W, _Y, _H = 1, 2, 4, 8
_SYSTEM_OF_CODE = {"wade_giles": _W, "cantonese": _Y, "hanviet": _H}
_SHARED = frozenset({"exact", "pinyin", "chinese_characters"})
COMMONNESS_POWER = 0.25


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


def match_name(
    q: QueryCtx, tids: list[int], groups: list[int], vocab: Vocabulary, n: int
) -> tuple[float, float, list[Pair], list[int], list[int]]:
    """Score of the query against one listed name: (score, information, pairs, free...)."""
    toks = vocab.toks
    ea = [toks[t].a for t in tids]
    e_cn = all(chinese_like(toks[t]) for t in tids)
    pairs, fq, fe = align(q.exps, tids, q.qa, ea, q.q_cn or e_cn, groups)
    if not pairs:
        return 0.0, 0.0, pairs, fq, fe
    ew = [vocab.idf(t, n) for t in tids]
    e_mid = middles(groups, e_cn)
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


def commonness(n: int, info: float, dcode: str) -> float:
    """Down-weight matches a common name would make by chance with this date agreement.

    `info` is the matched IDF sum, so n * exp(-info) estimates how many listed people
    share the name; times the chance of the date agreeing that is the expected number
    of coincidental hits.
    """
    expected = n * math.exp(-info) * CHANCE.get(dcode, 0.0)
    return float((1.0 + expected) ** -COMMONNESS_POWER)
