"""Emulation scoring, rankings and commendation eligibility hints.

Score of a score sheet::

    total = Σ min(points, max) over POINTS criteria
          + Σ min(points, max) over BONUS criteria
          − Σ min(points, max) over PENALTY criteria,   floored at 0

Ranking is "standard competition" (1, 2, 2, 4): equal totals share a rank.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class CriterionKind(StrEnum):
    POINTS = "points"
    BONUS = "bonus"
    PENALTY = "penalty"


@dataclass(frozen=True)
class ScoreLine:
    kind: CriterionKind
    points: float
    max_points: float


def total_score(lines: Iterable[ScoreLine]) -> float:
    total = 0.0
    for line in lines:
        points = min(max(0.0, line.points), max(0.0, line.max_points))
        total += -points if line.kind is CriterionKind.PENALTY else points
    return max(0.0, round(total, 2))


@dataclass(frozen=True)
class RankedEntry:
    id: Hashable
    score: float
    rank: int


def rank(scores: Sequence[tuple[Hashable, float]]) -> list[RankedEntry]:
    """Order by score (highest first, then input order) with shared ranks for ties."""
    ordered = sorted(enumerate(scores), key=lambda p: (-p[1][1], p[0]))
    ranked: list[RankedEntry] = []
    for position, (_index, (entry_id, score)) in enumerate(ordered, start=1):
        if ranked and ranked[-1].score == score:
            ranked.append(RankedEntry(entry_id, score, ranked[-1].rank))
        else:
            ranked.append(RankedEntry(entry_id, score, position))
    return ranked


@dataclass(frozen=True)
class EligibilityRule:
    """``title`` may be proposed after ``years`` consecutive years of ``requires``."""

    title: str
    requires: str
    years: int


@dataclass(frozen=True)
class EligibilityHint:
    title: str
    requires: str
    years_needed: int
    years_held: int

    @property
    def eligible(self) -> bool:
        return self.years_held >= self.years_needed


def consecutive_years(years: Iterable[int], *, ending: int) -> int:
    """How many consecutive years end at ``ending`` (inclusive) in ``years``."""
    held = set(years)
    count = 0
    while ending - count in held:
        count += 1
    return count


def eligibility_hints(
    history: Iterable[tuple[int, str]], *, year: int, rules: Sequence[EligibilityRule]
) -> list[EligibilityHint]:
    """Hints for ``year`` from the (year, title) pairs already awarded."""
    by_title: dict[str, set[int]] = {}
    for awarded_year, title in history:
        by_title.setdefault(title, set()).add(awarded_year)
    hints = []
    for rule in rules:
        held = consecutive_years(by_title.get(rule.requires, set()), ending=year - 1)
        hints.append(EligibilityHint(rule.title, rule.requires, rule.years, held))
    return hints
