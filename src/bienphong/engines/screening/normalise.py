"""Text normalisation: diacritic folding, MRZ names, script detection, tokenising."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Letters that NFKD does not decompose, plus OCR digit confusions inside names.
_FOLD_TABLE = str.maketrans(
    {
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ɖ": "d",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "0": "o",
        "1": "i",
        "5": "s",
        "8": "b",
        "6": "g",
        "2": "z",
        "ü": "u",
        "Ü": "u",
    }
)
_APOSTROPHES = re.compile(r"['’‘`ʼʻ´]")
_SPLIT = re.compile(r"[^a-z]+")
_HYPHENS = frozenset("-‐‑–")
_VIET_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ")


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (incl. extension A and compatibility)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def has_marks(s: str) -> bool:
    """True if the string carries diacritics or letters like đ that fold away."""
    return any(
        ch in _VIET_ONLY or unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", s)
    )


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """Lower-case ASCII form of one raw token: diacritics, đ/Ð, apostrophes removed."""
    s = unicodedata.normalize("NFKD", token.translate(_FOLD_TABLE))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOSTROPHES.sub("", s).lower().translate(_FOLD_TABLE)
    if not s.isascii():
        s = _APOSTROPHES.sub("", anyascii(s).lower().translate(_FOLD_TABLE))
    return s


def mrz_to_text(name: str) -> str:
    """`NGUYEN<<VAN<AN` -> `NGUYEN VAN AN` (family name first, as in the MRZ)."""
    return " ".join(part.replace("<", " ").strip() for part in name.split("<<")).strip()


def raw_tokens(name: str) -> list[tuple[str, bool]]:
    """Split a name into raw tokens; returns (token, is_cjk_char) pairs.

    Chinese characters become one token each; '<', ',', '.' and spaces split;
    apostrophes are kept inside a token (Wade-Giles ch'en, O'Brien), and so are
    hyphens: the parts of a hyphenated name (Ra-sung) stay one name group.
    """
    name = unicodedata.normalize("NFC", name)
    if "<" in name:
        name = mrz_to_text(name)
    out: list[tuple[str, bool]] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(("".join(buf).rstrip("-"), False))
            buf.clear()

    for ch in name:
        if is_cjk(ch):
            flush()
            out.append((ch, True))
        elif ch.isalnum() or unicodedata.combining(ch) or _APOSTROPHES.match(ch):
            buf.append(ch)
        elif ch in _HYPHENS and buf:  # Ra-sung, Jean-Pierre: one name in two parts
            buf.append("-")
        else:
            flush()
    flush()
    return out


def split_folded(s: str) -> list[str]:
    """Folded text may still hold separators (from anyascii); split on them."""
    return [p for p in _SPLIT.split(s) if p]
