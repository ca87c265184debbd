"""Dashboards and tasks."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import selectors, services
from ..access import VIEW_ROLES, can_plan
from ..models import ProgressReport, SheetState
from ..selectors import progress as progress_selectors
from .common import STATUS_CLASSES, _errors, _home_unit


@internal_view(*VIEW_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    today = timezone.localdate()
    resolutions = list(selectors.resolution_list(actor=actor))
    open_tasks = selectors.overdue_tasks(actor, request.GET, today=today)
    return render(
        request,
        "resolutions/index.html",
        {
            "resolutions": resolutions,
            "can_create": has_role(actor, Role.COMMAND_STAFF),
            "overdue": open_tasks[:50],
            "movements": selectors.movement_list(actor=actor),
            "proposals": selectors.proposal_list(actor=actor)[:20],
        },
    )


@internal_view(*VIEW_ROLES)
def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=pk)
    code = request.GET.get("unit", "")
    unit = units_in_scope(actor).filter(code=code).first() if code else None
    unit = unit or _home_unit(actor, resolution)
    if unit is None:
        raise NotFound()
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            period_end = parse_date(request.POST.get("period_end", "")) or today
            report = services.report_submit(
                actor=actor, resolution=resolution, unit=unit, period_end=period_end
            )
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            errors = _errors(error)
        else:
            return redirect("resolution_report", pk=report.pk, fmt="pdf")
    state = progress_selectors.progress(resolution=resolution, unit=unit, today=today)
    movements = list(selectors.movement_list(actor=actor)[:3])
    rankings = []
    for movement in movements:
        periods = (
            selectors.sheet_list(actor=actor, movement=movement)
            .filter(state=SheetState.LOCKED)
            .values_list("period", flat=True)
            .order_by("-period")
        )
        if periods:
            rankings.append(
                (
                    movement,
                    periods[0],
                    progress_selectors.ranking(movement=movement, period=periods[0]),
                )
            )
    return render(
        request,
        "resolutions/dashboard.html",
        {
            "resolution": resolution,
            "unit": unit,
            "is_command_view": unit.pk == resolution.unit_id,
            "state": state,
            "rows": progress_selectors.flatten(state.areas),
            "targets": progress_selectors.targets(resolution=resolution, today=today)
            if unit.pk == resolution.unit_id
            else [],
            "overdue_by_unit": progress_selectors.overdue_by_unit(state.overdue),
            "status_classes": STATUS_CLASSES,
            "units": units_in_scope(actor),
            "rankings": rankings,
            "reports": ProgressReport.objects.filter(resolution=resolution, unit=unit)[:10],
            "can_submit": can_plan(actor, unit),
            "errors": errors,
            "today": today,
        },
    )


@internal_view(*VIEW_ROLES)
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=pk)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            if request.POST.get("form", "").startswith("milestone"):
                _milestone_post(request, actor, task)
            elif "file" in request.FILES:
                upload: Any = request.FILES["file"]
                services.attachment_add(
                    actor=actor, task=task, name=upload.name or "file", data=upload.read()
                )
            else:
                try:
                    value = int(request.POST.get("progress", ""))
                except ValueError:
                    raise ValidationFailed(
                        fields={"progress": [_("Progress is a percentage from 0 to 100.")]}
                    ) from None
                services.task_update_progress(
                    actor=actor,
                    task=task,
                    progress=value,
                    comment=request.POST.get("comment", ""),
                    completed_on=parse_date(request.POST.get("completed_on", "")),
                )
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            errors = _errors(error)
        else:
            return redirect("resolution_task", pk=task.pk)
    from bienphong.engines.tracking import classify

    status = classify(
        deadline=task.deadline, completed_on=task.completed_on, today=timezone.localdate()
    )
    return render(
        request,
        "resolutions/task.html",
        {
            "task": task,
            "status": status.value,
            "status_classes": STATUS_CLASSES,
            "milestones": task.milestones.all(),
            "can_plan": can_plan(actor, task.unit) and not has_role(actor, Role.AUDITOR),
            "updates": task.updates.select_related("author"),
            "attachments": task.attachments.all(),
            "can_update": task.completed_on is None
            and not has_role(actor, Role.AUDITOR)
            and (can_plan(actor, task.unit) or task.owner_id == actor.pk),
            "errors": errors,
            "form": request.POST,
        },
    )


def _milestone_post(request: HttpRequest, actor: Any, task: Any) -> None:
    """Add, edit or close a milestone of ``task`` (form ``milestone-add|edit|done``)."""
    from ..forms import MilestoneForm, run

    which = request.POST.get("form", "")
    milestone = None
    if which != "milestone-add":
        milestone = task.milestones.filter(pk=request.POST.get("milestone") or 0).first()
        if milestone is None:
            raise NotFound()
    if which == "milestone-done":
        assert milestone is not None
        done_on = parse_date(request.POST.get("done_on", "")) or timezone.localdate()
        services.milestone_done(actor=actor, milestone=milestone, done_on=done_on)
        return
    form = MilestoneForm(
        request.POST, instance=type(milestone).objects.get(pk=milestone.pk) if milestone else None
    )
    if which == "milestone-add":
        ok = run(form, lambda f: services.milestone_add(actor=actor, task=task, **f))
    else:
        assert milestone is not None
        edited = milestone
        ok = run(form, lambda f: services.milestone_update(actor=actor, milestone=edited, **f))
    if not ok:
        raise ValidationFailed(
            fields={
                f"milestone_{k}" if k != "__all__" else "milestone": [str(m) for m in v]
                for k, v in form.errors.items()
            }
        )
