"""The crossing generator behind `bienphong demo --crossings N`."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from bienphong.checkpoint.models import Crossing
from bienphong.command import stats
from bienphong.command.models import RollupState
from bienphong.org.models import Unit


@pytest.mark.django_db
def test_demo_generates_n_crossings_once() -> None:
    out = StringIO()
    call_command("demo", crossings=3000, stdout=out, stderr=StringIO())
    assert Crossing.objects.filter(lane="demo").count() == 3000
    assert RollupState.objects.get().watermark == Crossing.objects.latest("pk").pk
    ids = list(Unit.objects.values_list("pk", flat=True))
    end = dt.date.today()
    rows = stats.crossing_stats(
        unit_ids=ids, date_from=end - dt.timedelta(days=6 * 366), date_to=end, group_by="gate"
    )
    assert sum(r["total"] for r in rows) == Crossing.objects.count()
    by_gate = {Unit.objects.get(pk=r["key"]).code: r["total"] for r in rows}
    assert max(by_gate, key=by_gate.__getitem__) == "CK-BL1"  # Móng Cái is the busiest
    nats = {r["key"]: r["total"] for r in stats.crossing_stats(
        unit_ids=ids, date_from=end - dt.timedelta(days=6 * 366), date_to=end,
        group_by="nationality",
    )}  # fmt: skip
    assert nats["VNM"] + nats["CHN"] > 0.8 * 3000
    entries = Crossing.objects.filter(lane="demo", direction="entry").count()
    assert 0.4 < entries / 3000 < 0.6
    refused = Crossing.objects.filter(lane="demo").exclude(decision="admitted")
    assert 0 < refused.count() < 150 and not refused.filter(reason_code="").exists()
    assert Crossing.objects.values("traveller").distinct().count() < 3000 // 5  # reused
    with pytest.raises(CommandError, match="twice"):
        call_command("demo", crossings=3000, stdout=StringIO(), stderr=StringIO())
    assert Crossing.objects.filter(lane="demo").count() == 3000


@pytest.mark.django_db
def test_plain_group_by_agrees_after_generation(settings: Any) -> None:
    call_command("demo", crossings=3000, stdout=StringIO(), stderr=StringIO())
    ids = list(Unit.objects.values_list("pk", flat=True))
    end = dt.date.today()
    for group_by in ("month", "hour", "document_type", "reason"):
        args = {"unit_ids": ids, "date_from": end - dt.timedelta(days=800), "date_to": end}
        assert stats.crossing_stats(**args, group_by=group_by) == stats.crossing_stats_plain(
            **args, group_by=group_by
        )
