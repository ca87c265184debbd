"""Reads: measures for everyone internal; declarations scoped to the gates of the
actor's units (declarations naming no gate are visible to every reader), each staff view
of a declaration logged."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.errors import ValidationFailed
from bienphong.exports.params import choice_param, param
from bienphong.org.scoping import get_in_scope, scope_paths

from . import codes
from .access import DECLARATION_READ_ROLES, INTERNAL_ROLES, require
from .inputs import parse_date
from .models import Direction, HealthDeclaration, HealthMeasure, Source


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


def _date_filter(params: Mapping[str, Any], name: str) -> date | None:
    text = param(params, name, max_length=10)
    parsed = parse_date(text)
    if text and parsed is None:
        raise ValidationFailed(fields={name: [_("Enter a date as YYYY-MM-DD.")]})
    return parsed


def declarations_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[HealthDeclaration]:
    """The declaration list screen's filters (and its export's): gate, direction, planned
    dates, symptoms yes/no, source, name or document number (``q``)."""
    symptoms = choice_param(params, "symptoms", ["yes", "no"])
    return declaration_list(
        actor=actor,
        gate=param(params, "gate", max_length=32),
        direction=choice_param(params, "direction", Direction.values),
        planned_from=_date_filter(params, "planned_from"),
        planned_until=_date_filter(params, "planned_until"),
        symptoms={"yes": True, "no": False}.get(symptoms),
        source=choice_param(params, "source", Source.values),
        query=param(params, "q"),
    )


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
