"""Scoring: how two name parts match, and how well a query name covers a listed name."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

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
# Matches through Chinese readings; allowed only when one of the two names is
# wholly Chinese (pinyin / Wade-Giles / Cantonese syllables or characters), so that
# Vietnamese "An" never matches Vietnamese "Ngân" through a shared character reading.
CHINESE_CODES = frozenset({"pinyin", "hanviet", "wade_giles", "cantonese", "chinese_characters"})
WEAK = 0.7  # pairs below this may be replaced by a joined/split match
MIDDLE_DISCOUNT = 0.35  # an unmatched middle name counts a third
MIDDLE_CAP = 3.0  # ... and a rare middle name no more than a common one
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
        if (q.alt & ep) or (qp & e.alt):  # a less common reading of the character
            return 0.8, "chinese_characters"
        return 0.0, ""
    qx, ex = q.wg | q.yue, e.wg | e.yue
    if qx and ex and qx & ex:
        return PART_SCORES["transliteration"] * 0.95, "transliteration"
    if _gendered_pair(q.a, e.a):  # Pavlova is not Pavlov: another person
        return GENDERED_FORM, "transliteration"
    # Two different pinyin syllables are two different names, however close.
    cap = 0.6 if qp and ep else 1.0
    if q.ph and q.ph == e.ph and (len(q.ph) >= 2 or q.ph[0] == "k"):
        # short parts share skeletons by chance (Khang/Giang): little evidence
        # Sino-Vietnamese / pinyin syllables sharing a skeleton are different names
        syllables = bool(q.hv or q.pin or e.hv or e.pin)
        long = not syllables or (min(len(q.a), len(e.a)) >= 6 and len(q.ph) >= 3)
        if long and min(len(q.a), len(e.a)) >= 6 and _vowel_class(q.a) != _vowel_class(e.a):
            long = False  # one skeleton, other vowels: Hussein is not Hassan
        if q.ph[0] == "k":  # listed Korean surname variants
            return PART_SCORES["transliteration"], "transliteration"
        s = PART_SCORES["transliteration"] if long else 0.62
        # ... but one slip of the keyboard is still a typo (Hiang for Hoang)
        t, tcode = typo_sim(q.a, e.a)
        if t > s:
            return min(t, cap), tcode
        return min(s, cap), "transliteration"
    s, code = typo_sim(q.a, e.a)
    return min(s, cap), code


_GENDERED_ENDINGS = ("ov", "ev", "in", "yn")
GENDERED_FORM = 0.5


def _gendered_pair(a: str, b: str) -> bool:
    """A Russian surname and its other-gender form (Pavlov, Pavlova)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long == short + "a" and short.endswith(_GENDERED_ENDINGS)


def _vowel_class(a: str) -> str:
    """The first vowel, in classes that transliterations swap within (o/u: Mohammed,
    Muhammad; e/i: Ebrahim, Ibrahim); a leading y/i before a vowel is a consonant
    (Yelena, Iulia) and yo is e (Fyodor, Fedor)."""
    s = a.replace("yo", "e")
    if len(s) > 1 and s[0] in "yi" and s[1] in "aeiou":
        s = s[1:]
    for ch in s:
        if ch in "aeiou":
            return {"o": "u", "e": "i"}.get(ch, ch)
    return ""


def typo_sim(a: str, b: str) -> tuple[float, str]:
    """Edit-distance match (OSA: substitutions, insertions, deletions, transpositions)."""
    short = min(len(a), len(b))
    if short < 3:
        return 0.0, ""
    d = OSA.distance(a, b, score_cutoff=2)
    if d == 1:
        return (0.8 if short >= 5 else 0.75), "typo"
    if d == 2 and short >= 7:
        return 0.7, "typo"
    return 0.0, ""


def chinese_like(t: Tok) -> bool:
    """A part that reads as a Chinese syllable (or is a Chinese character)."""
    return bool(t.cjk or t.pin or t.wg)


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


def invert_sims(
    sims: list[dict[int, tuple[float, str]]],
) -> dict[int, list[tuple[float, int, str]]]:
    """Listed part -> the query parts it may stand for: (score, query index, code)."""
    out: dict[int, list[tuple[float, int, str]]] = {}
    for i, row in enumerate(sims):
        for t, (s, code) in row.items():
            out.setdefault(t, []).append((s, i, code))
    return out


def align(
    sims: list[dict[int, tuple[float, str]]],
    tids: list[int],
    qa: list[str],
    ea: list[str],
    chinese_ok: bool = True,
    groups: list[int] | None = None,
    by_tid: Mapping[int, list[tuple[float, int, str]]] | None = None,
) -> tuple[list[Pair], list[int], list[int]]:
    """Best one-to-one matching of query parts to listed parts (order-free).

    Returns matched pairs plus unmatched query and entry indexes; joined/split parts
    (xiaoming vs xiao ming) are matched against adjacent concatenations. `by_tid` is
    `sims` inverted (`invert_sims`): a query matched against many names passes it.
    """
    if by_tid is None:
        by_tid = invert_sims(sims)
    cands: list[tuple[float, int, int, str]] = []
    for j, t in enumerate(tids):
        for s, i, code in by_tid.get(t, ()):
            if chinese_ok or code not in CHINESE_CODES:
                cands.append((s, i, j, code))
    cands.sort(reverse=True)
    used_q: set[int] = set()
    used_e: set[int] = set()
    pairs: list[Pair] = []
    for s, i, j, code in cands:
        if i not in used_q and j not in used_e:
            used_q.add(i)
            used_e.add(j)
            pairs.append((i, j, s, code))
    weak = [p for p in pairs if p[2] < WEAK]
    if weak or _may_merge(len(qa) - len(used_q), len(ea) - len(used_e), qa, used_q):
        pairs = _merge(pairs, weak, used_q, used_e, qa, ea)
    if groups is not None:
        pairs = order_penalty(pairs, groups)
    free_q = [i for i in range(len(qa)) if i not in used_q]
    free_e = [j for j in range(len(ea)) if j not in used_e]
    return pairs, free_q, free_e


def _may_merge(free_q: int, free_e: int, qa: list[str], used_q: set[int]) -> bool:
    """Can `_merge` pair anything up? A joined part needs two free parts on the other
    side, an initial one free listed part. Most candidates fail this cheap test."""
    if not free_e:
        return False
    if free_q >= 2 or (free_q and free_e >= 2):
        return True
    return any(len(q) == 1 for i, q in enumerate(qa) if i not in used_q)


def order_penalty(pairs: list[Pair], groups: list[int], side: int = 1) -> list[Pair]:
    """Syllables of one given name keep their order (Xueting is not Tingxue).

    `groups` are the listed name's (side 1) or the query's (side 0): each pair's
    part on that side gives its group, and within a group the other side's parts
    must come in the same order."""
    if len(pairs) < 2:
        return pairs
    # (this side's part, the other side's part) of each pair
    ends = sorted((p[1], p[0]) if side else (p[0], p[1]) for p in pairs)
    # groups are runs of part indexes, so sorted by index a group's pairs are neighbours
    bad: set[int] = set()
    for (a, a_other), (b, b_other) in pairwise(ends):
        if groups[a] == groups[b] and a_other > b_other:
            bad.add(groups[a])
    if not bad:
        return pairs
    return [
        (i, j, s * 0.5, c) if groups[j if side else i] in bad else (i, j, s, c)
        for i, j, s, c in pairs
    ]


def _merge(
    pairs: list[Pair],
    weak: list[Pair],
    used_q: set[int],
    used_e: set[int],
    qa: list[str],
    ea: list[str],
) -> list[Pair]:
    """Try joined/split parts for unmatched and weakly matched parts."""
    for p in weak:  # a weak pair may give way to a better joined match
        used_q.discard(p[0])
        used_e.discard(p[1])
    out = [p for p in pairs if p[2] >= WEAK]
    for i, q in enumerate(qa):
        if i in used_q or len(q) == 1:
            continue
        for j in range(len(ea) - 1):
            if j in used_e or j + 1 in used_e or abs(len(q) - len(ea[j]) - len(ea[j + 1])) > 2:
                continue
            s = _joined(q, ea[j] + ea[j + 1])
            if s:
                used_q.add(i)
                used_e.update((j, j + 1))
                out += [(i, j, s, "joined"), (i, j + 1, s, "joined")]
                break
    for j, e in enumerate(ea):
        if j in used_e:
            continue
        for i in range(len(qa) - 1):
            if i in used_q or i + 1 in used_q or abs(len(e) - len(qa[i]) - len(qa[i + 1])) > 2:
                continue
            s = _joined(e, qa[i] + qa[i + 1])
            if s:
                used_e.add(j)
                used_q.update((i, i + 1))
                out.append((i, j, s, "joined"))
                break
    for p in weak:  # weak pairs not displaced come back
        if p[0] not in used_q and p[1] not in used_e:
            used_q.add(p[0])
            used_e.add(p[1])
            out.append(p)
    for i, q in enumerate(qa):  # initials last
        if i in used_q or len(q) != 1:
            continue
        for j, e in enumerate(ea):
            if j not in used_e and e[0] == q:
                used_q.add(i)
                used_e.add(j)
                out.append((i, j, PART_SCORES["initial"], "initial"))
                break
    return out


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
) -> tuple[float, float]:
    """IDF-weighted coverage (matched over matched plus unmatched weight) and the
    information matched (sum of matched IDF, scaled by part scores)."""
    num = den = 0.0
    for _i, j, s, _code in pairs:
        num += s * ew[j]
        den += ew[j]
    for j in free_e:
        den += MIDDLE_DISCOUNT * min(ew[j], MIDDLE_CAP) if e_middle[j] else ew[j]
    for i in free_q:
        den += MIDDLE_DISCOUNT * min(qw[i], MIDDLE_CAP) if q_middle[i] else QUERY_EXTRA * qw[i]
    return (num / den if den > 0 else 0.0), num


def middles(groups: list[int], chinese: bool = False) -> list[bool]:
    """Middle-name flags: parts of single-part groups that are neither first nor last.

    Chinese names have no middle names: every syllable counts in full.
    """
    if not groups or chinese:
        return [False] * len(groups)
    last = groups[-1]
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    return [0 < g < last and sizes[g] == 1 for g in groups]
