"""Reads of the resolutions app, already scoped to the actor."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from bienphong.errors import NotFound
from bienphong.org.scoping import scope_paths, scope_queryset

from ..access import require_view
from ..models import (
    Attachment,
    Document,
    Inspection,
    Movement,
    Program,
    ProgramItem,
    Proposal,
    Resolution,
    ScoreSheet,
    Task,
)


def _ancestor_or_descendant(paths: list[str], field: str) -> Q:
    """Rows whose unit is in a scope subtree, or above it (a superior's resolution)."""
    conditions = []
    for path in paths:
        conditions.append(Q(**{f"{field}__startswith": path}))
        parts = path.strip("/").split("/")
        ancestors = ["/" + "/".join(parts[:i]) + "/" for i in range(1, len(parts))]
        if ancestors:
            conditions.append(Q(**{f"{field}__in": ancestors}))
    return reduce(or_, conditions) if conditions else Q(pk__in=[])


def resolution_list(*, actor: Any) -> QuerySet[Resolution]:
    require_view(actor)
    return Resolution.objects.filter(
        _ancestor_or_descendant(scope_paths(actor), "unit__path")
    ).select_related("unit")


def resolution_get(*, actor: Any, pk: int) -> Resolution:
    found = resolution_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def program_list(*, actor: Any, resolution: Resolution) -> QuerySet[Program]:
    require_view(actor)
    return scope_queryset(Program.objects.filter(resolution=resolution), actor).select_related(
        "unit", "parent__unit", "document"
    )


def item_get(*, actor: Any, pk: int) -> ProgramItem:
    require_view(actor)
    found = (
        scope_queryset(ProgramItem.objects.all(), actor, unit_field="program__unit")
        .select_related("program__unit", "program__resolution", "area", "parent")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def task_list(*, actor: Any, resolution: Resolution | None = None) -> QuerySet[Task]:
    require_view(actor)
    qs = scope_queryset(Task.objects.all(), actor).select_related(
        "unit", "owner", "item__program", "item__area", "recommendation__inspection"
    )
    if resolution is not None:
        qs = qs.filter(
            Q(item__program__resolution=resolution)
            | Q(recommendation__inspection__resolution=resolution)
        )
    return qs


def overdue_tasks(
    actor: Any, params: Mapping[str, Any], today: date | None = None
) -> QuerySet[Task]:
    """Open tasks past their deadline: the home page's list and its export."""
    today = today or timezone.localdate()
    return task_list(actor=actor).filter(completed_on__isnull=True, deadline__lt=today)


def task_get(*, actor: Any, pk: int) -> Task:
    found = task_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def inspection_list(*, actor: Any) -> QuerySet[Inspection]:
    require_view(actor)
    qs = Inspection.objects.select_related("inspecting_unit", "inspected_unit")
    return scope_queryset(qs, actor, unit_field="inspected_unit") | scope_queryset(
        qs, actor, unit_field="inspecting_unit"
    )


def inspection_get(*, actor: Any, pk: int) -> Inspection:
    found = inspection_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def movement_list(*, actor: Any) -> QuerySet[Movement]:
    require_view(actor)
    return Movement.objects.filter(
        _ancestor_or_descendant(scope_paths(actor), "unit__path")
    ).select_related("unit")


def movement_get(*, actor: Any, pk: int) -> Movement:
    found = movement_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def sheet_list(*, actor: Any, movement: Movement) -> QuerySet[ScoreSheet]:
    require_view(actor)
    return scope_queryset(
        ScoreSheet.objects.filter(registration__movement=movement),
        actor,
        unit_field="registration__unit",
    ).select_related("registration__unit", "registration__person")


def sheet_get(*, actor: Any, pk: int) -> ScoreSheet:
    require_view(actor)
    found = (
        scope_queryset(ScoreSheet.objects.all(), actor, unit_field="registration__unit")
        .select_related("registration__unit", "registration__movement__unit")
        .prefetch_related("lines__criterion")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def proposal_list(*, actor: Any) -> QuerySet[Proposal]:
    """Proposals held by, made by or about units in the actor's scope."""
    require_view(actor)
    qs = Proposal.objects.select_related(
        "holder", "proposing_unit", "nominee_unit", "nominee_person"
    )
    return (
        scope_queryset(qs, actor, unit_field="holder")
        | scope_queryset(qs, actor, unit_field="proposing_unit")
    ).distinct()


def proposal_get(*, actor: Any, pk: int) -> Proposal:
    found = proposal_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def document_list(*, actor: Any, resolution: Resolution | None = None) -> QuerySet[Document]:
    """Documents of visible resolutions issued by a unit in scope or above it."""
    qs = (
        Document.objects.filter(_ancestor_or_descendant(scope_paths(actor), "unit__path"))
        .filter(resolution__in=resolution_list(actor=actor))
        .select_related("unit", "resolution")
        .prefetch_related("attachments")
    )
    return qs.filter(resolution=resolution) if resolution is not None else qs


def document_get(*, actor: Any, pk: int) -> Document:
    found = document_list(actor=actor).filter(pk=pk).first()
    if found is None:
        raise NotFound()
    return found


def attachment_get(*, actor: Any, pk: int) -> Attachment:
    """An attachment, only for those who can see the object it belongs to."""
    require_view(actor)
    found = Attachment.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound()
    if found.task_id is not None:
        task_get(actor=actor, pk=found.task_id)
    elif found.proposal_id is not None:
        proposal_get(actor=actor, pk=found.proposal_id)
    else:
        document_get(actor=actor, pk=found.document_id)  # type: ignore[arg-type]
    return found
