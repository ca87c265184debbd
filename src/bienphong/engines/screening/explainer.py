"""Turn a scored match back into a readable explanation."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from .dates import DATE_FACTORS, format_date
from .explain import Explanation, PartMatch
from .keys import analyse
from .match import QueryCtx, match_name
from .normalise import has_marks
from .scoring import decode

if TYPE_CHECKING:
    from .index import ScreeningIndex


def _same_text(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).casefold() == unicodedata.normalize("NFC", b).casefold()


def _display(keys: list[str], groups: list[int], raws: list[str]) -> list[str]:
    """Raw text of each part; a syllable of a joined part shows as `Xiaoming[ming]`."""
    out = []
    for k, g in zip(keys, groups, strict=True):
        multi = groups.count(g) > 1
        out.append(f"{raws[g]}[{k}]" if multi else raws[g])
    return out


def explain(
    index: ScreeningIndex,
    slot: int,
    name_no: int,
    q: QueryCtx,
    qraws: list[str],
    nscore: float,
    dcode: str,
    qdate: int,
    qnat: str,
) -> Explanation:
    """Explain why listed name `name_no` of the entry in `slot` matched the query."""
    vocab = index.vocab
    tids, groups = decode(index.names[slot][name_no])
    raw_names = index.raw[slot].split("\x1f")
    # Stored names skip duplicates, so find the raw name that gives these tokens.
    want = [vocab.keys[t] for t in tids]
    listed_name, eraws = raw_names[0], want
    for rn in raw_names:
        keys, rgroups, raws = analyse(rn)
        if keys == want:
            listed_name = rn
            eraws = _display(keys, rgroups, raws)
            break
    qdisp = _display(q.keys, q.groups, qraws)
    _s, _info, pairs, free_q, free_e = match_name(q, tids, groups, vocab, max(index.n_live, 1))
    parts: list[PartMatch] = []
    seen: set[tuple[str, str]] = set()
    for i, j, s, code in sorted(pairs, key=lambda p: p[1]):
        qd, ed = qdisp[i], eraws[j]
        if code == "exact" and not _same_text(qd, ed) and (has_marks(qd) or has_marks(ed)):
            code = "diacritics"
        if (qd, ed) in seen:
            continue
        seen.add((qd, ed))
        parts.append(PartMatch(query=qd, listed=ed, code=code, score=round(s, 3)))
    enat = index.nat[slot]
    nat = "missing" if not qnat or not enat else ("same" if qnat == enat else "different")
    return Explanation(
        matched_name=listed_name,
        parts=tuple(parts),
        unmatched_query=tuple(dict.fromkeys(qdisp[i] for i in free_q)),
        unmatched_listed=tuple(dict.fromkeys(eraws[j] for j in free_e)),
        name_score=round(nscore, 4),
        date_code=dcode,
        listed_dob=format_date(index.dob[slot]),
        query_dob=format_date(qdate),
        date_factor=DATE_FACTORS[dcode],
        nationality_code=nat,
    )
