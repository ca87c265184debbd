"""The roll-up formula, task statuses, target attainment and emulation scoring."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bienphong.engines.tracking import (
    CriterionKind,
    Direction,
    EligibilityRule,
    RollupError,
    RollupNode,
    ScoreLine,
    TaskStatus,
    attainment,
    classify,
    eligibility_hints,
    is_met,
    rank,
    rollup,
    rollup_naive,
    total_score,
)

D = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("completed", "today", "expected"),
    [
        (D, D + timedelta(days=5), TaskStatus.DONE_ON_TIME),
        (D - timedelta(days=3), D, TaskStatus.DONE_ON_TIME),
        (D + timedelta(days=1), D + timedelta(days=1), TaskStatus.DONE_LATE),
        (None, D, TaskStatus.OPEN_WITHIN_DEADLINE),
        (None, D + timedelta(days=1), TaskStatus.OPEN_OVERDUE),
    ],
)
def test_the_four_statuses(completed, today, expected):
    status = classify(deadline=D, completed_on=completed, today=today)
    assert status is expected
    assert status.is_done == (completed is not None)


def test_weighted_mean_and_its_formula():
    result = rollup(
        [
            RollupNode("R", None),
            RollupNode("a", "R", 2),
            RollupNode("b", "R", 1),
            RollupNode("a1", "a", 1, 50),
            RollupNode("a2", "a", 3, 100),
            RollupNode("b1", "b", 1, 10),
        ]
    )
    assert result["a"].value == pytest.approx(87.5)
    assert result["a"].formula == "(1×50.0 + 3×100.0) ÷ 4 = 87.5"
    assert result["R"].value == pytest.approx((2 * 87.5 + 10) / 3)
    assert result["a1"].formula == "50.0"


def test_zero_weights_and_empty_nodes():
    result = rollup(
        [
            RollupNode("R", None),
            RollupNode("x", "R", 0, 100),
            RollupNode("y", "R", 1),  # no children, no progress: 0 %
        ]
    )
    assert result["R"].value == 0
    assert result["R"].formula == "(1×0.0) ÷ 1 = 0.0"
    only_zero = rollup([RollupNode("R", None), RollupNode("x", "R", 0, 100)])
    assert only_zero["R"].value == 0 and only_zero["R"].formula == "0.0"


def test_progress_is_clamped():
    result = rollup(
        [RollupNode("R", None), RollupNode("x", "R", 1, 140), RollupNode("y", "R", 1, -5)]
    )
    assert result["x"].value == 100 and result["y"].value == 0
    assert result["R"].value == 50


@pytest.mark.parametrize(
    "nodes",
    [
        [RollupNode("a", "b"), RollupNode("b", "a")],
        [RollupNode("a", None), RollupNode("a", None)],
        [RollupNode("a", None), RollupNode("b", "zzz")],
        [RollupNode("a", None), RollupNode("b", "a", -1)],
    ],
)
def test_bad_trees_are_refused(nodes):
    with pytest.raises(RollupError):
        rollup(nodes)


@st.composite
def trees(draw):
    size = draw(st.integers(1, 40))
    nodes = [RollupNode(0, None, 1.0)]
    for i in range(1, size):
        parent = draw(st.integers(0, i - 1))
        weight = draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0]))
        progress = draw(st.one_of(st.none(), st.floats(0, 100)))
        nodes.append(RollupNode(i, parent, weight, progress))
    return nodes


@settings(deadline=None)
@given(trees())
def test_fast_rollup_agrees_with_the_naive_recursion(nodes):
    fast = rollup(nodes)
    slow = rollup_naive(nodes)
    for node in nodes:
        assert fast[node.id].value == pytest.approx(slow[node.id])
        assert 0 <= fast[node.id].value <= 100


def test_targets_in_both_directions():
    assert is_met(direction=Direction.AT_LEAST, target=90, current=90)
    assert not is_met(direction=Direction.AT_MOST, target=0, current=2)
    assert attainment(direction=Direction.AT_LEAST, baseline=60, target=100, current=80) == 50
    assert attainment(direction=Direction.AT_MOST, baseline=10, target=0, current=4) == 60
    assert attainment(direction=Direction.AT_MOST, baseline=10, target=0, current=12) == 0
    assert attainment(direction=Direction.AT_LEAST, baseline=5, target=5, current=1) == 0


def test_score_with_caps_bonus_and_penalty():
    lines = [
        ScoreLine(CriterionKind.POINTS, 60, 50),  # capped at 50
        ScoreLine(CriterionKind.BONUS, 5, 10),
        ScoreLine(CriterionKind.PENALTY, 8, 20),
    ]
    assert total_score(lines) == 47
    assert total_score([ScoreLine(CriterionKind.PENALTY, 8, 20)]) == 0


def test_competition_ranking_shares_ties():
    ranked = rank([("a", 80), ("b", 95), ("c", 80), ("d", 70)])
    assert [(r.id, r.rank) for r in ranked] == [("b", 1), ("a", 2), ("c", 2), ("d", 4)]


def test_eligibility_needs_consecutive_years():
    rule = EligibilityRule("Chiến sĩ thi đua toàn quân", "Chiến sĩ thi đua cơ sở", 3)
    history = [
        (2022, "Chiến sĩ thi đua cơ sở"),
        (2023, "Chiến sĩ thi đua cơ sở"),
        (2024, "Chiến sĩ thi đua cơ sở"),
    ]
    (hint,) = eligibility_hints(history, year=2025, rules=[rule])
    assert hint.eligible and hint.years_held == 3
    (gap,) = eligibility_hints(
        [
            (2021, "Chiến sĩ thi đua cơ sở"),
            (2023, "Chiến sĩ thi đua cơ sở"),
            (2024, "Chiến sĩ thi đua cơ sở"),
        ],
        year=2025,
        rules=[rule],
    )
    assert not gap.eligible and gap.years_held == 2


def test_the_package_examples_run():
    import doctest

    import bienphong.engines.tracking as tracking

    assert doctest.testmod(tracking).failed == 0
