"""Reads: measures for everyone internal; declarations scoped to the gates of the
actor's units (declarations naming no gate are visible to every reader), each staff view
of a declaration logged."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from bienphong.audit import services as audit
from bienphong.org.scoping import get_in_scope, scope_paths

from . import codes
from .access import DECLARATION_READ_ROLES, INTERNAL_ROLES, require
from .models import HealthDeclaration, HealthMeasure


def measure_list(*, actor: Any, active: bool | None = None) -> QuerySet[HealthMeasure]:
    require(actor, INTERNAL_ROLES)
    qs = HealthMeasure.objects.select_related("owner_unit").prefetch_related("gates")
    if active is not None:
        qs = qs.filter(is_active=active)
    return qs


def measure_get(*, actor: Any, pk: int) -> HealthMeasure:
    return get_in_scope(measure_list(actor=actor), actor, pk=pk)


def declaration_list(
    *,
    actor: Any,
    code: str = "",
    gate: str = "",
    direction: str = "",
    planned_from: date | None = None,
    planned_until: date | None = None,
    symptoms: bool | None = None,
    source: str = "",
    query: str = "",
) -> QuerySet[HealthDeclaration]:
    require(actor, DECLARATION_READ_ROLES)
    paths = scope_paths(actor)
    visible = Q(gate__isnull=True)
    for path in paths:
        visible |= Q(gate__path__startswith=path)
    qs = HealthDeclaration.objects.select_related("gate", "created_by").filter(
        visible, anonymised_at__isnull=True
    )
    if code:
        qs = qs.filter(code=codes.normalise(code))
    if gate:
        qs = qs.filter(gate__code=gate)
    if direction:
        qs = qs.filter(direction=direction)
    if planned_from:
        qs = qs.filter(planned_date__gte=planned_from)
    if planned_until:
        qs = qs.filter(planned_date__lte=planned_until)
    if symptoms is True:
        qs = qs.exclude(symptoms=[]).exclude(symptoms__isnull=True)
    elif symptoms is False:
        qs = qs.filter(symptoms=[])
    if source:
        qs = qs.filter(source=source)
    query = " ".join(query.split())
    if query:
        qs = qs.filter(
            Q(full_name__icontains=query) | Q(document_number=query.replace(" ", "").upper())
        )
    return qs.order_by("-created_at", "-pk")


def declaration_get(*, actor: Any, code: str) -> HealthDeclaration:
    """A declaration by its code, if the actor may see it; the view is logged."""
    declaration = get_in_scope(declaration_list(actor=actor), actor, code=codes.normalise(code))
    audit.record_view(actor=actor, obj=declaration, event="health.declaration.view")
    return declaration


def declaration_by_code(code: str, *, actor: Any = None) -> HealthDeclaration | None:
    """The (not anonymised) declaration with reference ``code``, or ``None``.

    Case-insensitive and tolerant of spaces and dashes (``abcd-efg2`` finds
    ``ABCDEFG2``). Not scoped: the checkpoint calls it with the code the traveller shows.
    When ``actor`` is given the view is written to the audit chain.
    """
    normalised = codes.normalise(code)
    if not codes.is_valid(normalised):
        return None
    declaration = (
        HealthDeclaration.objects.select_related("gate")
        .filter(code=normalised, anonymised_at__isnull=True)
        .first()
    )
    if declaration is not None and actor is not None:
        audit.record_view(actor=actor, obj=declaration, event="health.declaration.view")
    return declaration
