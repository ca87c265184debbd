"""Reads for the checkpoint, scoped to the actor's units."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from bienphong.audit import services as audit
from bienphong.exports.params import choice_param, date_param, param
from bienphong.org.scoping import get_in_scope, scope_queryset

from .models import (
    Crossing,
    Decision,
    Direction,
    Stay,
    Traveller,
    VehicleCrossing,
    VehiclePermit,
)


def current_crossings() -> QuerySet[Crossing]:
    """Crossings not superseded by a correction."""
    return Crossing.objects.filter(correction__isnull=True)


def crossing_list(
    *,
    actor: Any,
    gate: str = "",
    direction: str = "",
    decision: str = "",
    nationality: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    query: str = "",
) -> QuerySet[Crossing]:
    qs = scope_queryset(current_crossings(), actor, unit_field="unit").select_related(
        "traveller", "document", "unit", "officer"
    )
    if gate:
        qs = qs.filter(unit__code=gate)
    if direction:
        qs = qs.filter(direction=direction)
    if decision:
        qs = qs.filter(decision=decision)
    if nationality:
        qs = qs.filter(nationality=nationality.upper())
    tz = timezone.get_current_timezone()
    if date_from:
        qs = qs.filter(at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=tz))
    if date_to:
        qs = qs.filter(at__lte=dt.datetime.combine(date_to, dt.time.max, tzinfo=tz))
    if query:
        qs = qs.filter(
            Q(document__number=query.upper().replace(" ", ""))
            | Q(traveller__full_name__icontains=query)
        )
    return qs.order_by("-at", "-pk")


def crossing_filters(params: Mapping[str, Any]) -> dict[str, Any]:
    """The crossing list's filters from a query string; a bad one names its field."""
    return {
        "gate": param(params, "gate", max_length=32),
        "direction": choice_param(params, "direction", Direction.values),
        "decision": choice_param(params, "decision", Decision.values),
        "nationality": param(params, "nationality", max_length=3),
        "query": param(params, "q"),
        "date_from": date_param(params, "date_from"),
        "date_to": date_param(params, "date_to"),
    }


def crossings_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[Crossing]:
    """The crossing list screen and its export: the same filters, the same scope."""
    return crossing_list(actor=actor, **crossing_filters(params))


def crossing_get(*, actor: Any, pk: int) -> Crossing:
    crossing = get_in_scope(
        scope_queryset(
            Crossing.objects.select_related("traveller", "document", "unit"),
            actor,
            unit_field="unit",
        ),
        actor,
        pk=pk,
    )
    audit.record_view(actor=actor, obj=crossing, event="checkpoint.crossing.view")
    return crossing


def today_counts(*, gate_code: str, lane: str = "") -> dict[str, int]:
    start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    qs = current_crossings().filter(unit__code=gate_code, at__gte=start)
    counts = {"entry": 0, "exit": 0, "refused": 0, "referred": 0, "lane": 0}
    for row in qs.values("direction", "decision", "lane").annotate(n=Count("pk")):
        if row["decision"] == Decision.ADMITTED:
            counts[row["direction"]] += row["n"]
        else:
            counts[row["decision"]] += row["n"]
        if lane and row["lane"] == lane:
            counts["lane"] += row["n"]
    return counts


def overstays(*, actor: Any, today: dt.date | None = None) -> QuerySet[Stay]:
    today = today or timezone.localdate()
    return (
        scope_queryset(
            Stay.objects.filter(exited_at__isnull=True, permitted_until__lt=today),
            actor,
            unit_field="entry_unit",
        )
        .select_related("traveller", "entry_unit")
        .order_by("permitted_until")
    )


def exits_without_entry(*, actor: Any) -> QuerySet[Crossing]:
    return crossing_list(actor=actor, direction=Direction.EXIT).filter(no_entry_record=True)


def traveller_get(*, actor: Any, pk: int) -> Traveller:
    """A traveller with at least one crossing in the actor's scope; the view is logged."""
    visible = scope_queryset(Crossing.objects.all(), actor, unit_field="unit")
    traveller = get_in_scope(
        Traveller.objects.filter(Exists(visible.filter(traveller=OuterRef("pk")))), actor, pk=pk
    )
    audit.record_view(actor=actor, obj=traveller, event="checkpoint.traveller.view")
    return traveller


def vehicle_crossing_list(*, actor: Any) -> QuerySet[VehicleCrossing]:
    return (
        scope_queryset(VehicleCrossing.objects.all(), actor, unit_field="unit")
        .select_related("vehicle", "unit", "driver__traveller", "permit")
        .order_by("-at", "-pk")
    )


def overdue_vehicles(*, actor: Any, today: dt.date | None = None) -> QuerySet[VehiclePermit]:
    """Foreign vehicles that entered on a permit and have not left by its deadline."""
    today = today or timezone.localdate()
    exited = VehicleCrossing.objects.filter(permit=OuterRef("pk"), direction=Direction.EXIT)
    return (
        scope_queryset(
            VehiclePermit.objects.filter(exit_deadline__lt=today).filter(~Exists(exited)),
            actor,
            unit_field="unit",
        )
        .select_related("vehicle", "unit")
        .order_by("exit_deadline")
    )
