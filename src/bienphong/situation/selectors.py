"""Reads of the situation app, already scoped to the actor's units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet

from bienphong.audit import services as audit
from bienphong.org.scoping import get_in_scope, scope_queryset

from .models import Incident, IncidentAttachment, SituationReport

TZ = "Asia/Ho_Chi_Minh"


@dataclass
class IncidentFilters:
    kind: str = ""
    status: str = ""
    unit: str = ""  # unit code; its subtree is included
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def local_day_bounds(date_from: dt.date, date_to: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of local days in Asia/Ho_Chi_Minh, as aware datetimes."""
    tz = ZoneInfo(TZ)
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    return start, end


def incidents(actor: Any, filters: IncidentFilters | None = None) -> QuerySet[Incident]:
    qs = scope_queryset(Incident.objects.select_related("unit", "recorded_by"), actor)
    f = filters or IncidentFilters()
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.unit:
        qs = qs.filter(unit__path__contains=f"/{f.unit}/")
    if f.date_from:
        qs = qs.filter(occurred_at__gte=local_day_bounds(f.date_from, f.date_from)[0])
    if f.date_to:
        qs = qs.filter(occurred_at__lt=local_day_bounds(f.date_to, f.date_to)[1])
    return qs


def incident_get(*, actor: Any, pk: int) -> Incident:
    return get_in_scope(incidents(actor), actor, pk=pk)


def incident_view(*, actor: Any, pk: int) -> Incident:
    """Fetch an incident to show it in full; the people involved make it personal data."""
    incident = incident_get(actor=actor, pk=pk)
    audit.record_view(actor=actor, obj=incident, event="situation.incident.view")
    return incident


def attachment_get(*, actor: Any, pk: int) -> IncidentAttachment:
    qs = scope_queryset(
        IncidentAttachment.objects.select_related("incident__unit"),
        actor,
        unit_field="incident__unit",
    )
    return get_in_scope(qs, actor, pk=pk)


def open_incidents(actor: Any, limit: int = 10) -> list[Incident]:
    return list(incidents(actor).exclude(status="closed")[:limit])


def reports(
    actor: Any, *, unit: str = "", period_kind: str = "", status: str = ""
) -> QuerySet[SituationReport]:
    qs = scope_queryset(
        SituationReport.objects.select_related("unit", "author", "decided_by"), actor
    )
    if unit:
        qs = qs.filter(unit__code=unit)
    if period_kind:
        qs = qs.filter(period_kind=period_kind)
    if status:
        qs = qs.filter(status=status)
    return qs


def report_get(*, actor: Any, pk: int) -> SituationReport:
    return get_in_scope(reports(actor), actor, pk=pk)


def incidents_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[Incident]:
    """The list screen's filters (``kind``, ``status``, ``unit``, ``from``, ``to``) from a
    query string; the screen and the CSV/XLSX export share it. Bad values name the field."""
    from bienphong.exports.params import choice_param, date_param, param

    from .models import IncidentKind, IncidentStatus

    filters = IncidentFilters(
        kind=choice_param(params, "kind", IncidentKind.values),
        status=choice_param(params, "status", IncidentStatus.values),
        unit=param(params, "unit", max_length=32),
        date_from=date_param(params, "from"),
        date_to=date_param(params, "to"),
    )
    return incidents(actor, filters)


def reports_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[SituationReport]:
    from bienphong.exports.params import choice_param, param

    from .models import PeriodKind, ReportStatus

    return reports(
        actor,
        unit=param(params, "unit", max_length=32),
        period_kind=choice_param(params, "kind", PeriodKind.values),
        status=choice_param(params, "status", ReportStatus.values),
    )
