"""Keys of the inverted index: name parts, pairs of parts by birth-year bucket, and
the rough vectorised date agreement used to rank candidates before full scoring."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

I32 = npt.NDArray[np.int32]

ANY_YEAR = 4095
_T = 1 << 60
_P = 2 << 60
_MASK24 = (1 << 24) - 1


def tid_key(tid: int) -> int:
    return _T | tid


def pair_key(a: int, b: int, code: int) -> int:
    lo, hi = (a, b) if a < b else (b, a)
    return _P | (lo << 36) | (hi << 12) | code


def year_codes(year: int) -> tuple[int, ...]:
    """Bucket codes of a birth year: its decade and its year-without-tens-digit.

    A one-digit error in the year keeps one of the two, so both are looked up.
    Unknown year -> (0,). Every entry also has the ANY_YEAR bucket.
    """
    if not 1800 <= year <= 2199:
        return (0,)
    return (1000 + year // 10 - 180, 2000 + (year // 100 - 18) * 10 + year % 10)


def date_bonus(dobs: I32, query: int) -> npt.NDArray[np.float64]:
    """Vectorised rough date agreement, used to rank candidates before full scoring."""
    if not query:
        return np.zeros(len(dobs), dtype=np.float64)
    d = dobs.astype(np.int64)
    q = np.int64(query)
    partial = (d % 100 == 0) | (d % 10000 == 101)
    same_year = d // 10000 == q // 10000
    diff = np.zeros(len(d), dtype=np.int64)
    ydiff = np.zeros(len(d), dtype=np.int64)
    for k in range(8):
        p = np.int64(10**k)
        neq = ((d // p) % 10 != (q // p) % 10).astype(np.int64)
        diff += neq
        if k >= 4:
            ydiff += neq
    swap = (d // 10000 == q // 10000) & (d // 100 % 100 == q % 100) & (d % 100 == q // 100 % 100)
    good = (d == q) | (diff == 1) | swap | (partial & ((ydiff <= 1) | same_year))
    # Secondary to the name: breaks ties among same-name candidates.
    out: npt.NDArray[np.float64] = (
        5.0 * good.astype(np.float64) + 3.0 * (d == 0) + 1.0 * same_year.astype(np.float64)
    )
    return out
