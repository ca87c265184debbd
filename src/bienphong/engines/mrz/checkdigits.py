"""ICAO 9303 check digits: weights 7-3-1, '<' = 0, digits 0-9, A-Z = 10..35."""

from __future__ import annotations


def _values() -> bytes:
    values = bytearray(256)
    for i in range(10):
        values[ord("0") + i] = i
    for i in range(26):
        values[ord("A") + i] = 10 + i
    return bytes(values)


# Byte translation table character -> value, so the sums run in C.
VALUES = _values()

DIGITS = "0123456789"


def check_value(data: str) -> int:
    """Return the check digit (0..9) of `data`; unknown characters count as 0."""
    raw = data.encode("latin-1", "replace").translate(VALUES)
    return (7 * sum(raw[0::3]) + 3 * sum(raw[1::3]) + sum(raw[2::3])) % 10


def check_char(data: str) -> str:
    """Return the check digit of `data` as a one-character string."""
    raw = data.encode("latin-1", "replace").translate(VALUES)
    return DIGITS[(7 * sum(raw[0::3]) + 3 * sum(raw[1::3]) + sum(raw[2::3])) % 10]
