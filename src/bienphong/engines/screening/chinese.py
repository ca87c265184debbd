"""Chinese readings: pinyin, Wade-Giles, Cantonese and Sino-Vietnamese (Hán-Việt).

Data comes from maintained packages: pypinyin (pinyin and Wade-Giles), pycantonese
(Jyutping, turned into Hong Kong style romanisation by rule) and cn2vn (Hán-Việt
readings). Tables are built lazily, once per process, over the common characters
(GB2312 level 1 and Big5 level 1).
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache, lru_cache
from importlib import resources

import pypinyin

from .normalise import fold

Table = dict[str, frozenset[str]]


def _decode_range(codec: str, firsts: range, seconds: list[int]) -> list[str]:
    out = []
    for b1 in firsts:
        for b2 in seconds:
            try:
                out.append(bytes([b1, b2]).decode(codec))
            except UnicodeDecodeError:
                continue
    return out


@cache
def common_simplified() -> tuple[str, ...]:
    """GB2312 level-1 characters (the 3,755 most common simplified characters)."""
    return tuple(_decode_range("gb2312", range(0xB0, 0xD8), list(range(0xA1, 0xFF))))


@cache
def common_traditional() -> tuple[str, ...]:
    """Big5 level-1 characters (the ~5,400 most common traditional characters)."""
    seconds = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    return tuple(_decode_range("big5", range(0xA4, 0xC7), seconds))


def _py_fold(s: str) -> str:
    return fold(s).replace("v", "u")


@lru_cache(maxsize=50_000)
def char_pinyin(ch: str) -> frozenset[str]:
    """All pinyin readings of one character, tone-less ASCII (lü -> lu)."""
    readings = pypinyin.pinyin(ch, style=pypinyin.Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(_py_fold(r) for group in readings for r in group if r)


@cache
def _hanviet_dict() -> dict[str, str]:
    path = resources.files("cn2vn").joinpath("dictionary.json")
    data: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return data


def char_hanviet(ch: str) -> str | None:
    """Sino-Vietnamese reading of a character (with diacritics), if known."""
    return _hanviet_dict().get(ch)


@cache
def pinyin_syllables() -> frozenset[str]:
    """Every tone-less pinyin syllable (plus passport spellings lyu/nyu)."""
    out: set[str] = set()
    for ch in common_simplified() + common_traditional():
        out |= char_pinyin(ch)
    out |= {"lyu", "nyu", "lue", "nue"}
    return frozenset(s for s in out if s.isalpha())


def _invert(pairs: dict[str, set[str]]) -> Table:
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def wade_giles_table() -> Table:
    """Wade-Giles syllable (folded: ch'ang -> chang, hsü -> hsu) -> pinyin syllables."""
    acc: dict[str, set[str]] = defaultdict(set)
    for ch in common_simplified():
        wg = pypinyin.lazy_pinyin(ch, style=pypinyin.Style.WADEGILES, errors="ignore")
        py = pypinyin.lazy_pinyin(ch, style=pypinyin.Style.NORMAL, errors="ignore")
        if wg and py:
            acc[_py_fold(wg[0])].add(_py_fold(py[0]))
    return _invert(acc)


# Jyutping -> Hong Kong government style romanisation (with common alternatives).
_JP_INITIALS = {
    "b": ["p"],
    "p": ["p"],
    "d": ["t"],
    "t": ["t"],
    "g": ["k"],
    "k": ["k"],
    "gw": ["kw"],
    "kw": ["kw"],
    "z": ["ch", "ts"],
    "c": ["ch", "ts"],
    "j": ["y"],
    "s": ["s", "sh"],
}
_JP_FINALS = {
    "aa": ["a"],
    "aai": ["ai"],
    "aau": ["au"],
    "aam": ["am"],
    "aan": ["an"],
    "aang": ["ang"],
    "aap": ["ap"],
    "aat": ["at"],
    "aak": ["ak"],
    "au": ["au", "ow"],
    "ei": ["ei", "ee"],
    "i": ["i", "ee"],
    "ou": ["o"],
    "u": ["u", "oo"],
    "oeng": ["eung"],
    "oek": ["euk"],
    "eoi": ["ui", "eui"],
    "eon": ["un"],
    "eot": ["ut"],
    "yu": ["u", "ue", "yu"],
    "yun": ["un", "uen", "yun"],
    "yut": ["ut", "uet"],
}
_INITIAL_ORDER: tuple[str, ...] = (
    *("gw", "kw", "ng", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "w"),
    *("z", "c", "s", "j"),
)


def jyutping_to_hk(syllable: str) -> list[str]:
    """One Jyutping syllable (tone digit allowed) -> Hong Kong style spellings."""
    s = syllable.rstrip("0123456789")
    if s in ("m", "ng"):
        return [s]
    initial = next((i for i in _INITIAL_ORDER if s.startswith(i) and len(s) > len(i)), "")
    final = s[len(initial) :]
    inits = _JP_INITIALS.get(initial, [initial])
    finals = _JP_FINALS.get(final, [final])
    out = []
    for i in inits:
        for f in finals:
            if initial == "j" and f.startswith(("y", "i")):
                out.append(f if f.startswith("y") else "y" + f)
            elif i in ("ch", "ts") and final == "i":
                out += [i + "i", "tsz", "chi"]
            elif i == "s" and final == "i":
                out += ["si", "sze", "shi"]
            else:
                out.append(i + f)
    return sorted(set(out))


def char_pinyin_main(ch: str) -> frozenset[str]:
    """The main pinyin reading of one character."""
    py = pypinyin.lazy_pinyin(ch, style=pypinyin.Style.NORMAL, errors="ignore")
    return frozenset(_py_fold(p) for p in py[:1])


@cache
def cantonese_table() -> Table:
    """Hong Kong style Cantonese syllable -> pinyin syllables of the same characters."""
    import pycantonese  # slow import; only when the table is first needed

    acc: dict[str, set[str]] = defaultdict(set)
    for ch in common_traditional():
        jp = pycantonese.characters_to_jyutping(ch)
        if not jp or jp[0][1] is None:
            continue
        py = char_pinyin_main(ch)
        for syl in jp[0][1].split():
            for hk in jyutping_to_hk(syl):
                acc[hk] |= py
    return _invert(acc)


@cache
def hanviet_table() -> Table:
    """Folded Hán-Việt syllable (vuong) -> pinyin syllables of common characters."""
    acc: dict[str, set[str]] = defaultdict(set)
    for ch in common_simplified():
        hv = char_hanviet(ch)
        if hv:
            acc[fold(hv)] |= char_pinyin_main(ch)
    return _invert(acc)


@cache
def _romanised_inventory() -> frozenset[str]:
    inv = pinyin_syllables()  # Wade-Giles would split Russian names (ni-ko-lai)
    return frozenset(s for s in inv if len(s) >= 2 and any(v in s for v in "aeiouy"))


@lru_cache(maxsize=100_000)
def segment(token: str) -> tuple[str, ...]:
    """Split joined pinyin / Wade-Giles (xiaoming -> xiao, ming); else (token,).

    Prefers the split with fewest syllables; only splits tokens of 4+ letters.
    """
    if (
        len(token) < 4
        or token in _romanised_inventory()
        or token in hanviet_table()
        or token in cantonese_table()
        or token in wade_giles_table()
    ):
        return (token,)  # Vietnamese syllables (quang) are never split
    inv = _romanised_inventory()
    n = len(token)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        cur = best[i]
        if cur is None:
            continue
        for j in range(i + 1, min(n, i + 6) + 1):
            # inside joined pinyin a syllable never starts with a vowel (Xi'an)
            if token[i:j] in inv and (i == 0 or token[i] not in "aeo"):
                cand = (*cur, token[i:j])
                prev = best[j]
                if prev is None or len(cand) < len(prev):
                    best[j] = cand
    result = best[n]
    return result if result is not None and len(result) >= 2 else (token,)


@cache
def _old_inventory() -> frozenset[str]:
    return frozenset(
        s for s in (*wade_giles_table(), *cantonese_table()) if any(v in s for v in "aeiouy")
    )


@lru_cache(maxsize=100_000)
def joined_old_romanisation(token: str) -> bool:
    """Does the token read as Wade-Giles / Cantonese syllables run together
    (hsuehchuan, waiming)? Such a part is a name as written, not a typo."""
    inv = _old_inventory()
    n = len(token)
    ok = [False] * (n + 1)
    ok[0] = True
    for i in range(n):
        if ok[i]:
            for j in range(i + 1, min(n, i + 6) + 1):
                if token[i:j] in inv:
                    ok[j] = True
    return ok[n]


@lru_cache(maxsize=100_000)
def foreign(part: str) -> bool:
    """A name part of 4+ letters that is no Chinese (or Sino-Vietnamese) syllable and
    no run of them: Mahmoud, Novikova, Esposito."""
    return (
        len(part) >= 4
        and part.isascii()
        and len(segment(part)) == 1
        and part not in pinyin_syllables()
        and part not in hanviet_table()
        and not joined_old_romanisation(part)
    )


def warm() -> None:
    """Build every table now (e.g. before a benchmark or a server starts)."""
    pinyin_syllables()
    wade_giles_table()
    cantonese_table()
    hanviet_table()
