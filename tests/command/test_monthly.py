"""The monthly rollup level: full months read from it still equal a plain GROUP BY."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from django.db.models import Sum

from bienphong.command import rollup, stats
from bienphong.command.models import (
    CrossingDaily,
    CrossingHourly,
    CrossingMonthly,
    CrossingMonthlyHourly,
)
from tests.factories import make_unit

from .helpers import crossing, local, traveller

DOCS = [("VNM", "passport"), ("CHN", "cn_exit_entry_pass"), ("VNM", "border_area_pass")]
START = dt.date(2026, 1, 25)  # through February and March into April


def _crossings(rng: random.Random, gates: list[Any], officer: Any, n: int) -> list[Any]:
    docs = [traveller(nat, kind) for nat, kind in DOCS]
    made = []
    for _ in range(n):
        decision = rng.choice(["admitted"] * 5 + ["refused", "referred"])
        # Local midnight and 23:xx: the UTC day differs from the local one.
        day = START + dt.timedelta(days=rng.randint(0, 75))
        at = local(day, rng.choice([0, 1, 7, 12, 23]), rng.randint(0, 59))
        made.append(
            crossing(
                document=rng.choice(docs), unit=rng.choice(gates), officer=officer, at=at,
                direction=rng.choice(["entry", "exit"]), decision=decision,
                reason_code="" if decision == "admitted" else rng.choice(["no_visa", "other"]),
            )
        )  # fmt: skip
    return made


def _correct(rng: random.Random, made: list[Any], officer: Any, k: int) -> None:
    for old in rng.sample(made, k):
        if hasattr(old, "correction"):
            continue
        crossing(
            document=old.document, unit=old.unit, officer=officer,
            at=old.at + dt.timedelta(days=rng.choice([0, 20, -20])),  # may change the month
            direction=old.direction, decision="admitted", corrects=old,
        )  # fmt: skip


def _assert_equal(ids: list[int], date_from: dt.date, date_to: dt.date) -> None:
    args = {"unit_ids": ids, "date_from": date_from, "date_to": date_to}
    together = stats.crossing_breakdown(**args, group_bys=stats.CROSSING_GROUPS)
    for group_by in stats.CROSSING_GROUPS:
        plain = stats.crossing_stats_plain(**args, group_by=group_by)
        assert stats.crossing_stats(**args, group_by=group_by) == plain, group_by
        assert together[group_by] == plain, group_by


def _assert_months_sum_days() -> None:
    for monthly, daily in (
        (CrossingMonthlyHourly, CrossingHourly),
        (CrossingMonthly, CrossingDaily),
    ):
        by_month: dict[tuple[int, str], int] = {}
        for row in daily.objects.values("unit_id", "day", "n"):
            key = (row["unit_id"], row["day"].strftime("%Y-%m"))
            by_month[key] = by_month.get(key, 0) + row["n"]
        counted = {
            (r["unit_id"], r["month"].strftime("%Y-%m")): r["n"]
            for r in monthly.objects.values("unit_id", "month").annotate(n=Sum("n"))
        }
        assert counted == {k: v for k, v in by_month.items() if v}
        assert all(r.month.day == 1 for r in monthly.objects.all())


PERIODS = [
    (dt.date(2026, 2, 1), dt.date(2026, 3, 31)),  # two full months only
    (dt.date(2026, 1, 28), dt.date(2026, 4, 3)),  # days, two months, days
    (dt.date(2026, 2, 14), dt.date(2026, 3, 13)),  # no full month
    (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),  # a year
]


@pytest.mark.parametrize("seed", [4, 5])
def test_monthly_level_equals_group_by(tree: Any, users: dict[str, Any], seed: int) -> None:
    rng = random.Random(seed)
    gate_b = make_unit("CK-M", tree.post_b, "gate", "main", borders_country="CHN")
    gates, officer = [tree.gate_a, gate_b], users["officer_a"]
    made = _crossings(rng, gates, officer, 70)
    _correct(rng, made, officer, 8)
    rollup.refresh(settle=False)  # first build: INSERT ... SELECT, then the months
    assert CrossingMonthly.objects.exists() and CrossingMonthlyHourly.objects.exists()
    _assert_months_sum_days()
    # Late rows and corrections of rolled-up rows: read from the raw rows, then rolled up.
    later = _crossings(rng, gates, officer, 30)
    _correct(rng, made + later, officer, 10)
    ids = [tree.gate_a.pk, gate_b.pk]
    for date_from, date_to in PERIODS:
        _assert_equal(ids, date_from, date_to)
    rollup.refresh(settle=False)  # incremental: the touched months are recounted
    _assert_months_sum_days()
    for date_from, date_to in PERIODS:
        _assert_equal(ids, date_from, date_to)
        _assert_equal([gate_b.pk], date_from, date_to)


def test_full_months_come_from_the_monthly_table(tree: Any, users: dict[str, Any]) -> None:
    doc = traveller()
    for day in (dt.date(2026, 2, 3), dt.date(2026, 3, 30), dt.date(2026, 4, 1)):
        crossing(document=doc, unit=tree.gate_a, officer=users["officer_a"], at=local(day))
    rollup.refresh(settle=False)
    # A wrong monthly row would show: so the months must really be read from there.
    CrossingMonthly.objects.filter(month=dt.date(2026, 2, 1)).update(n=40)
    args = {"unit_ids": [tree.gate_a.pk], "date_from": dt.date(2026, 2, 1)}
    rows = stats.crossing_stats(**args, date_to=dt.date(2026, 4, 1), group_by="nationality")
    assert rows[0]["total"] == 40 + 1 + 1
    by_day = stats.crossing_stats(**args, date_to=dt.date(2026, 4, 1), group_by="day")
    assert sum(r["total"] for r in by_day) == 3  # days are always counted from the days


def test_rebuild_recounts_the_months(tree: Any, users: dict[str, Any]) -> None:
    doc = traveller()
    crossing(document=doc, unit=tree.gate_a, officer=users["officer_a"], at=local(START))
    rollup.refresh(settle=False)
    CrossingMonthly.objects.update(n=99)
    rollup.rebuild()  # the crossing is not settled yet: counted from the raw rows
    assert not CrossingMonthly.objects.exists()
    args = {"unit_ids": [tree.gate_a.pk], "date_from": dt.date(2026, 1, 1)}
    rows = stats.crossing_stats(**args, date_to=dt.date(2026, 2, 28), group_by="gate")
    assert rows[0]["total"] == 1
    rollup.refresh(settle=False)
    assert list(CrossingMonthly.objects.values_list("n", flat=True)) == [1]


def test_fixed_offset_only_without_transitions(monkeypatch: pytest.MonkeyPatch) -> None:
    from zoneinfo import ZoneInfo

    first = dt.datetime(2022, 1, 1, tzinfo=dt.UTC)
    last = dt.datetime(2026, 12, 31, tzinfo=dt.UTC)
    assert rollup.fixed_offset(first, last) == dt.timedelta(hours=7)
    monkeypatch.setattr(rollup, "LOCAL_TZ", ZoneInfo("Europe/Paris"))
    assert rollup.fixed_offset(first, last) is None  # summer time: Django's conversion
    assert rollup.fixed_offset(first, first + dt.timedelta(days=20)) == dt.timedelta(hours=1)


@pytest.mark.django_db
def test_migration_sums_existing_days_as_the_live_recount_does():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("bienphong.command.migrations.0002_monthly_rollups")
    for day, n in [(dt.date(2026, 1, 31), 2), (dt.date(2026, 2, 1), 3), (dt.date(2026, 2, 9), 4)]:
        CrossingDaily.objects.create(
            unit_id=1,
            day=day,
            direction="entry",
            decision="admitted",
            reason_code="",
            nationality="VNM",
            document_type="passport",
            n=n,
        )
        CrossingHourly.objects.create(
            unit_id=1, day=day, hour=7, direction="entry", decision="admitted", n=n
        )

    def snapshot() -> set[tuple[Any, ...]]:
        return {
            *CrossingMonthly.objects.values_list("month", "nationality", "n"),
            *CrossingMonthlyHourly.objects.values_list("month", "hour", "n"),
        }

    migration.count_existing_months(apps, None)
    migrated = snapshot()
    assert (dt.date(2026, 2, 1), "VNM", 7) in migrated
    CrossingMonthly.objects.all().delete()
    CrossingMonthlyHourly.objects.all().delete()
    rollup.recount_months()
    assert snapshot() == migrated
