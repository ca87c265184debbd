"""ICAO 9303 check digits: weights 7-3-1, '<' = 0, digits 0-9, A-Z = 10..35."""

from __future__ import annotations


def _table(weight: int) -> bytes:
    values = bytearray(256)
    for i in range(10):
        values[ord("0") + i] = (i * weight) % 256
    for i in range(26):
        values[ord("A") + i] = ((10 + i) * weight) % 256
    return bytes(values)


# Byte translation tables: one per weight, so sums run in C.
_T7 = _table(7)
_T3 = _table(3)
_T1 = _table(1)

DIGITS = "0123456789"


def check_value(data: str) -> int:
    """Return the check digit (0..9) of `data`; unknown characters count as 0."""
    raw = data.encode("latin-1", "replace")
    return (
        sum(raw[0::3].translate(_T7))
        + sum(raw[1::3].translate(_T3))
        + sum(raw[2::3].translate(_T1))
    ) % 10


def check_char(data: str) -> str:
    """Return the check digit of `data` as a one-character string."""
    return DIGITS[check_value(data)]
