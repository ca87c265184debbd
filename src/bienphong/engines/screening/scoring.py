"""Scoring: how two name parts match, and how well a query name covers a listed name."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz.distance import OSA

from .keys import Tok

# Name-part match codes (stable: the web layer translates them) and their scores.
PART_SCORES: dict[str, float] = {
    "exact": 1.0,
    "diacritics": 1.0,
    "chinese_characters": 0.95,
    "pinyin": 0.92,
    "wade_giles": 0.9,
    "cantonese": 0.88,
    "hanviet": 0.9,
    "transliteration": 0.85,
    "typo": 0.8,
    "joined": 0.95,
    "initial": 0.5,
}
MIDDLE_DISCOUNT = 0.5  # an unmatched middle name counts half
QUERY_EXTRA = 0.7  # an extra part in the query counts this much


def token_sim(q: Tok, e: Tok) -> tuple[float, str]:
    """Similarity of a query name part and a listed name part, with its match code."""
    if q.a == e.a:
        if q.cjk or e.cjk:
            if q.cjk and e.cjk and q.raw == e.raw:
                return 1.0, "exact"
            return PART_SCORES["chinese_characters"], "chinese_characters"
        return 1.0, "exact"
    qp, ep = q.pin, e.pin
    cjk = q.cjk or e.cjk
    if qp & ep:
        code = "chinese_characters" if cjk else "pinyin"
        return PART_SCORES[code], code
    if (q.hv and q.hv & ep) or (e.hv and qp & e.hv):
        return PART_SCORES["hanviet"], "hanviet"
    if (q.wg and q.wg & ep) or (e.wg and qp & e.wg):
        return PART_SCORES["wade_giles"], "wade_giles"
    if (q.yue and q.yue & ep) or (e.yue and qp & e.yue):
        return PART_SCORES["cantonese"], "cantonese"
    if cjk:
        return 0.0, ""
    qx, ex = q.wg | q.yue, e.wg | e.yue
    if qx and ex and qx & ex:
        return PART_SCORES["transliteration"] * 0.95, "transliteration"
    if q.ph and q.ph == e.ph and (len(q.ph) >= 2 or q.ph[0] == "k"):
        return PART_SCORES["transliteration"], "transliteration"
    return typo_sim(q.a, e.a)


def typo_sim(a: str, b: str) -> tuple[float, str]:
    """Edit-distance match (OSA: substitutions, insertions, deletions, transpositions)."""
    short = min(len(a), len(b))
    if short < 3:
        return 0.0, ""
    d = OSA.distance(a, b, score_cutoff=2)
    if d == 1:
        return (0.8 if short >= 5 else 0.72), "typo"
    if d == 2 and short >= 7:
        return 0.7, "typo"
    return 0.0, ""


def decode(name: Sequence[int]) -> tuple[list[int], list[int]]:
    """Stored name -> (token ids, group index per token); negative id = same group."""
    tids: list[int] = []
    groups: list[int] = []
    g = -1
    for x in name:
        if x < 0:
            tids.append(-x - 1)
        else:
            tids.append(x)
            g += 1
        groups.append(max(g, 0))
    return tids, groups


Pair = tuple[int, int, float, str]  # query index, entry index, score, code


def align(
    sims: list[dict[int, tuple[float, str]]],
    tids: list[int],
    qa: list[str],
    ea: list[str],
) -> tuple[list[Pair], list[int], list[int]]:
    """Best one-to-one matching of query parts to listed parts (order-free).

    Returns matched pairs plus unmatched query and entry indexes; joined/split parts
    (xiaoming vs xiao ming) are matched against adjacent concatenations.
    """
    cands: list[tuple[float, int, int, str]] = []
    for i, row in enumerate(sims):
        for j, t in enumerate(tids):
            hit = row.get(t)
            if hit is not None:
                cands.append((hit[0], i, j, hit[1]))
    cands.sort(reverse=True)
    used_q: set[int] = set()
    used_e: set[int] = set()
    pairs: list[Pair] = []
    for s, i, j, code in cands:
        if i not in used_q and j not in used_e:
            used_q.add(i)
            used_e.add(j)
            pairs.append((i, j, s, code))
    if len(used_q) < len(qa) or len(used_e) < len(ea):
        _merge(pairs, used_q, used_e, qa, ea)
    free_q = [i for i in range(len(qa)) if i not in used_q]
    free_e = [j for j in range(len(ea)) if j not in used_e]
    return pairs, free_q, free_e


def _merge(
    pairs: list[Pair], used_q: set[int], used_e: set[int], qa: list[str], ea: list[str]
) -> None:
    for i, q in enumerate(qa):
        if i in used_q:
            continue
        if len(q) == 1:  # an initial
            for j, e in enumerate(ea):
                if j not in used_e and e[0] == q:
                    used_q.add(i)
                    used_e.add(j)
                    pairs.append((i, j, PART_SCORES["initial"], "initial"))
                    break
            continue
        for j in range(len(ea) - 1):
            if j in used_e or j + 1 in used_e:
                continue
            s = _joined(q, ea[j] + ea[j + 1])
            if s:
                used_q.add(i)
                used_e.update((j, j + 1))
                pairs += [(i, j, s, "joined"), (i, j + 1, s, "joined")]
                break
    for j, e in enumerate(ea):
        if j in used_e:
            continue
        for i in range(len(qa) - 1):
            if i in used_q or i + 1 in used_q:
                continue
            s = _joined(e, qa[i] + qa[i + 1])
            if s:
                used_e.add(j)
                used_q.update((i, i + 1))
                pairs.append((i, j, s, "joined"))
                break


def _joined(a: str, b: str) -> float:
    if a == b:
        return PART_SCORES["joined"]
    s, _ = typo_sim(a, b)
    return s * 0.95


def name_score(
    pairs: list[Pair],
    free_q: list[int],
    free_e: list[int],
    qw: list[float],
    ew: list[float],
    q_middle: list[bool],
    e_middle: list[bool],
) -> float:
    """IDF-weighted coverage: matched weight over matched plus unmatched weight."""
    num = den = 0.0
    for _i, j, s, _code in pairs:
        num += s * ew[j]
        den += ew[j]
    for j in free_e:
        den += ew[j] * (MIDDLE_DISCOUNT if e_middle[j] else 1.0)
    for i in free_q:
        den += qw[i] * (MIDDLE_DISCOUNT if q_middle[i] else QUERY_EXTRA)
    return num / den if den > 0 else 0.0


def middles(groups: list[int]) -> list[bool]:
    """Middle-name flags: parts of single-part groups that are neither first nor last."""
    if not groups:
        return []
    last = groups[-1]
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    return [0 < g < last and sizes[g] == 1 for g in groups]
