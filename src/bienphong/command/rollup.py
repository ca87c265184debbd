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
from functools import reduce
from operator import or_
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import (
    CharField,
    Count,
    DateField,
    DateTimeField,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce, ExtractHour, TruncDate, TruncMonth
from django.utils import timezone

from bienphong.checkpoint.selectors import current_crossings

from .models import (
    BreakdownCounts,
    CrossingDaily,
    CrossingHourly,
    CrossingMonthly,
    CrossingMonthlyHourly,
    HourCounts,
    RollupState,
    period_key,
)

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
SETTLE = dt.timedelta(minutes=10)

HOURLY_FIELDS = tuple(period_key(HourCounts.KEY, "day"))
DAILY_FIELDS = tuple(period_key(BreakdownCounts.KEY, "day"))
# (monthly table, the day table it sums, the day table's key)
MONTHLY = (
    (CrossingMonthlyHourly, CrossingHourly, HOURLY_FIELDS),
    (CrossingMonthly, CrossingDaily, DAILY_FIELDS),
)


def _crossings() -> QuerySet[Any]:
    from bienphong.checkpoint.models import Crossing

    return Crossing.objects.all()


def annotate_local(
    qs: QuerySet[Any], fields: Iterable[str] | None = None, *, offset: dt.timedelta | None = None
) -> QuerySet[Any]:
    """Local day and hour, and the document type, as plain columns for grouping (only
    those in ``fields`` when given: the document type costs a join). ``offset``: the
    zone's fixed UTC offset over the rows, when known, for SQLite's native date
    functions instead of Django's per-row Python conversion."""
    wanted = set(fields) if fields is not None else {"day", "hour", "document_type"}
    parts: dict[str, Any] = {}
    if offset is not None and connection.vendor == "sqlite":
        shift = Value(f"{int(offset.total_seconds() // 60):+d} minutes")
        parts["day"] = Func(F("at"), shift, function="date", output_field=DateField())
        hour = Func(Value("%H"), F("at"), shift, function="strftime", output_field=CharField())
        parts["hour"] = Cast(hour, IntegerField())
    else:
        parts["day"] = TruncDate("at", tzinfo=LOCAL_TZ)
        parts["hour"] = ExtractHour("at", tzinfo=LOCAL_TZ)
    parts["document_type"] = _doc_type()
    annotated: QuerySet[Any] = qs.annotate(**{k: v for k, v in parts.items() if k in wanted})
    return annotated


def _doc_type() -> Any:
    return F("document__doc_type")


def fixed_offset(first: dt.datetime, last: dt.datetime) -> dt.timedelta | None:
    """The local zone's UTC offset if it is the same from ``first`` to ``last`` (checked
    day by day: Asia/Ho_Chi_Minh has been UTC+7 since 1975), else None."""
    offsets = set()
    moment = first
    while moment <= last + dt.timedelta(days=1):
        offsets.add(moment.astimezone(LOCAL_TZ).utcoffset())
        moment += dt.timedelta(days=1)
    return offsets.pop() if len(offsets) == 1 else None


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
        grouped = annotate_local(qs, fields).values(*fields).annotate(n=Count("id")).order_by()
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
    span = _crossings().filter(id__lte=hi).aggregate(first=Min("at"), last=Max("at"))
    offset = fixed_offset(span["first"], span["last"]) if span["first"] else None
    grouped = (
        annotate_local(_added(0, hi), fields, offset=offset)
        .values(*fields)
        .annotate(n=Count("id"))
        .order_by()
    )
    _insert(model, (*fields, "n"), grouped)


def _insert(model: Any, columns: tuple[str, ...], grouped: QuerySet[Any]) -> None:
    """INSERT INTO model (columns) SELECT ...: the rows never pass through Python."""
    sql, params = grouped.query.sql_with_params()
    names = ", ".join(connection.ops.quote_name(f) for f in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {model._meta.db_table} ({names}) {sql}", params)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _month_of_day() -> Any:
    if connection.vendor == "sqlite":  # native, not Django's per-row Python function
        return Func(F("day"), Value("start of month"), function="date", output_field=DateField())
    return TruncMonth("day")


def recount_months(months: Iterable[dt.date] | None = None) -> None:
    """Recount the monthly tables from the day tables, for ``months`` (their first
    days) or all of them. Called wherever the day tables change, in the same
    transaction, so both levels always count the same crossings."""
    months = None if months is None else sorted(set(months))
    if months == []:
        return
    for monthly, daily, fields in MONTHLY:
        keys = [f for f in fields if f != "day"]
        target, source = monthly.objects.all(), daily.objects.all()
        if months is not None:
            target = target.filter(month__in=months)
            # the overall range lets the day index bound the scan; the months pick within
            source = source.filter(day__gte=months[0], day__lt=next_month(months[-1]))
            source = source.filter(
                reduce(or_, (Q(day__gte=m, day__lt=next_month(m)) for m in months))
            )
        target.delete()
        grouped = (
            source.annotate(month=_month_of_day())
            .values(*keys, "month")
            .annotate(total=Sum("n"))
            .order_by()
        )
        _insert(monthly, (*keys, "month", "n"), grouped)


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
        recount_months()
        lo = target
    while target is not None and lo < target:
        hi = min(lo + step, target)
        hourly = delta_rows(HOURLY_FIELDS, lo=lo, hi=hi)
        _apply(CrossingHourly, HOURLY_FIELDS, hourly)
        daily = delta_rows(DAILY_FIELDS, lo=lo, hi=hi)
        _apply(CrossingDaily, DAILY_FIELDS, daily)
        recount_months({month_start(row["day"]) for row in (*hourly, *daily)})
        lo = hi
    state.watermark = lo
    state.refreshed_at = now
    state.save()
    return lo


def rebuild() -> int:
    """Drop the rollups and count everything again (after restoring a backup, say)."""
    with transaction.atomic():
        for model in (CrossingHourly, CrossingDaily, CrossingMonthlyHourly, CrossingMonthly):
            model.objects.all().delete()
        RollupState.objects.filter(key="crossings").delete()
    return refresh()


__all__ = ["LOCAL_TZ", "annotate_local", "current_crossings", "delta_rows", "refresh"]
