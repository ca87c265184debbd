"""Text forms shared by the apps: diacritics folded, names compared order-free."""

from __future__ import annotations

import unicodedata


def strip_diacritics(text: str) -> str:
    """Vietnamese and other Latin diacritics removed; Đ/đ/Ð become D/d."""
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def name_key(name: str) -> str:
    """Identity comparison form of a name: upper case, no diacritics, MRZ fillers and
    punctuation as spaces, parts sorted (family name first or last compares equal)."""
    text = strip_diacritics(name.replace("<", " ")).upper()
    return " ".join(sorted("".join(ch if ch.isalnum() else " " for ch in text).split()))
