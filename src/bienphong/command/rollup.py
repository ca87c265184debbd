"""Keeping the crossing rollups exact without touching the checkpoint's write path.

Crossings are never edited: a correction is a new crossing (higher id) that replaces an
old one. So the set of effective crossings "as of id W" is
``{c : c.id <= W and no correction d of c with d.id <= W}``, and moving from W to W'
adds the crossings in (W, W'] not corrected by then and removes the older ones whose
correction arrived in (W, W']. ``refresh()`` applies that delta to the rollup tables;
queries apply the same delta from the watermark to "now" on the fly (``delta_rows``).

The watermark only advances to crossings created at least ``SETTLE`` ago, so a
transaction that allocated an id and committed late is still picked up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Q,
    QuerySet,
)
from django.db.models.functions import Coalesce, ExtractHour, TruncDate
from django.utils import timezone

from bienphong.checkpoint.selectors import current_crossings

from .models import CrossingDaily, CrossingHourly, RollupState

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SETTLE = dt.timedelta(minutes=10)

HOURLY_FIELDS = ("unit_id", "day", "hour", "direction", "decision")
DAILY_FIELDS = (
    "unit_id",
    "day",
    "direction",
    "decision",
    "reason_code",
    "nationality",
    "document_type",
)


def _crossings() -> QuerySet[Any]:
    from bienphong.checkpoint.models import Crossing

    return Crossing.objects.all()


def annotate_local(qs: QuerySet[Any]) -> QuerySet[Any]:
    """Local day and hour, and the document type, as plain columns for grouping."""
    annotated: QuerySet[Any] = qs.annotate(
        day=TruncDate("at", tzinfo=LOCAL_TZ),
        hour=ExtractHour("at", tzinfo=LOCAL_TZ),
        document_type=_doc_type(),
    )
    return annotated


def _doc_type() -> Any:
    return F("document__doc_type")


def watermark() -> int:
    state = RollupState.objects.filter(key="crossings").first()
    return state.watermark if state else 0


def _added(lo: int, hi: int | None) -> QuerySet[Any]:
    qs = _crossings().filter(id__gt=lo)
    if hi is None:
        return qs.filter(correction__isnull=True)
    return qs.filter(id__lte=hi).filter(Q(correction__isnull=True) | Q(correction__id__gt=hi))


def _removed(lo: int, hi: int | None) -> QuerySet[Any]:
    # Driven from the (few) corrections after ``lo``, by primary key.
    corrections = _crossings().filter(id__gt=lo, corrects__isnull=False)
    if hi is not None:
        corrections = corrections.filter(id__lte=hi)
    return _crossings().filter(id__lte=lo, id__in=corrections.values("corrects_id"))


def delta_rows(
    fields: Iterable[str],
    *,
    lo: int,
    hi: int | None,
    unit_ids: list[int] | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> list[dict[str, Any]]:
    """Signed counts (``n`` may be negative) of the change from watermark lo to hi,
    optionally only for ``unit_ids`` and crossings in [start, end)."""
    fields = list(fields)
    out: list[dict[str, Any]] = []
    for sign, qs in ((1, _added(lo, hi)), (-1, _removed(lo, hi))):
        qs = _narrow(qs, unit_ids, start, end)
        grouped = annotate_local(qs).values(*fields).annotate(n=Count("id")).order_by()
        out.extend({**row, "n": sign * row["n"]} for row in grouped)
    return out


def _narrow(
    qs: QuerySet[Any],
    unit_ids: list[int] | None,
    start: dt.datetime | None,
    end: dt.datetime | None,
) -> QuerySet[Any]:
    """Filter on unit and time through expressions no index can serve: the rows after
    the watermark are few and found by primary key, whereas the (unit, at) index would
    make the planner walk the whole period (millions of rows for a year)."""
    if unit_ids is None and start is None and end is None:
        return qs
    # Fetch by primary key from the id set the watermark condition selects on its own.
    qs = _crossings().filter(id__in=qs.values("id"))
    if unit_ids is not None:
        qs = qs.alias(_unit=ExpressionWrapper(F("unit_id") + 0, output_field=IntegerField()))
        qs = qs.filter(_unit__in=unit_ids)
    if start is not None or end is not None:
        qs = qs.alias(_at=Coalesce(F("at"), F("at"), output_field=DateTimeField()))
        if start is not None:
            qs = qs.filter(_at__gte=start)
        if end is not None:
            qs = qs.filter(_at__lt=end)
    return qs


def _apply(model: Any, fields: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    merged: dict[tuple[Any, ...], int] = {}
    for row in rows:
        key = tuple(row[f] for f in fields)
        merged[key] = merged.get(key, 0) + row["n"]
    if not merged:
        return
    keys = list(merged)
    existing: dict[tuple[Any, ...], Any] = {}
    days = sorted({k[1] for k in keys})
    units = sorted({k[0] for k in keys})
    for obj in model.objects.filter(day__in=days, unit_id__in=units):
        existing[tuple(getattr(obj, f) for f in fields)] = obj
    create, update = [], []
    for key, n in merged.items():
        if n == 0:
            continue
        obj = existing.get(key)
        if obj is None:
            create.append(model(n=n, **dict(zip(fields, key, strict=True))))
        else:
            obj.n += n
            update.append(obj)
    model.objects.bulk_create(create, batch_size=5000)
    model.objects.bulk_update(update, ["n"], batch_size=5000)
    model.objects.filter(n=0).delete()


def _insert_select(model: Any, fields: tuple[str, ...], hi: int) -> None:
    grouped = annotate_local(_added(0, hi)).values(*fields).annotate(n=Count("id")).order_by()
    sql, params = grouped.query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(f) for f in (*fields, "n"))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({columns}) {sql}", params)


@transaction.atomic
def refresh(*, now: dt.datetime | None = None, step: int = 500_000, settle: bool = True) -> int:
    """Advance the rollups to the newest settled crossing; returns the new watermark.
    ``settle=False`` takes every committed crossing (no writer may be running: the demo
    generator, tests)."""
    now = now or timezone.now()
    state, _ = RollupState.objects.select_for_update().get_or_create(key="crossings")
    target = (
        _crossings()
        .filter(created_at__lte=now - (SETTLE if settle else dt.timedelta(0)))
        .filter(id__gt=state.watermark)
        .aggregate(m=Max("id"))["m"]
    )
    lo = state.watermark
    if lo == 0 and target is not None:
        # First build: one INSERT ... SELECT per table, no rows through Python.
        _insert_select(CrossingHourly, HOURLY_FIELDS, target)
        _insert_select(CrossingDaily, DAILY_FIELDS, target)
        lo = target
    while target is not None and lo < target:
        hi = min(lo + step, target)
        _apply(CrossingHourly, HOURLY_FIELDS, delta_rows(HOURLY_FIELDS, lo=lo, hi=hi))
        _apply(CrossingDaily, DAILY_FIELDS, delta_rows(DAILY_FIELDS, lo=lo, hi=hi))
        lo = hi
    state.watermark = lo
    state.refreshed_at = now
    state.save()
    return lo


def rebuild() -> int:
    """Drop the rollups and count everything again (after restoring a backup, say)."""
    with transaction.atomic():
        CrossingHourly.objects.all().delete()
        CrossingDaily.objects.all().delete()
        RollupState.objects.filter(key="crossings").delete()
    return refresh()


__all__ = ["LOCAL_TZ", "annotate_local", "current_crossings", "delta_rows", "refresh"]
