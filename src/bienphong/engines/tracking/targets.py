"""Numeric targets: is the target met, and how far from the baseline toward it."""

from __future__ import annotations

from enum import StrEnum


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


def is_met(*, direction: Direction, target: float, current: float) -> bool:
    if direction is Direction.AT_LEAST:
        return current >= target
    return current <= target


def attainment(*, direction: Direction, baseline: float, target: float, current: float) -> float:
    """Share (0..100) of the way from ``baseline`` to ``target`` covered by ``current``.

    A met target is 100; a target equal to its baseline is 100 when met, else 0.
    """
    if is_met(direction=direction, target=target, current=current):
        return 100.0
    span = target - baseline
    if span == 0:
        return 0.0
    share = (current - baseline) / span * 100.0
    return min(100.0, max(0.0, share))
