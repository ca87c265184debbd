"""Declaration reference codes: 8 characters from an alphabet without 0/O/1/I, the last a
check character (Luhn mod 32), so a mistyped or swapped character is caught."""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 8
_INDEX = {c: i for i, c in enumerate(ALPHABET)}
_SEPARATORS = re.compile(r"[\s\-_.·]+")


def _check_char(body: str) -> str:
    n = len(ALPHABET)
    total = 0
    factor = 2
    for char in reversed(body):
        addend = factor * _INDEX[char]
        factor = 1 if factor == 2 else 2
        total += addend // n + addend % n
    return ALPHABET[(n - total % n) % n]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH - 1))
    return body + _check_char(body)


def normalise(text: str) -> str:
    """Upper case, spaces and dashes removed (``abcd-efg2`` -> ``ABCDEFG2``)."""
    return _SEPARATORS.sub("", (text or "").strip()).upper()


def is_valid(code: str) -> bool:
    return (
        len(code) == LENGTH
        and all(c in _INDEX for c in code)
        and _check_char(code[:-1]) == code[-1]
    )


def display(code: str) -> str:
    """``ABCD-EFG2``: two groups of four for reading aloud and typing."""
    return f"{code[:4]}-{code[4:]}" if len(code) == LENGTH else code
