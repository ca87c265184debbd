"""The crossing generator behind `bienphong demo --crossings N`."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import models
from django.db.models import Count

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


def _crossing_constraints() -> dict[str, Any]:
    from django.db import connection

    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, Crossing._meta.db_table)
    return {
        name: (tuple(c["columns"]), c["unique"], c["index"], c["foreign_key"])
        for name, c in found.items()
    }


@pytest.mark.django_db
def test_bulk_path_rebuilds_indexes_and_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from bienphong.checkpoint.models import TravelDocument, Traveller
    from bienphong.command import generator

    before = _crossing_constraints()
    assert any(c[2] and not c[1] for c in before.values())  # there are indexes to drop
    monkeypatch.setattr(generator, "DROP_INDEXES_FROM", 0)
    monkeypatch.setattr(generator, "CHUNK", 700)  # several chunks
    call_command("demo", crossings=2000, stdout=StringIO(), stderr=StringIO())
    assert _crossing_constraints() == before
    demo = Crossing.objects.filter(lane="demo")
    assert demo.count() == 2000
    times = list(demo.order_by("pk").values_list("at", flat=True))
    assert times == sorted(times)  # written in time order, like a real log
    # Every crossing's document belongs to its traveller; some people hold two.
    assert not demo.exclude(document__traveller=models.F("traveller")).exists()
    people = Traveller.objects.filter(crossings__lane="demo").distinct()
    docs = TravelDocument.objects.filter(traveller__in=people)
    assert docs.count() > people.count()
    two = docs.values("traveller").annotate(k=Count("id"), kinds=Count("doc_type", distinct=True))
    assert all(r["kinds"] == r["k"] for r in two)  # a second document is of another kind
    vietnamese = people.filter(nationality="VNM").values_list("full_name", "name_key")[:20]
    assert any(name != key for name, key in vietnamese)  # names with diacritics
    assert not demo.exclude(nationality=models.F("traveller__nationality")).exists()


@pytest.mark.django_db
def test_failed_bulk_load_leaves_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import transaction

    from bienphong.command import bulkload

    before = _crossing_constraints()
    table = Crossing._meta.db_table
    with (
        pytest.raises(RuntimeError, match="half way"),
        transaction.atomic(),
        bulkload.bulk_load(table),
    ):
        assert _crossing_constraints() != before  # indexes dropped for the load
        raise RuntimeError("half way")
    assert _crossing_constraints() == before
