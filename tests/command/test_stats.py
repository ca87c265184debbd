"""The rollup-backed statistics always equal a plain GROUP BY over the effective rows."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from bienphong.command import rollup, stats
from bienphong.command.models import CrossingHourly
from bienphong.org.models import GateKind, UnitType
from tests.factories import make_unit

from .helpers import crossing, local, traveller

DAY = dt.date(2026, 3, 10)
NATS = [("VNM", "passport"), ("VNM", "border_area_pass"), ("CHN", "cn_exit_entry_pass")]


def _random_crossings(rng: random.Random, gates: list[Any], officer: Any, n: int) -> list[Any]:
    docs = [traveller(nat, kind) for nat, kind in NATS * 2]
    made = []
    for _ in range(n):
        decision = rng.choice(["admitted"] * 6 + ["refused", "referred"])
        at = local(
            DAY + dt.timedelta(days=rng.randint(-3, 3)), rng.randint(0, 23), rng.randint(0, 59)
        )
        made.append(
            crossing(
                document=rng.choice(docs),
                unit=rng.choice(gates),
                officer=officer,
                at=at,
                direction=rng.choice(["entry", "exit"]),
                decision=decision,
                reason_code="" if decision == "admitted" else rng.choice(["no_visa", "other"]),
            )
        )
    return made


def _correct_some(rng: random.Random, made: list[Any], officer: Any, k: int) -> None:
    for old in rng.sample(made, k):
        if hasattr(old, "correction"):
            continue
        crossing(
            document=old.document,
            unit=old.unit,
            officer=officer,
            at=old.at + dt.timedelta(hours=rng.choice([0, 13, -13])),  # may change the day
            direction="exit" if old.direction == "entry" else "entry",
            decision="admitted",
            corrects=old,
        )


def _assert_equal(unit_ids: list[int], date_from: dt.date, date_to: dt.date) -> None:
    for group_by in stats.CROSSING_GROUPS:
        args = {"unit_ids": unit_ids, "date_from": date_from, "date_to": date_to}
        assert stats.crossing_stats(**args, group_by=group_by) == stats.crossing_stats_plain(
            **args, group_by=group_by
        ), group_by


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rollup_plus_delta_equals_group_by(tree: Any, users: dict[str, Any], seed: int) -> None:
    rng = random.Random(seed)
    gate_b = make_unit("CK-B", tree.post_b, UnitType.GATE, GateKind.MAIN, borders_country="CHN")
    gates = [tree.gate_a, gate_b]
    officer = users["officer_a"]
    made = _random_crossings(rng, gates, officer, 60)
    _correct_some(rng, made, officer, 8)
    # Part counted in the rollup, then late rows and corrections of rolled-up rows.
    assert rollup.refresh(settle=False) > 0
    assert CrossingHourly.objects.exists()
    later = _random_crossings(rng, gates, officer, 25)
    _correct_some(rng, made + later, officer, 10)
    ids = [tree.gate_a.pk, gate_b.pk]
    _assert_equal(ids, DAY - dt.timedelta(days=2), DAY + dt.timedelta(days=1))
    _assert_equal([tree.gate_a.pk], DAY - dt.timedelta(days=5), DAY + dt.timedelta(days=5))
    # Advancing the rollup over the corrections keeps the numbers identical.
    rollup.refresh(settle=False)
    _assert_equal(ids, DAY - dt.timedelta(days=5), DAY + dt.timedelta(days=5))
    rows = stats.crossing_stats(
        unit_ids=ids,
        date_from=DAY - dt.timedelta(days=5),
        date_to=DAY + dt.timedelta(days=5),
        group_by="gate",
    )
    effective = sum(1 for c in made + later if not hasattr(c, "correction"))
    assert sum(r["total"] for r in rows) >= effective  # corrections themselves count too


def test_day_boundary_is_local_midnight(tree: Any, users: dict[str, Any]) -> None:
    doc = traveller()
    officer = users["officer_a"]
    crossing(document=doc, unit=tree.gate_a, officer=officer, at=local(DAY, 0, 0))
    crossing(document=doc, unit=tree.gate_a, officer=officer, at=local(DAY, 23, 59))
    crossing(
        document=doc, unit=tree.gate_a, officer=officer,
        at=local(DAY - dt.timedelta(days=1), 23, 59),
    )  # fmt: skip
    for refresh in (False, True):
        if refresh:
            rollup.refresh(settle=False)
        rows = stats.crossing_stats(
            unit_ids=[tree.gate_a.pk], date_from=DAY, date_to=DAY, group_by="hour"
        )
        assert [(r["key"], r["total"]) for r in rows] == [(0, 1), (23, 1)]
        days = stats.crossing_stats(
            unit_ids=[tree.gate_a.pk],
            date_from=DAY - dt.timedelta(days=1),
            date_to=DAY,
            group_by="day",
        )
        assert [(r["key"], r["total"]) for r in days] == [
            ((DAY - dt.timedelta(days=1)).isoformat(), 1), (DAY.isoformat(), 2),
        ]  # fmt: skip


def test_correction_replaces_the_old_crossing(tree: Any, users: dict[str, Any]) -> None:
    doc = traveller("CHN", "cn_exit_entry_pass")
    officer = users["officer_a"]
    old = crossing(
        document=doc, unit=tree.gate_a, officer=officer, at=local(DAY), decision="refused"
    )
    rollup.refresh(settle=False)
    crossing(document=doc, unit=tree.gate_a, officer=officer, at=local(DAY), corrects=old)
    rows = stats.crossing_stats(
        unit_ids=[tree.gate_a.pk], date_from=DAY, date_to=DAY, group_by="decision"
    )
    assert [(r["key"], r["total"]) for r in rows] == [("admitted", 1)]


def test_bad_group_by_and_period_name_the_field() -> None:
    with pytest.raises(stats.StatsInvalid) as error:
        stats.crossing_stats(unit_ids=[], date_from=DAY, date_to=DAY, group_by="colour")
    assert "group_by" in error.value.fields
    with pytest.raises(stats.StatsInvalid) as error:
        stats.crossing_stats(
            unit_ids=[], date_from=DAY, date_to=DAY - dt.timedelta(days=1), group_by="day"
        )
    assert "to" in error.value.fields


def test_unit_ids_for_scopes_to_the_subtree(tree: Any, users: dict[str, Any]) -> None:
    assert set(stats.unit_ids_for(users["commander_a"])) == {tree.post_a.pk, tree.gate_a.pk}
    assert tree.post_b.pk in stats.unit_ids_for(users["staff"])


def test_rollup_command_refreshes_settled_rows_only(tree: Any, users: dict[str, Any]) -> None:
    from io import StringIO

    from django.core.management import call_command

    doc = traveller()
    crossing(document=doc, unit=tree.gate_a, officer=users["officer_a"], at=local(DAY))
    call_command("rollup", stdout=StringIO())
    assert rollup.watermark() == 0  # just recorded: not settled yet, read from raw rows
    call_command("rollup", "--rebuild", stdout=StringIO())
    rows = stats.crossing_stats(
        unit_ids=[tree.gate_a.pk], date_from=DAY, date_to=DAY, group_by="day"
    )
    assert rows[0]["total"] == 1


def test_breakdown_equals_one_grouping_at_a_time(tree: Any, users: dict[str, Any]) -> None:
    rng = random.Random(9)
    made = _random_crossings(rng, [tree.gate_a], users["officer_a"], 30)
    rollup.refresh(settle=False)
    _correct_some(rng, made, users["officer_a"], 5)
    args = {"unit_ids": [tree.gate_a.pk], "date_from": DAY - dt.timedelta(days=4)}
    args["date_to"] = DAY + dt.timedelta(days=4)
    together = stats.crossing_breakdown(**args, group_bys=stats.CROSSING_GROUPS)
    for group_by in stats.CROSSING_GROUPS:
        assert together[group_by] == stats.crossing_stats_plain(**args, group_by=group_by)
