"""Resolutions, progress, programs, items, tasks, assessments, reports, inspections."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import ValidationFailed
from bienphong.org.scoping import request_user, units_in_scope

from .. import selectors, services
from ..models import Area, Program, ProgramItem, ProgressReport
from ..selectors import progress as progress_selectors
from .common import _default_unit, _unit, _user, router
from .schemas import (
    AssessmentIn,
    AssessmentOut,
    AttachmentOut,
    InspectionIn,
    InspectionOut,
    ItemIn,
    ItemOut,
    ProgramIn,
    ProgramOut,
    ProgressIn,
    ProgressOut,
    ReportIn,
    ReportOut,
    ResolutionOut,
    TaskIn,
    TaskOut,
)


@router.get("/", response=list[ResolutionOut])
def resolution_list(request: HttpRequest) -> Any:
    """Resolutions the caller's units implement."""
    return selectors.resolution_list(actor=request_user(request))


@router.get("/tasks", response=list[TaskOut])
@paginate(LimitOffsetPagination)
def task_list(request: HttpRequest, resolution: int | None = None, status: str = "") -> Any:
    """Tasks in scope; `status` is one of done_on_time, done_late, open_within_deadline,
    open_overdue."""
    actor = request_user(request)
    res = selectors.resolution_get(actor=actor, pk=resolution) if resolution else None
    tasks = list(selectors.task_list(actor=actor, resolution=res))
    if status:
        tasks = [t for t in tasks if TaskOut.resolve_status(t) == status]
    return tasks


@router.get("/tasks/{task_id}", response=TaskOut)
def task_detail(request: HttpRequest, task_id: int) -> Any:
    return selectors.task_get(actor=request_user(request), pk=task_id)


@router.post("/tasks", response={201: TaskOut})
def task_create(request: HttpRequest, payload: TaskIn) -> Any:
    actor = request_user(request)
    item = selectors.item_get(actor=actor, pk=payload.item)
    task = services.task_create(
        actor=actor,
        item=item,
        unit=_unit(actor, payload.unit),
        owner=_user(payload.owner, "owner"),
        title=payload.title,
        start=payload.start,
        deadline=payload.deadline,
        weight=payload.weight,
    )
    return Status(201, task)


@router.post("/tasks/{task_id}/progress", response=TaskOut)
def task_progress(request: HttpRequest, task_id: int, payload: ProgressIn) -> Any:
    """Report progress on a task; 100 closes it."""
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=task_id)
    services.task_update_progress(
        actor=actor,
        task=task,
        progress=payload.progress,
        comment=payload.comment,
        completed_on=payload.completed_on,
    )
    return selectors.task_get(actor=actor, pk=task_id)


@router.post("/tasks/{task_id}/attachments", response={201: AttachmentOut})
def task_attach(request: HttpRequest, task_id: int, file: File[UploadedFile]) -> Any:
    """Evidence for a task: PDF, DOCX, XLSX, JPEG or PNG up to 10 MB, content-checked."""
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=task_id)
    attachment = services.attachment_add(
        actor=actor, task=task, name=file.name or "file", data=file.read()
    )
    return Status(201, attachment)


@router.post("/programs", response={201: ProgramOut})
def program_create(request: HttpRequest, payload: ProgramIn) -> Any:
    """A unit's program built from a superior's (`parent`), which must be in its chain
    of command."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=payload.resolution)
    parent = None
    if payload.parent is not None:
        # A superior's program may lie outside the caller's write scope: read it plainly,
        # the service checks the chain of command.
        parent = Program.objects.filter(pk=payload.parent, resolution=resolution).first()
        if parent is None:
            raise ValidationFailed(fields={"parent": [_("No such program.")]})
    program = services.program_create(
        actor=actor,
        resolution=resolution,
        unit=_unit(actor, payload.unit),
        title=payload.title,
        parent=parent,
    )
    return Status(201, program)


@router.post("/items", response={201: ItemOut})
def item_create(request: HttpRequest, payload: ItemIn) -> Any:
    actor = request_user(request)
    program = (
        Program.objects.select_related("unit", "resolution").filter(pk=payload.program).first()
    )
    if program is None or not units_in_scope(actor).filter(pk=program.unit_id).exists():
        raise ValidationFailed(fields={"program": [_("No such program.")]})
    parent = None
    if payload.parent is not None:
        parent = (
            ProgramItem.objects.select_related("program__unit").filter(pk=payload.parent).first()
        )
        if parent is None:
            raise ValidationFailed(fields={"parent": [_("No such item.")]})
    area = Area.objects.filter(pk=payload.area).first() if payload.area else None
    item = services.item_create(
        actor=actor,
        program=program,
        code=payload.code,
        title=payload.title,
        parent=parent,
        area=area,
        weight=payload.weight,
        solutions=payload.solutions,
    )
    return Status(201, item)


@router.get("/{resolution_id}/progress", response=ProgressOut)
def resolution_progress(request: HttpRequest, resolution_id: int, unit: str = "") -> Any:
    """The roll-up of the resolution over `unit`'s subtree (default: the whole
    resolution, or the caller's own unit). Every number carries its formula."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    scope_unit = _unit(actor, unit) if unit else _default_unit(actor, resolution)
    state = progress_selectors.progress(
        resolution=resolution, unit=scope_unit, today=timezone.localdate()
    )
    rows = []
    for row in progress_selectors.flatten(state.areas):
        obj = row.obj
        rows.append(
            {
                "kind": row.kind,
                "id": obj.pk,
                "code": getattr(obj, "code", ""),
                "title": obj.title,
                "unit": obj.program.unit.code
                if row.kind == "item"
                else (obj.unit.code if row.kind == "task" else ""),
                "depth": row.depth,
                "weight": row.weight,
                "value": round(row.value, 2),
                "formula": row.formula,
                "status": row.status,
                "assessment": row.assessment.progress if row.assessment else None,
                "assessed_by": str(row.assessment.assessed_by) if row.assessment else None,
            }
        )
    return {
        "resolution": resolution.code,
        "unit": scope_unit.code,
        "value": round(state.value, 2),
        "formula": state.formula,
        "status_counts": state.status_counts,
        "rows": rows,
        "overdue": [t.pk for t in state.overdue],
    }


@router.post("/{resolution_id}/assessments", response={201: AssessmentOut})
def assessment_create(request: HttpRequest, resolution_id: int, payload: AssessmentIn) -> Any:
    """A manual assessment of an area or an item: kept beside the computed value."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    area = resolution.areas.filter(pk=payload.area).first() if payload.area else None
    item = selectors.item_get(actor=actor, pk=payload.item) if payload.item else None
    if (area is None) == (item is None):
        raise ValidationFailed(fields={"area": [_("Assess an area or an item.")]})
    assessment = services.assessment_add(
        actor=actor, area=area, item=item, progress=payload.progress, comment=payload.comment
    )
    return Status(201, assessment)


@router.post("/{resolution_id}/reports", response={201: ReportOut})
def report_create(request: HttpRequest, resolution_id: int, payload: ReportIn) -> Any:
    """Submit a unit's periodic report: its progress frozen as of now."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    report = services.report_submit(
        actor=actor,
        resolution=resolution,
        unit=_unit(actor, payload.unit),
        period_end=payload.period_end,
    )
    return Status(201, report)


@router.get("/{resolution_id}/reports", response=list[ReportOut])
def report_list(request: HttpRequest, resolution_id: int) -> Any:
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    return ProgressReport.objects.filter(
        resolution=resolution, unit__in=units_in_scope(actor)
    ).select_related("unit", "submitted_by")


@router.post("/inspections", response={201: InspectionOut})
def inspection_create(request: HttpRequest, payload: InspectionIn) -> Any:
    """An inspection with its findings; each recommendation becomes a follow-up task."""
    actor = request_user(request)
    resolution = (
        selectors.resolution_get(actor=actor, pk=payload.resolution) if payload.resolution else None
    )
    inspection = services.inspection_create(
        actor=actor,
        resolution=resolution,
        inspecting_unit=_unit(actor, payload.inspecting_unit, "inspecting_unit"),
        inspected_unit=_unit(actor, payload.inspected_unit, "inspected_unit"),
        team=payload.team,
        scope=payload.scope,
        start=payload.start,
        end=payload.end,
    )
    for text in payload.findings:
        services.finding_add(actor=actor, inspection=inspection, text=text)
    for rec in payload.recommendations:
        services.recommendation_add(
            actor=actor,
            inspection=inspection,
            text=rec.text,
            owner=_user(rec.owner, "recommendations.owner"),
            start=rec.start,
            deadline=rec.deadline,
        )
    return Status(201, inspection)
