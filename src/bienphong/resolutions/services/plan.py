"""Resolutions, areas, targets, documents, cascaded programs, tasks and reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bienphong.errors import Conflict, ValidationFailed
from bienphong.org.models import Unit, User
from bienphong.org.scoping import require_write, unit_in_scope

from ..access import NOT_IN_CHAIN, is_superior, require_command, require_plan
from ..attachments import check_upload
from ..indicators import registry
from ..models import (
    Area,
    Assessment,
    Attachment,
    Document,
    Milestone,
    Program,
    ProgramItem,
    ProgressReport,
    ProgressUpdate,
    Proposal,
    Resolution,
    Target,
    Task,
)
from .common import audit_create, audit_update, field_error, save, snapshot

OWNER_OUTSIDE_UNIT = _("The owner must belong to the task's unit or a unit above it.")
UNIT_OUTSIDE_PROGRAM = _("A task belongs to the program's unit or a unit below it.")
AREA_MISMATCH = _("An item serves the same area as the item it implements.")
PARENT_REQUIRED = _("Below the issuing unit, an item implements an item of the superior's program.")
UNKNOWN_INDICATOR = _("No such indicator.")
DONE_ALREADY = _("This task is already done.")
PROGRESS_BACKWARDS = _("Progress cannot go back below the last reported value without a comment.")


@transaction.atomic
def resolution_create(*, actor: Any, unit: Unit, **fields: Any) -> Resolution:
    require_command(actor, unit)
    resolution = Resolution(unit=unit, **fields)
    save(resolution)
    audit_create(actor, "resolution.create", resolution)
    return resolution


@transaction.atomic
def area_create(*, actor: Any, resolution: Resolution, **fields: Any) -> Area:
    require_command(actor, resolution.unit)
    area = Area(resolution=resolution, **fields)
    save(area)
    audit_create(actor, "area.create", area)
    return area


@transaction.atomic
def target_create(*, actor: Any, resolution: Resolution, **fields: Any) -> Target:
    require_command(actor, resolution.unit)
    target = Target(resolution=resolution, **fields)
    if target.indicator and target.indicator not in registry:
        raise field_error("indicator", UNKNOWN_INDICATOR)
    save(target)
    audit_create(actor, "target.create", target)
    return target


@transaction.atomic
def target_report_value(*, actor: Any, target: Target, value: Decimal) -> Target:
    """A value typed in for a target not measured from live data (attributed)."""
    require_command(actor, target.resolution.unit)
    if target.indicator:
        raise Conflict(_("This target is measured from live data."))
    before = snapshot(target)
    target.manual_value, target.manual_value_by, target.manual_value_at = (
        value,
        actor,
        timezone.now(),
    )
    save(target)
    audit_update(actor, "target.report_value", target, before)
    return target


@transaction.atomic
def document_create(*, actor: Any, resolution: Resolution, unit: Unit, **fields: Any) -> Document:
    require_plan(actor, unit)
    document = Document(resolution=resolution, unit=unit, **fields)
    save(document)
    audit_create(actor, "document.create", document)
    return document


@transaction.atomic
def attachment_add(
    *,
    actor: Any,
    name: str,
    data: bytes,
    document: Document | None = None,
    task: Task | None = None,
    proposal: Proposal | None = None,
) -> Attachment:
    """Attach a checked file (size, extension, content) to exactly one owner."""
    unit = (
        document.unit
        if document is not None
        else task.unit
        if task is not None
        else proposal.holder
        if proposal is not None
        else None
    )
    if unit is None:
        raise ValidationFailed(fields={"__all__": [str(_("Attach the file to something."))]})
    require_plan(actor, unit)
    content_type, digest = check_upload(name, data)
    attachment = Attachment(
        document=document,
        task=task,
        proposal=proposal,
        original_name=name[:200],
        content_type=content_type,
        size=len(data),
        sha256=digest,
        uploaded_by=actor,
    )
    attachment.file.save(name, ContentFile(data), save=False)
    save(attachment)
    audit_create(actor, "attachment.create", attachment)
    return attachment


@transaction.atomic
def program_create(
    *,
    actor: Any,
    resolution: Resolution,
    unit: Unit,
    title: str,
    parent: Program | None = None,
    document: Document | None = None,
) -> Program:
    """A unit's program; below the issuing unit it is built from a superior's program."""
    require_plan(actor, unit)
    if parent is None and unit.pk != resolution.unit_id:
        raise field_error("parent", PARENT_REQUIRED)
    if parent is not None and (
        parent.resolution_id != resolution.pk or not is_superior(parent.unit, unit)
    ):
        raise field_error("parent", NOT_IN_CHAIN)
    program = Program(
        resolution=resolution, unit=unit, title=title, parent=parent, document=document
    )
    save(program)
    audit_create(actor, "program.create", program)
    return program


@transaction.atomic
def item_create(
    *,
    actor: Any,
    program: Program,
    code: str,
    title: str,
    area: Area | None = None,
    parent: ProgramItem | None = None,
    weight: Decimal | int = 1,
    solutions: str = "",
    start: date | None = None,
    end: date | None = None,
) -> ProgramItem:
    """An item of ``program``. Below the issuing unit it must implement an item of a
    program in the unit's chain of command (a superior's), and serves that item's area."""
    require_plan(actor, program.unit)
    if parent is not None:
        if parent.program.resolution_id != program.resolution_id or not is_superior(
            parent.program.unit, program.unit
        ):
            raise field_error("parent", NOT_IN_CHAIN)
        if area is not None and area.pk != parent.area_id:
            raise field_error("area", AREA_MISMATCH)
        area = parent.area
    elif program.parent_id is not None:
        raise field_error("parent", PARENT_REQUIRED)
    if area is None or area.resolution_id != program.resolution_id:
        raise field_error("area", _("Choose an area of this resolution."))
    item = ProgramItem(
        program=program,
        area=area,
        parent=parent,
        code=code,
        title=title,
        weight=Decimal(weight),
        solutions=solutions,
        start=start,
        end=end,
    )
    save(item)
    audit_create(actor, "item.create", item)
    return item


def _owner_fits(owner: User, unit: Unit) -> bool:
    return any(
        m.unit is not None and unit.path.startswith(m.unit.path)
        for m in owner.memberships.select_related("unit")
    )


@transaction.atomic
def task_create(
    *,
    actor: Any,
    unit: Unit,
    owner: User,
    title: str,
    start: date,
    deadline: date,
    item: ProgramItem | None = None,
    recommendation: Any = None,
    weight: Decimal | int = 1,
    milestones: list[tuple[str, date]] | None = None,
) -> Task:
    require_plan(actor, unit)
    if item is not None and not unit.path.startswith(item.program.unit.path):
        raise field_error("unit", UNIT_OUTSIDE_PROGRAM)
    if not _owner_fits(owner, unit):
        raise field_error("owner", OWNER_OUTSIDE_UNIT)
    task = Task(
        item=item,
        recommendation=recommendation,
        unit=unit,
        owner=owner,
        title=title,
        start=start,
        deadline=deadline,
        weight=Decimal(weight),
    )
    if start and deadline and deadline < start:
        raise field_error("deadline", _("The deadline is before the start."))
    save(task)
    for milestone_title, due in milestones or []:
        Milestone.objects.create(task=task, title=milestone_title, due=due)
    audit_create(actor, "task.create", task, milestones=[m for m, _d in milestones or []])
    return task


def _require_task_update(actor: Any, task: Task) -> None:
    """Command staff anywhere in scope; a post commander for the post's own tasks;
    the owner of the task."""
    if task.owner_id == getattr(actor, "pk", None) and unit_in_scope(actor, task.unit):
        require_write(actor, task.unit)
        return
    require_plan(actor, task.unit)


@transaction.atomic
def task_update_progress(
    *,
    actor: Any,
    task: Task,
    progress: int,
    comment: str = "",
    completed_on: date | None = None,
    today: date | None = None,
) -> ProgressUpdate:
    """Report progress; 100 % closes the task on ``completed_on`` (default today)."""
    _require_task_update(actor, task)
    if task.completed_on is not None:
        raise Conflict(DONE_ALREADY)
    if not 0 <= progress <= 100:
        raise field_error("progress", _("Progress is a percentage from 0 to 100."))
    if progress < task.progress and not comment.strip():
        raise field_error("comment", PROGRESS_BACKWARDS)
    today = today or timezone.localdate()
    before = snapshot(task)
    update = ProgressUpdate(task=task, author=actor, progress=progress, comment=comment)
    save(update)
    task.progress = progress
    if progress == 100:
        task.completed_on = completed_on or today
        if task.completed_on > today:
            raise field_error("completed_on", _("The completion date is in the future."))
    save(task)
    audit_update(actor, "task.progress", task, before, comment=comment)
    return update


@transaction.atomic
def milestone_add(*, actor: Any, task: Task, title: str, due: date) -> Milestone:
    require_plan(actor, task.unit)
    milestone = Milestone(task=task, title=title, due=due)
    save(milestone)
    audit_create(actor, "milestone.create", milestone)
    return milestone


@transaction.atomic
def milestone_done(*, actor: Any, milestone: Milestone, done_on: date) -> Milestone:
    _require_task_update(actor, milestone.task)
    before = snapshot(milestone)
    milestone.done_on = done_on
    save(milestone)
    audit_update(actor, "milestone.done", milestone, before)
    return milestone


@transaction.atomic
def assessment_add(
    *,
    actor: Any,
    progress: int,
    comment: str,
    area: Area | None = None,
    item: ProgramItem | None = None,
) -> Assessment:
    """A manual assessment: stored beside the computed value, never replacing it."""
    unit = item.program.unit if item is not None else area.resolution.unit if area else None
    if unit is None:
        raise ValidationFailed(fields={"__all__": [str(_("Assess an area or an item."))]})
    require_plan(actor, unit)
    if not comment.strip():
        raise field_error("comment", _("Say what the assessment is based on."))
    assessment = Assessment(
        area=area, item=item, progress=progress, comment=comment, assessed_by=actor
    )
    save(assessment)
    audit_create(actor, "assessment.create", assessment)
    return assessment


@transaction.atomic
def report_submit(
    *, actor: Any, resolution: Resolution, unit: Unit, period_end: date
) -> ProgressReport:
    """Freeze the unit's progress as of now into a report snapshot."""
    from ..selectors.progress import report_data

    require_plan(actor, unit)
    if ProgressReport.objects.filter(
        resolution=resolution, unit=unit, period_end=period_end
    ).exists():
        raise Conflict(_("A report for this period has already been submitted."))
    report = ProgressReport(
        resolution=resolution,
        unit=unit,
        period_end=period_end,
        submitted_by=actor,
        data=report_data(resolution=resolution, unit=unit, today=period_end),
    )
    save(report)
    audit_create(actor, "report.submit", report)
    return report
