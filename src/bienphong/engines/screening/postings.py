"""Keys of the inverted index: name parts, pairs of parts by birth-year bucket, and
the rough vectorised date agreement used to rank candidates before full scoring."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]

ANY_YEAR = 4095
_T = 1 << 60
_P = 2 << 60
_MASK24 = (1 << 24) - 1


def tid_key(tid: int) -> int:
    return _T | tid


def pair_key(a: int, b: int, code: int) -> int:
    lo, hi = (a, b) if a < b else (b, a)
    return _P | (lo << 36) | (hi << 12) | code


def pair_keys(a: I64, b: I64, codes: I64) -> I64:
    """`pair_key` for arrays of part pairs, each in every bucket of `codes`
    (pair-major: all buckets of the first pair, then of the second, ...)."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return ((_P | (lo << 36) | (hi << 12))[:, None] | codes[None, :]).ravel()


def year_codes(year: int) -> tuple[int, ...]:
    """Bucket codes of a birth year: its decade and its year-without-tens-digit.

    A one-digit error in the year keeps one of the two, so both are looked up.
    Unknown year -> (0,). Every entry also has the ANY_YEAR bucket.
    """
    if not 1800 <= year <= 2199:
        return (0,)
    return (1000 + year // 10 - 180, 2000 + (year // 100 - 18) * 10 + year % 10)


def date_digits(packed: int) -> bytes:
    """A packed date as its 8 ASCII digits (YYYYMMDD), as `date_bonus` compares them."""
    return b"%08d" % packed


def date_bonus(dobs: I32, digits: U64, query: int) -> npt.NDArray[np.float64]:
    """Vectorised rough date agreement, used to rank candidates before full scoring.

    `digits` are the candidates' `date_digits` (8 bytes read as one uint64, kept per
    entry by the index): digit arithmetic on the fly cost more than all the rest."""
    if not query:
        return np.zeros(len(dobs), dtype=np.float64)
    d = dobs
    x = digits ^ np.frombuffer(date_digits(query), dtype=np.uint64)[0]
    x |= x >> np.uint64(4)  # fold each byte's difference into its lowest bit
    x |= x >> np.uint64(2)
    x |= x >> np.uint64(1)
    x &= np.uint64(0x0101010101010101)
    diff = np.bitwise_count(x)
    ydiff = np.bitwise_count(x & np.uint64(0x01010101))  # YYYY: the first 4 bytes
    q = int(query)
    md = d % 10000
    partial = ((d % 100 == 0) | (md == 101)) & (d != 0)  # 0 = no date: not year 0
    same_year = d // 10000 == q // 10000
    swap = same_year & (md == (q % 100) * 100 + q // 100 % 100)
    good = (d == q) | (diff == 1) | swap | (partial & ((ydiff <= 1) | same_year))
    # Secondary to the name: breaks ties among same-name candidates.
    # An exact full date says more than a list date that only does not contradict.
    out: npt.NDArray[np.float64] = (
        5.0 * good.astype(np.float64)
        + 3.0 * (d == 0)
        + 1.0 * same_year.astype(np.float64)
        + 1.0 * (d == q)
    )
    return out
