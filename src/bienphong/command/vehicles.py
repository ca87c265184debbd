"""Vehicle-crossing and port-filing statistics (small tables: plain GROUP BY is fast)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractHour, TruncDate

from . import rollup
from .stats import (
    FILING_GROUPS,
    VEHICLE_GROUPS,
    _bounds,
    _fold_key,
    _labeller,
    check_group,
    check_period,
)

_VEHICLE_COLUMN = {
    "gate": "unit_id",
    "day": "day",
    "month": "day",
    "hour": "hour",
    "direction": "direction",
    "country": "vehicle__country",
    "vehicle_type": "vehicle__vehicle_type",
}
_FILING_COLUMN = {
    "port": "port_id",
    "day": "day",
    "month": "day",
    "kind": "kind",
    "status": "status",
}


def vehicle_stats(
    *, unit_ids: Collection[int], date_from: dt.date, date_to: dt.date, group_by: str
) -> list[dict[str, Any]]:
    """Vehicle crossings per ``group_by`` (gate, day, hour, month, direction, country,
    vehicle_type): rows ``{"key", "label", "entries", "exits", "with_permit", "total"}``
    ordered by key; ``with_permit`` counts foreign vehicles on a temporary-entry permit."""
    from bienphong.checkpoint.models import VehicleCrossing

    check_group(group_by, VEHICLE_GROUPS)
    check_period(date_from, date_to)
    start, end = _bounds(date_from, date_to)
    column = _VEHICLE_COLUMN[group_by]
    qs = VehicleCrossing.objects.filter(unit_id__in=list(unit_ids), at__gte=start, at__lt=end)
    grouped = (
        qs.annotate(
            day=TruncDate("at", tzinfo=rollup.LOCAL_TZ),
            hour=ExtractHour("at", tzinfo=rollup.LOCAL_TZ),
        )
        .values(column, "direction")
        .annotate(n=Count("id"), permits=Count("id", filter=Q(permit__isnull=False)))
        .order_by()
    )
    counts: dict[Any, dict[str, int]] = {}
    for row in grouped:
        key = _fold_key(group_by, row[column])
        c = counts.setdefault(key, {"entries": 0, "exits": 0, "with_permit": 0, "total": 0})
        c["entries" if row["direction"] == "entry" else "exits"] += row["n"]
        c["with_permit"] += row["permits"]
        c["total"] += row["n"]
    labels = _labeller(group_by, list(counts))
    return [{"key": k, "label": labels(k), **counts[k]} for k in sorted(counts)]


def filing_stats(
    *, unit_ids: Collection[int], date_from: dt.date, date_to: dt.date, group_by: str
) -> list[dict[str, Any]]:
    """Port filings submitted in the period per ``group_by`` (port, day, month, kind,
    status): rows ``{"key", "label", "submitted", "answered", "within_hour", "pending",
    "overdue", "approved", "refused", "total"}`` ordered by key. ``answered`` counts
    filings with a first answer, ``within_hour`` those answered within the one-hour
    clock, ``pending`` those still awaiting an officer and ``overdue`` the pending ones
    past their due time now (the same rules as ``bienphong.ports.selectors``)."""
    from django.utils import timezone

    from bienphong.ports.models import ANSWER_WITHIN, AWAITING_OFFICER, Filing

    check_group(group_by, FILING_GROUPS)
    check_period(date_from, date_to)
    start, end = _bounds(date_from, date_to)
    column = _FILING_COLUMN[group_by]
    now = timezone.now()
    qs = Filing.objects.filter(
        port_id__in=list(unit_ids), submitted_at__gte=start, submitted_at__lt=end
    )
    awaiting = Q(status__in=AWAITING_OFFICER)
    grouped = (
        qs.annotate(day=TruncDate("submitted_at", tzinfo=rollup.LOCAL_TZ))
        .values(column)
        .annotate(
            total=Count("id"),
            answered=Count("id", filter=Q(first_answered_at__isnull=False)),
            within_hour=Count(
                "id", filter=Q(first_answered_at__lte=F("submitted_at") + ANSWER_WITHIN)
            ),
            pending=Count("id", filter=awaiting),
            overdue=Count("id", filter=awaiting & Q(due_at__lt=now)),
            approved=Count("id", filter=Q(status="approved")),
            refused=Count("id", filter=Q(status="refused")),
        )
        .order_by()
    )
    counts: dict[Any, dict[str, int]] = {}
    names = ("answered", "within_hour", "pending", "overdue", "approved", "refused", "total")
    for row in grouped:
        key = _fold_key(group_by, row[column])
        c = counts.setdefault(key, dict.fromkeys(("submitted", *names), 0))
        for name in names:
            c[name] += row[name]
        c["submitted"] += row["total"]
    labels = _labeller("gate" if group_by == "port" else group_by, list(counts))
    return [{"key": k, "label": labels(k), **counts[k]} for k in sorted(counts)]
