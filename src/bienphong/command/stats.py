"""The public read interface: statistics over crossings, vehicle crossings and filings.

Every function takes the unit ids to count (``unit_ids_for(actor)`` gives those an actor
may see), an inclusive local date range (Asia/Ho_Chi_Minh) and a ``group_by``, and returns
rows ordered by ``key``. Crossings count only effective rows (not replaced by a
correction). ``crossing_stats`` reads the rollups plus the raw rows after their
watermark; ``crossing_stats_plain`` is the plain GROUP BY it must always equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from django.db.models import Count, F, Sum
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit
from bienphong.org.scoping import units_in_scope

from . import rollup
from .models import CrossingDaily, CrossingHourly, CrossingMonthly, CrossingMonthlyHourly

CROSSING_GROUPS = (
    "gate",
    "day",
    "hour",
    "month",
    "nationality",
    "document_type",
    "direction",
    "decision",
    "reason",
)
VEHICLE_GROUPS = ("gate", "day", "hour", "month", "direction", "country", "vehicle_type")
FILING_GROUPS = ("port", "day", "month", "kind", "status")
MAX_DAYS = 366 * 10


class StatsInvalid(ValidationFailed):
    """A bad period or grouping: 422, naming the field, like the API's schema errors."""

    status = 422


# group_by -> the column it reads in the rollup / the annotated raw rows.
_COLUMN = {
    "gate": "unit_id",
    "day": "day",
    "month": "day",
    "hour": "hour",
    "nationality": "nationality",
    "document_type": "document_type",
    "direction": "direction",
    "decision": "decision",
    "reason": "reason_code",
}
_MONTHLY: dict[Any, Any] = {CrossingHourly: CrossingMonthlyHourly, CrossingDaily: CrossingMonthly}
_HOURLY_GROUPS = {"gate", "day", "month", "hour", "direction", "decision"}


def unit_ids_for(actor: Any) -> list[int]:
    """The ids of the units whose numbers ``actor`` may see (their subtree)."""
    return list(units_in_scope(actor).values_list("pk", flat=True))


def check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise StatsInvalid(fields={"to": [_("The end date is before the start date.")]})
    if (date_to - date_from).days > MAX_DAYS:
        raise StatsInvalid(fields={"to": [_("The period may be at most ten years.")]})


def check_group(group_by: str, allowed: tuple[str, ...]) -> None:
    if group_by not in allowed:
        raise StatsInvalid(fields={"group_by": [_("Choose one of: %s.") % ", ".join(allowed)]})


def _bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=rollup.LOCAL_TZ)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=rollup.LOCAL_TZ)
    return start, end


def _fold_key(group_by: str, value: Any) -> Any:
    if group_by == "month":
        return value.strftime("%Y-%m")
    if group_by == "day":
        return value.isoformat()
    return value


def _crossing_rows(group_by: str, counts: dict[Any, dict[str, int]]) -> list[dict[str, Any]]:
    labels = _labeller(group_by, list(counts))
    rows = []
    for key in sorted(counts, key=lambda k: (k is None, k)):
        c = counts[key]
        if not any(c.values()):
            continue
        rows.append({"key": key, "label": labels(key), **c})
    return rows


def _empty() -> dict[str, int]:
    return dict.fromkeys(("entries", "exits", "admitted", "refused", "referred", "total"), 0)


def _add(
    counts: dict[Any, dict[str, int]], key: Any, direction: str, decision: str, n: int
) -> None:
    c = counts.setdefault(key, _empty())
    c["entries" if direction == "entry" else "exits"] += n
    if decision in ("admitted", "refused", "referred"):
        c[decision] += n
    c["total"] += n


def crossing_stats(
    *, unit_ids: Collection[int], date_from: dt.date, date_to: dt.date, group_by: str
) -> list[dict[str, Any]]:
    """Crossings per ``group_by`` (gate, day, hour, month, nationality, document_type,
    direction, decision, reason): rows ``{"key", "label", "entries", "exits", "admitted",
    "refused", "referred", "total"}`` ordered by key. ``gate`` keys are unit ids, ``day``
    ISO dates, ``month`` "YYYY-MM", ``hour`` 0..23, ``reason`` the reason code ("" when
    admitted)."""
    return crossing_breakdown(
        unit_ids=unit_ids, date_from=date_from, date_to=date_to, group_bys=[group_by]
    )[group_by]


def crossing_breakdown(
    *,
    unit_ids: Collection[int],
    date_from: dt.date,
    date_to: dt.date,
    group_bys: Collection[str],
) -> dict[str, list[dict[str, Any]]]:
    """``crossing_stats`` for several groupings at once (what a dashboard shows): one
    pass over each rollup table and one over the raw rows after the watermark."""
    for group_by in group_bys:
        check_group(group_by, CROSSING_GROUPS)
    check_period(date_from, date_to)
    ids = list(unit_ids)
    start, end = _bounds(date_from, date_to)
    counts: dict[str, dict[Any, dict[str, int]]] = {g: {} for g in group_bys}
    for model, wanted in (
        (CrossingHourly, [g for g in group_bys if g in _HOURLY_GROUPS]),
        (CrossingDaily, [g for g in group_bys if g not in _HOURLY_GROUPS]),
    ):
        if not wanted:
            continue
        columns = sorted({_COLUMN[g] for g in wanted})
        values = [*columns, "direction", "decision"]
        pre = _rolled_up(model, ids, (date_from, date_to), values, by_day="day" in wanted)
        delta = rollup.delta_rows(
            (*columns, "direction", "decision"),
            lo=rollup.watermark(),
            hi=None,
            unit_ids=ids,
            start=start,
            end=end,
        )
        for row in [*pre, *delta]:
            for g in wanted:
                key = _fold_key(g, row[_COLUMN[g]])
                _add(counts[g], key, row["direction"], row["decision"], row["n"])
    return {g: _crossing_rows(g, counts[g]) for g in group_bys}


def _rolled_up(
    model: Any,
    ids: list[int],
    period: tuple[dt.date, dt.date],
    values: list[str],
    *,
    by_day: bool,
) -> list[dict[str, Any]]:
    """Rollup rows for the period: the full calendar months from the monthly table
    (unless grouped by day), the days before and after them from the day table."""
    date_from, date_to = period
    first = rollup.month_start(date_from)
    if first < date_from:
        first = rollup.next_month(first)
    end = first  # first day after the last full month
    while rollup.next_month(end) <= date_to + dt.timedelta(days=1):
        end = rollup.next_month(end)
    days = model.objects.filter(unit_id__in=ids)
    if end == first or by_day:
        days = days.filter(day__gte=date_from, day__lte=date_to)
        return list(days.values(*values).annotate(n=Sum("n")).order_by())
    monthly = _MONTHLY[model].objects.filter(unit_id__in=ids, month__gte=first, month__lt=end)
    if "day" in values:  # only to fold into "YYYY-MM" keys: the month's first day will do
        monthly = monthly.annotate(day=F("month"))
    rows = list(monthly.values(*values).annotate(n=Sum("n")).order_by())
    # The days before and after the months: one range query each (an OR of the two
    # would make SQLite scan the whole table), none when empty.
    for lo, hi in ((date_from, first - dt.timedelta(days=1)), (end, date_to)):
        if lo <= hi:
            part = days.filter(day__gte=lo, day__lte=hi)
            rows.extend(part.values(*values).annotate(n=Sum("n")).order_by())
    return rows


def crossing_stats_plain(
    *, unit_ids: Collection[int], date_from: dt.date, date_to: dt.date, group_by: str
) -> list[dict[str, Any]]:
    """The same numbers as ``crossing_stats`` by a plain GROUP BY over the raw rows."""
    check_group(group_by, CROSSING_GROUPS)
    start, end = _bounds(date_from, date_to)
    column = _COLUMN[group_by]
    qs = rollup.current_crossings().filter(unit_id__in=list(unit_ids), at__gte=start, at__lt=end)
    counts: dict[Any, dict[str, int]] = {}
    grouped = rollup.annotate_local(qs).values(column, "direction", "decision")
    for row in grouped.annotate(n=Count("id")).order_by():
        _add(counts, _fold_key(group_by, row[column]), row["direction"], row["decision"], row["n"])
    return _crossing_rows(group_by, counts)


def _labeller(group_by: str, keys: list[Any]) -> Callable[[Any], str]:
    from bienphong.checkpoint.models import Decision, Direction, DocumentType, ListItem

    if group_by in ("gate", "port"):
        names = {u.pk: u.name for u in Unit.objects.filter(pk__in=keys)}
        return lambda k: names.get(k, str(k))
    if group_by == "hour":
        return lambda k: f"{k:02d}:00"
    if group_by == "document_type":
        return lambda k: str(dict(DocumentType.choices).get(k, k))
    if group_by == "direction":
        return lambda k: str(dict(Direction.choices).get(k, k))
    if group_by == "decision":
        return lambda k: str(dict(Decision.choices).get(k, k))
    if group_by in ("kind", "status"):
        from bienphong.ports.models import FilingKind, FilingStatus

        choices = dict(FilingKind.choices if group_by == "kind" else FilingStatus.choices)
        return lambda k: str(choices.get(k, k))
    if group_by == "reason":
        items = {i.code: i.label for i in ListItem.objects.filter(code__in=keys)}
        return lambda k: items.get(k, k) if k else _("(admitted)")
    return lambda k: str(k)


from .vehicles import filing_stats, vehicle_stats  # noqa: E402  (re-exported)

__all__ = [
    "CROSSING_GROUPS",
    "FILING_GROUPS",
    "VEHICLE_GROUPS",
    "crossing_breakdown",
    "crossing_stats",
    "crossing_stats_plain",
    "filing_stats",
    "unit_ids_for",
    "vehicle_stats",
]
