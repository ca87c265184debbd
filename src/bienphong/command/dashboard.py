"""What the dashboard shows: charts (each with its table) and the live counters.

Charts are built from the same ``stats`` functions the API answers with, so a chart, its
table and ``/api/v1/stats/...`` for the same period show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from bienphong.org.roles import Role
from bienphong.org.scoping import has_role

from . import stats
from .period import Period

CHARTS = (
    # id, stats function, group_by, chart type, columns shown
    ("gate", "crossings", "gate", "bar", ("entries", "exits")),
    ("hour", "crossings", "hour", "line", ("entries", "exits")),
    ("nationality", "crossings", "nationality", "bar", ("total",)),
    ("document_type", "crossings", "document_type", "doughnut", ("total",)),
    ("reason", "crossings", "reason", "bar", ("refused", "referred")),
    ("vehicles", "vehicles", "gate", "bar", ("entries", "exits")),
)
_FUNCS = {
    "crossings": stats.crossing_stats,
    "vehicles": stats.vehicle_stats,
    "port-filings": stats.filing_stats,
}


def _titles() -> dict[str, str]:
    return {
        "gate": _("Crossings by gate"),
        "hour": _("Crossings by hour of day"),
        "nationality": _("Crossings by nationality"),
        "document_type": _("Crossings by document type"),
        "reason": _("Refusals and referrals by reason"),
        "vehicles": _("Vehicle crossings by gate"),
    }


def _column_labels() -> dict[str, str]:
    return {
        "entries": _("Entries"),
        "exits": _("Exits"),
        "total": _("Total"),
        "refused": _("Refused"),
        "referred": _("Referred"),
    }


def charts(unit_ids: list[int], period: Period) -> tuple[list[dict[str, Any]], list[Any]]:
    """The charts, and the period's crossings by direction (for ``totals``)."""
    titles, names = _titles(), _column_labels()
    crossing_groups = [group_by for _, source, group_by, *_ in CHARTS if source == "crossings"]
    period_args: dict[str, Any] = {
        "unit_ids": unit_ids,
        "date_from": period.date_from,
        "date_to": period.date_to,
    }
    # One pass per rollup table for all crossing charts (and the totals: "direction").
    breakdown = stats.crossing_breakdown(**period_args, group_bys=[*crossing_groups, "direction"])
    out = []
    for chart_id, source, group_by, kind, columns in CHARTS:
        if source == "crossings":
            rows = breakdown[group_by]
        else:
            rows = _FUNCS[source](**period_args, group_by=group_by)
        if chart_id == "reason":
            rows = [r for r in rows if r["key"]]  # admitted crossings have no reason
        query = urlencode(
            {"from": str(period.date_from), "to": str(period.date_to), "group_by": group_by}
        )
        out.append(
            {
                "id": chart_id,
                "title": titles[chart_id],
                "api": f"/api/v1/stats/{source}?{query}",
                "columns": [{"key": c, "label": names[c]} for c in columns],
                "rows": rows,
                "spec_id": f"spec-{chart_id}",
                "table": [
                    {"key": r["key"], "label": r["label"], "cells": [r[c] for c in columns]}
                    for r in rows
                ],
                "spec": {
                    "type": kind,
                    "labels": [r["label"] for r in rows],
                    "datasets": [
                        {"label": names[c], "data": [r[c] for r in rows]} for c in columns
                    ],
                },
            }
        )
    return out, breakdown["direction"]


def totals(unit_ids: list[int], period: Period, current: list[Any] | None = None) -> dict[str, Any]:
    """The period's totals (from ``current``, the rows by direction, when already
    counted) and the same period last year."""

    def total(p: Period, rows: list[Any] | None = None) -> dict[str, int]:
        if rows is None:
            rows = stats.crossing_stats(
                unit_ids=unit_ids, date_from=p.date_from, date_to=p.date_to, group_by="direction"
            )
        sums = dict.fromkeys(("entries", "exits", "refused", "referred", "total"), 0)
        for row in rows:
            for key in sums:
                sums[key] += row[key]
        return sums

    now, before = total(period, current), total(period.last_year)
    change = (
        round((now["total"] - before["total"]) * 100 / before["total"], 1)
        if before["total"]
        else None
    )
    return {"now": now, "last_year": before, "change": change, "last_period": period.last_year}


def live(actor: Any, unit_ids: list[int]) -> dict[str, Any]:
    """Today's numbers and the queues: refreshed by htmx without reloading the page."""
    from bienphong.checkpoint.selectors import overdue_vehicles, overstays
    from bienphong.ports.selectors import queue

    today = timezone.localdate()
    rows = stats.crossing_stats(
        unit_ids=unit_ids, date_from=today, date_to=today, group_by="decision"
    )
    counts = dict.fromkeys(("entries", "exits", "refused", "referred", "total"), 0)
    for row in rows:
        for key in counts:
            counts[key] += row[key]
    pending = list(queue(actor).filter(port_id__in=unit_ids).values_list("due_at", flat=True))
    now = timezone.now()
    tiles: dict[str, Any] = {
        "today": counts,
        "filings_pending": len(pending),
        "filings_overdue": sum(1 for due in pending if due is not None and due < now),
        "overstays": overstays(actor=actor).filter(entry_unit_id__in=unit_ids).count(),
        "overdue_vehicles": overdue_vehicles(actor=actor).filter(unit_id__in=unit_ids).count(),
        "health": health_outcomes(unit_ids, today),
        "links": _links(actor, today),
        "updated": timezone.localtime(now),
    }
    tiles["hits_pending"] = _hits_pending(actor, unit_ids)
    return tiles


def _hits_pending(actor: Any, unit_ids: list[int]) -> int | None:
    from bienphong.watchlists.models import HitStatus
    from bienphong.watchlists.selectors import hit_list

    if not has_role(actor, Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF):
        return None
    return hit_list(actor=actor, status=HitStatus.PENDING).filter(unit_id__in=unit_ids).count()


def health_outcomes(unit_ids: list[int], day: Any) -> dict[str, int]:
    """Health-rule outcomes recorded on today's crossings (the ``checks`` snapshot)."""
    from .rollup import LOCAL_TZ, current_crossings

    start = dt.datetime.combine(day, dt.time.min, tzinfo=LOCAL_TZ)
    qs = current_crossings().filter(unit_id__in=unit_ids, at__gte=start)
    counts = {"ok": 0, "warning": 0, "block": 0}
    for checks in qs.exclude(lane="demo").values_list("checks", flat=True).iterator():
        for item in (checks or {}).get("items", []):
            if item.get("code") == "health" and item.get("status") in counts:
                counts[item["status"]] += 1
    return counts


def _links(actor: Any, today: Any) -> dict[str, str]:
    day = today.isoformat()
    return {
        "crossings": reverse("checkpoint_crossings") + f"?date_from={day}&date_to={day}",
        "refused": reverse("checkpoint_crossings")
        + f"?decision=refused&date_from={day}&date_to={day}",
        "referred": reverse("checkpoint_crossings")
        + f"?decision=referred&date_from={day}&date_to={day}",
        "overstays": reverse("checkpoint_overstays"),
        "vehicles": reverse("checkpoint_vehicles"),
        "hits": reverse("watchlist_hits") + "?status=pending",
        "filings": reverse("ports_queue"),
    }
