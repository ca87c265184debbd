"""Reading the postings for one query: the pair keys of its parts, which key groups fit
the read budget, and each listed entry's key score from what was read (used by
`index.ScreeningIndex._candidates`)."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import numpy.typing as npt

from .postings import pair_keys

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
_W_BITS = 22  # a key weight packed with 1/4096 resolution, up to 1024
_W_SCALE = 4096.0
_W_MAX = (1 << _W_BITS) - 1


def query_pair_keys(
    tops: list[list[tuple[int, float]]], codes: tuple[int, ...], first: int, n_parts: int
) -> tuple[I64, npt.NDArray[np.float64], I64, I64, I64]:
    """Pair keys of every two query parts' likeliest readings, in every year bucket:
    (keys, weights, credit classes, priorities, key groups). A pair's year buckets
    form one key group; priority 0 is the pair of both parts as written."""
    code_arr = np.array(codes, dtype=np.int64)
    # an unknown listed year can hit one bucket, a known two
    code_w = np.where(code_arr == 0, 2.0, 1.0)
    out: list[tuple[I64, npt.NDArray[np.float64], I64, I64, I64]] = []
    gid = first
    for npair, (ta, tb) in enumerate(combinations(tops, 2)):
        a = np.array([t for t, _w in ta], dtype=np.int64)
        b = np.array([t for t, _w in tb], dtype=np.int64)
        wa = np.array([w for _t, w in ta])
        wb = np.array([w for _t, w in tb])
        ia = np.repeat(np.arange(len(a)), len(b))
        ib = np.tile(np.arange(len(b)), len(a))
        keep = a[ia] != b[ib]
        ia, ib = ia[keep], ib[keep]
        m = len(ia)
        keys = pair_keys(a[ia], b[ib], code_arr)
        weights = ((wa[ia] + wb[ib])[:, None] * code_w[None, :]).ravel()
        classes = np.tile(n_parts + npair * len(codes) + np.arange(len(codes)), m)
        prio = np.repeat(((ia != 0) | (ib != 0)).astype(np.int64), len(codes))
        groups = np.repeat(gid + np.arange(m, dtype=np.int64), len(codes))
        gid += m
        out.append((keys, weights, classes, prio, groups))
    if not out:
        z = np.zeros(0, dtype=np.int64)
        return z, np.zeros(0), z, z, z
    k, w, c, p, g = zip(*out, strict=True)
    return (
        np.concatenate(k),
        np.concatenate(w),
        np.concatenate(c),
        np.concatenate(p),
        np.concatenate(g),
    )


def take_groups(
    groups: I64, group_dfs: npt.NDArray[np.float64], small: int, budget: int
) -> npt.NDArray[np.bool_]:
    """Which keys (in reading order, a key group's keys together) fit the budget of
    postings: a group is read whole or not at all; groups of at most `small` always."""
    first = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    take: list[bool] = []
    total = 0.0
    for gd in group_dfs[first].tolist():
        ok = gd <= small or total + gd <= budget
        take.append(ok)
        if ok:
            total += gd
    return np.repeat(np.array(take, dtype=bool), np.diff(np.r_[first, len(groups)]))


def credit(
    slots: I32, weights: npt.NDArray[np.float64], classes: I64, n_classes: int
) -> tuple[I32, npt.NDArray[np.float64]]:
    """Each entry's key score: per credit class (one query part, or one pair of query
    parts in one year bucket) the best weight it matched, summed over classes.

    Summing every matching key instead let a name with three parts that each resemble
    a reading of the query's two (Huang Hongying for Wang Ying) outscore the query's
    own name with its exact date.
    """
    # One sort of (entry, class, weight) packed in an int64 puts each entry's classes
    # together with their best weight last: cheaper than unique + maximum.at.
    comb = slots.astype(np.int64) * n_classes + classes
    packed = np.sort((comb << _W_BITS) | np.minimum(weights * _W_SCALE, _W_MAX).astype(np.int64))
    comb = packed >> _W_BITS
    last = np.flatnonzero(np.r_[comb[1:] != comb[:-1], True])
    best = (packed[last] & _W_MAX) / _W_SCALE
    owners = comb[last] // n_classes
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    return owners[starts].astype(np.int32), np.add.reduceat(best, starts)
