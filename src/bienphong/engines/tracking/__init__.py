"""Progress tracking for resolution implementation (pure Python).

- :mod:`.status` — the government's four task statuses.
- :mod:`.rollup` — progress rolled up a weighted tree, with the formula of every number.
- :mod:`.targets` — attainment of a numeric target (at least / at most).
- :mod:`.emulation` — emulation scores, rankings and commendation eligibility hints.

>>> from datetime import date
>>> classify(deadline=date(2025, 6, 30), completed_on=None, today=date(2025, 7, 1)).value
'open_overdue'
>>> r = rollup([RollupNode("a", None, 1.0), RollupNode("t1", "a", 2.0, 50.0),
...             RollupNode("t2", "a", 1.0, 100.0)])
>>> round(r["a"].value, 1), r["a"].formula
(66.7, '(2×50.0 + 1×100.0) ÷ 3 = 66.7')
"""

from .emulation import (
    CriterionKind,
    EligibilityHint,
    EligibilityRule,
    RankedEntry,
    ScoreLine,
    eligibility_hints,
    rank,
    total_score,
)
from .rollup import RollupError, RollupNode, RollupResult, rollup, rollup_naive
from .status import TaskStatus, classify, is_overdue
from .targets import Direction, attainment, is_met

__all__ = [
    "CriterionKind",
    "Direction",
    "EligibilityHint",
    "EligibilityRule",
    "RankedEntry",
    "RollupError",
    "RollupNode",
    "RollupResult",
    "ScoreLine",
    "TaskStatus",
    "attainment",
    "classify",
    "eligibility_hints",
    "is_met",
    "is_overdue",
    "rank",
    "rollup",
    "rollup_naive",
    "total_score",
]
