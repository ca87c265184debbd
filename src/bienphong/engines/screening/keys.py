"""Name-part analysis (`Tok`) and the lookup keys of the inverted index."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

from . import chinese
from .normalise import fold, raw_tokens, split_folded

EMPTY: frozenset[str] = frozenset()

# Korean surnames whose romanisations share no consonant skeleton (no library covers
# romanisation variants of Latin text; this short list is the exception).
_KOREAN_SURNAMES = (
    ("lee", "yi", "rhee", "i", "ri", "rhie", "lie"),
    ("noh", "roh", "no", "ro"),
    ("yoo", "yu", "ryu", "rhyu", "you"),
    ("lim", "im", "rim", "yim"),
    ("oh", "o"),
    ("woo", "wu", "u"),
    ("park", "pak", "bak", "bahk"),
    ("kim", "gim"),
    ("choi", "choe", "chwe"),
    ("jung", "jeong", "chung", "joung"),
    ("kang", "gang"),
    ("cho", "jo"),
    ("yoon", "yun", "youn"),
    ("jang", "chang"),
    ("shin", "sin", "shinn"),
    ("kwon", "gwon"),
    ("seo", "suh", "so"),
    ("jeon", "chun", "chon"),
    ("moon", "mun"),
    ("son", "sohn"),
    ("bae", "pae"),
    ("baek", "paik", "paek", "back"),
    ("heo", "hur", "huh"),
    ("ahn", "an"),
)
_KOREAN = {v: "k" + grp[0] for grp in _KOREAN_SURNAMES for v in grp}

_DIGRAPHS = (
    ("tch", "J"),
    ("dzh", "J"),
    ("sch", "S"),
    ("ch", "J"),
    ("zh", "J"),
    ("dj", "J"),
    ("sh", "S"),
    ("ts", "S"),
    ("tz", "S"),
    ("ph", "F"),
    ("kh", "K"),
    ("gh", "K"),
    ("th", "T"),
    ("dh", "T"),
    ("ck", "K"),
    ("x", "KS"),
)
_CLASS = str.maketrans("bpfvdtgkqjszlrmnh", "PPFFTTKKKJSSLLMNH")
_VOWELS = frozenset("aeiouyw")
_DROP_H = re.compile(r"(?<=[aeiouy])h(?=[aeiouy])|(?<=[a-z])h$")
_DROP_R = re.compile(r"(?<=[aeiouy])r(?=[^aeiouy]|$)")
_SOFT_C = re.compile(r"c(?=[eiy])")


@lru_cache(maxsize=200_000)
def phonetic(a: str) -> str:
    """Coarse consonant skeleton shared by transliteration variants.

    Aleksandr/Alexander -> ALKSNTL, Mohammed/Muhammad -> MMT, Park/Pak/Bak -> PK.
    """
    if a in _KOREAN:
        return _KOREAN[a]
    s = _DROP_H.sub("", a)
    if len(s) > 3:
        s = _DROP_R.sub("", s).removesuffix("r")
    for src, dst in _DIGRAPHS:
        s = s.replace(src, dst)
    s = _SOFT_C.sub("S", s).replace("c", "K").translate(_CLASS)
    out = ["A"] if s and s[0] in _VOWELS else []
    prev = ""
    for ch in s:
        if ch in _VOWELS:
            prev = ""
            continue
        if ch != prev:
            out.append(ch)
        prev = ch
    return "".join(out)


class Tok:
    """What we know about one name part; shared by every entry that uses it."""

    __slots__ = ("a", "alt", "cjk", "hv", "ph", "pin", "raw", "wg", "yue")

    def __init__(self, raw: str, is_cjk: bool) -> None:
        self.raw = raw  # display form of the first occurrence
        self.cjk = is_cjk
        if is_cjk:
            readings = chinese.char_pinyin(raw)
            self.a = min(readings) if readings else raw
            main = chinese.char_pinyin_main(raw)
            self.a = next(iter(main)) if main else self.a
            self.pin = main or EMPTY  # main reading; other readings count less
            self.alt = readings - main
            self.wg = self.yue = EMPTY
            hv = chinese.char_hanviet(raw)
            self.hv = chinese.hanviet_table().get(fold(hv), EMPTY) if hv else EMPTY
        else:
            self.a = raw
            self.alt = EMPTY
            self.pin = frozenset((raw,)) if raw in chinese.pinyin_syllables() else EMPTY
            self.wg = chinese.wade_giles_table().get(raw, EMPTY)
            self.yue = chinese.cantonese_table().get(raw, EMPTY)
            self.hv = chinese.hanviet_table().get(raw, EMPTY)
        self.ph = phonetic(self.a) if not is_cjk else ""

    def chinese_keys(self) -> frozenset[str]:
        return self.pin | self.wg | self.yue | self.hv


@lru_cache(maxsize=300_000)
def tok(key: str, is_cjk: bool) -> Tok:
    """Cached `Tok` for a folded token (or one Chinese character)."""
    return Tok(key, is_cjk)


def analyse(
    name: str, keep: Callable[[str], bool] | None = None
) -> tuple[list[str], list[int], list[str]]:
    """Split a name into token keys, the raw group each came from, and raw groups.

    Token keys are folded ASCII name parts (joined pinyin split into syllables) or
    single Chinese characters; in a run of characters the first is the family name
    and the rest one given-name group. Returns (keys, group_of_key, raw_groups).
    `keep(part)` True keeps a part whole that would read as joined pinyin (a query's
    Mariya when the list has Mariia: one Russian name, not ma-ri-ya).
    """
    keys: list[str] = []
    groups: list[int] = []
    raws: list[str] = []
    run: list[str] = []

    def flush_run() -> None:
        if run:
            raws.append(run[0])
            keys.append(run[0])
            groups.append(len(raws) - 1)
            if len(run) > 1:
                raws.append("".join(run[1:]))
                keys.extend(run[1:])
                groups.extend([len(raws) - 1] * (len(run) - 1))
            run.clear()

    tokens = raw_tokens(name)
    folded = [split_folded(fold(raw)) if not is_cjk else [] for raw, is_cjk in tokens]
    # Fatima Mahmoud Aziz: a part that reads as no Chinese syllable says the name is
    # not Chinese, so no part of it is split as joined pinyin (fa-ti-ma)
    pinyin = not any(chinese.foreign(p) for parts in folded for p in parts)
    for (raw, is_cjk), parts in zip(tokens, folded, strict=True):
        if is_cjk:
            run.append(raw)
            continue
        flush_run()
        if parts:  # a hyphenated name (Ra-sung, Hsueh-chuan) is one group, order kept
            raws.append(raw)
        for part in parts:
            whole = not pinyin or (keep is not None and keep(part))
            for syl in (part,) if whole else chinese.segment(part):
                keys.append(syl)
                groups.append(len(raws) - 1)
    flush_run()
    return keys, groups, raws


def deletions(s: str) -> list[str]:
    """The word and every single-deletion variant (symmetric deletion for typos)."""
    if len(s) < 3:
        return [s]
    return [s, *{s[:i] + s[i + 1 :] for i in range(len(s))}]


def h64(s: str) -> int:
    """Stable signed 64-bit hash of a key string (same in every process)."""
    return int.from_bytes(
        hashlib.blake2b(s.encode(), digest_size=8).digest(), "little", signed=True
    )


@lru_cache(maxsize=300_000)
def token_keys(key: str, is_cjk: bool) -> tuple[int, ...]:
    """Hashed index keys of one token: exact, phonetic, Chinese readings, deletions."""
    t = tok(key, is_cjk)
    out = {"e:" + t.a}
    if len(t.ph) >= 2 or t.ph.startswith("k"):
        out.add("p:" + t.ph)
    out |= {"c:" + c for c in t.chinese_keys()}
    if t.cjk:
        out |= {"c:" + c for c in t.pin}
    else:
        out |= {"d:" + d for d in deletions(t.a)}
    return tuple(h64(k) for k in sorted(out))


@lru_cache(maxsize=300_000)
def joined_keys(joined: str) -> tuple[int, ...]:
    """Keys for a joined group (xiaoming) so typos in joined pinyin still find it."""
    return tuple(h64("d:" + d) for d in deletions(joined))


def year_key(key: str, year: int) -> int:
    """Token exact form combined with a birth year (0 = unknown)."""
    return h64(f"y:{key}:{year}")
