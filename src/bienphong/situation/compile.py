"""Compiling a report's figures from the records of its unit and period.

Crossings, vehicles and filings come from ``bienphong.command.stats`` (rollups, so a
monthly report over millions of crossings is a few grouped queries); the rest are
``COUNT ... GROUP BY`` queries here. Nothing loops over raw rows, and nothing personal
from the watchlists is read: only counts of screening hits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from bienphong.command import stats
from bienphong.org.models import Unit

from .models import Incident, IncidentKind
from .selectors import local_day_bounds

TOTAL_KEYS = ("entries", "exits", "admitted", "refused", "referred", "total")
VEHICLE_KEYS = ("entries", "exits", "with_permit", "total")
FILING_KEYS = ("submitted", "answered", "within_hour", "pending", "overdue", "approved", "refused")
HEALTH_REASONS = ("health", "health_check")


def subtree_ids(unit: Unit) -> list[int]:
    return list(Unit.objects.filter(path__startswith=unit.path).values_list("pk", flat=True))


def _sum(rows: list[dict[str, Any]], keys: tuple[str, ...] = TOTAL_KEYS) -> dict[str, int]:
    return {k: sum(int(r.get(k) or 0) for r in rows) for k in keys}


def _crossings(ids: list[int], start: dt.date, end: dt.date) -> dict[str, Any]:
    def group(by: str) -> list[dict[str, Any]]:
        return stats.crossing_stats(unit_ids=ids, date_from=start, date_to=end, group_by=by)

    by_gate = group("gate")
    reasons = [r for r in group("reason") if r["key"]]
    return {
        "totals": _sum(by_gate),
        "by_gate": by_gate,
        "by_nationality": group("nationality"),
        "by_document_type": group("document_type"),
        "refusals_referrals": reasons,
    }


def _vehicles(ids: list[int], start: dt.date, end: dt.date) -> dict[str, Any]:
    rows = stats.vehicle_stats(unit_ids=ids, date_from=start, date_to=end, group_by="gate")
    return {"totals": _sum(rows, VEHICLE_KEYS), "by_gate": rows}


def _filings(ids: list[int], start: dt.date, end: dt.date) -> dict[str, Any]:
    rows = stats.filing_stats(unit_ids=ids, date_from=start, date_to=end, group_by="port")
    totals: dict[str, Any] = _sum(rows, FILING_KEYS)
    submitted = totals["submitted"]
    # Percent with one decimal; None when nothing was filed (not 0 %, which would mislead).
    totals["share_within_hour"] = (
        round(100 * totals["within_hour"] / submitted, 1) if submitted else None
    )
    return {"totals": totals, "by_port": rows}


def _port_calls(ids: list[int], start: dt.date, end: dt.date) -> dict[str, int]:
    from bienphong.ports.models import PortCall

    lo, hi = local_day_bounds(start, end)
    calls = PortCall.objects.filter(port_id__in=ids)
    return calls.aggregate(
        arrivals=Count("id", filter=Q(ata__gte=lo, ata__lt=hi)),
        departures=Count("id", filter=Q(atd__gte=lo, atd__lt=hi)),
    )


def _watchlist_hits(ids: list[int], start: dt.date, end: dt.date) -> dict[str, int]:
    from bienphong.watchlists.models import ScreeningHit

    lo, hi = local_day_bounds(start, end)
    hits = ScreeningHit.objects.filter(unit_id__in=ids, created_at__gte=lo, created_at__lt=hi)
    return hits.aggregate(
        total=Count("id"),
        confirmed=Count("id", filter=Q(status="confirmed")),
        dismissed=Count("id", filter=Q(status="dismissed")),
        pending=Count("id", filter=Q(status="pending")),
    )


def _overstays(ids: list[int], end: dt.date) -> dict[str, int]:
    """People still in the country past their permitted date at the end of the period."""
    from bienphong.checkpoint.models import Stay

    close = local_day_bounds(end, end)[1]
    staying = Stay.objects.filter(
        entry_unit_id__in=ids, entered_at__lt=close, permitted_until__lte=end
    )
    count = staying.filter(Q(exited_at__isnull=True) | Q(exited_at__gte=close)).count()
    return {"at_period_end": count}


def _health(
    ids: list[int], start: dt.date, end: dt.date, reasons: list[dict[str, Any]]
) -> dict[str, int]:
    from bienphong.health.models import HealthDeclaration

    declarations = HealthDeclaration.objects.filter(
        gate_id__in=ids, planned_date__gte=start, planned_date__lte=end
    ).count()
    health_rows = [r for r in reasons if r["key"] in HEALTH_REASONS]
    return {
        "declarations": declarations,
        "refused": sum(r["refused"] for r in health_rows),
        "referred": sum(r["referred"] for r in health_rows),
    }


def _incidents(ids: list[int], start: dt.date, end: dt.date) -> dict[str, Any]:
    lo, hi = local_day_bounds(start, end)
    qs = Incident.objects.filter(unit_id__in=ids, occurred_at__gte=lo, occurred_at__lt=hi)
    by_kind = dict(qs.values_list("kind").annotate(n=Count("id")).order_by())
    labels = dict(IncidentKind.choices)
    items = [
        {
            "id": i.pk,
            "kind": i.kind,
            "kind_label": str(labels.get(i.kind, i.kind)),
            "title": i.title,
            "occurred_at": timezone.localtime(i.occurred_at).isoformat(),
            "unit": i.unit.code,
            "place": i.place,
            "status": i.status,
        }
        # A period's incidents are few; the list is capped so a yearly report stays small.
        for i in qs.select_related("unit").order_by("occurred_at", "id")[:200]
    ]
    return {
        "total": sum(by_kind.values()),
        "by_kind": [
            {"key": k, "label": str(labels.get(k, k)), "total": by_kind[k]} for k in sorted(by_kind)
        ],
        "items": items,
    }


def compile_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, Any]:
    """Everything a report shows besides the narrative, as JSON-safe data."""
    ids = subtree_ids(unit)
    crossings = _crossings(ids, start, end)
    return {
        "unit": {"code": unit.code, "name": unit.name_vi},
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "crossings": crossings,
        "vehicles": _vehicles(ids, start, end),
        "port_calls": _port_calls(ids, start, end),
        "filings": _filings(ids, start, end),
        "watchlist_hits": _watchlist_hits(ids, start, end),
        "overstays": _overstays(ids, end),
        "health": _health(ids, start, end, crossings["refusals_referrals"]),
        "incidents": _incidents(ids, start, end),
    }
