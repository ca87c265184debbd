"""Screens: dashboards, tasks, emulation, commendations, report exports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, memberships, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from . import exports, selectors, services
from .access import VIEW_ROLES, can_plan, holds_at, is_superior
from .eligibility import hints_for
from .models import ProgressReport, ProposalState, Registration, SheetState
from .selectors import progress as progress_selectors

STATUS_CLASSES = {
    "done_on_time": "ok",
    "done_late": "warn",
    "open_within_deadline": "",
    "open_overdue": "danger",
}


def _errors(error: Exception) -> dict[str, list[str]]:
    if isinstance(error, ValidationFailed):
        return error.fields or {"__all__": [str(error.message)]}
    return {"__all__": [str(getattr(error, "message", error))]}


def _home_unit(actor: Any, resolution: Any) -> Any:
    scope = units_in_scope(actor)
    if scope.filter(pk=resolution.unit_id).exists():
        return resolution.unit
    return scope.order_by("path").first()


@internal_view(*VIEW_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    today = timezone.localdate()
    resolutions = list(selectors.resolution_list(actor=actor))
    open_tasks = [
        t
        for t in selectors.task_list(actor=actor).filter(completed_on__isnull=True)
        if t.deadline < today
    ]
    return render(
        request,
        "resolutions/index.html",
        {
            "resolutions": resolutions,
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
            if "file" in request.FILES:
                upload = request.FILES.get("file")
                assert upload is not None and not isinstance(upload, list)
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
            "updates": task.updates.select_related("author"),
            "attachments": task.attachments.all(),
            "can_update": task.completed_on is None
            and not has_role(actor, Role.AUDITOR)
            and (can_plan(actor, task.unit) or task.owner_id == actor.pk),
            "errors": errors,
            "form": request.POST,
        },
    )


@internal_view(*VIEW_ROLES)
def movement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    movement = selectors.movement_get(actor=actor, pk=pk)
    criteria = list(movement.criteria.all())
    period = (
        request.GET.get("period") or request.POST.get("period") or str(timezone.localdate().year)
    )
    errors: dict[str, list[str]] = {}
    own = [
        r
        for r in Registration.objects.filter(movement=movement).select_related("unit")
        if holds_at(actor, r.unit, Role.POST_COMMANDER, Role.COMMAND_STAFF) and r.person_id is None
    ]
    if request.method == "POST":
        registration = next((r for r in own if str(r.pk) == request.POST.get("registration")), None)
        try:
            if registration is None:
                raise PermissionDenied()
            services.sheet_self_assess(
                actor=actor,
                registration=registration,
                period=period,
                points=_points(request, criteria),
            )
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            errors = _errors(error)
        else:
            return redirect(f"{request.path}?period={period}")
    sheets = selectors.sheet_list(actor=actor, movement=movement).filter(period=period)
    return render(
        request,
        "resolutions/movement.html",
        {
            "movement": movement,
            "criteria": criteria,
            "period": period,
            "own": own,
            "sheets": sheets,
            "ranking": progress_selectors.ranking(movement=movement, period=period),
            "errors": errors,
        },
    )


def _points(request: HttpRequest, criteria: list[Any]) -> dict[int, Decimal]:
    points: dict[int, Decimal] = {}
    for criterion in criteria:
        raw = request.POST.get(f"c{criterion.pk}", "").strip().replace(",", ".")
        if raw == "":
            continue
        try:
            points[criterion.pk] = Decimal(raw)
        except InvalidOperation:
            raise ValidationFailed(
                fields={f"points.{criterion.code}": [_("Enter a number.")]}
            ) from None
    return points


@internal_view(*VIEW_ROLES)
def sheet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    sheet = selectors.sheet_get(actor=actor, pk=pk)
    movement = sheet.registration.movement
    criteria = list(movement.criteria.all())
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "review":
                services.sheet_review(
                    actor=actor,
                    sheet=sheet,
                    points=_points(request, criteria),
                    comment=request.POST.get("comment", ""),
                )
            elif action == "approve":
                raw = request.POST.get("score", "").strip().replace(",", ".")
                try:
                    score = Decimal(raw) if raw else None
                except InvalidOperation:
                    raise ValidationFailed(fields={"score": [_("Enter a number.")]}) from None
                services.sheet_approve(
                    actor=actor, sheet=sheet, score=score, reason=request.POST.get("reason", "")
                )
            elif action == "lock":
                services.sheet_lock(actor=actor, sheet=sheet)
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            errors = _errors(error)
        else:
            return redirect("resolution_sheet", pk=sheet.pk)
    unit = sheet.registration.unit
    is_reviewer = any(
        m.unit is not None
        and is_superior(m.unit, unit)
        and m.role in (Role.POST_COMMANDER, Role.COMMAND_STAFF)
        for m in memberships(actor)
    )
    is_organiser = has_role(actor, Role.COMMAND_STAFF) and can_plan(actor, movement.unit)
    return render(
        request,
        "resolutions/sheet.html",
        {
            "sheet": sheet,
            "movement": movement,
            "lines": sheet.lines.select_related("criterion"),
            "can_review": is_reviewer
            and sheet.state in (SheetState.SUBMITTED, SheetState.REVIEWED),
            "can_approve": is_organiser and sheet.state == SheetState.REVIEWED,
            "can_lock": is_organiser and sheet.state == SheetState.APPROVED,
            "errors": errors,
        },
    )


@internal_view(*VIEW_ROLES)
def proposal_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    return render(
        request,
        "resolutions/proposals.html",
        {"proposals": selectors.proposal_list(actor=actor)},
    )


@internal_view(*VIEW_ROLES)
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=pk)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        comment = request.POST.get("comment", "")
        try:
            if action == "forward":
                services.proposal_forward(actor=actor, proposal=proposal, comment=comment)
            elif action == "return":
                services.proposal_return(actor=actor, proposal=proposal, comment=comment)
            elif action == "approve":
                services.proposal_approve(actor=actor, proposal=proposal, comment=comment)
            elif action == "decide":
                services.proposal_decide(
                    actor=actor,
                    proposal=proposal,
                    decision_number=request.POST.get("decision_number", ""),
                    decision_date=parse_date(request.POST.get("decision_date", ""))
                    or timezone.localdate(),
                )
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            errors = _errors(error)
        else:
            return redirect("resolution_proposal", pk=proposal.pk)
    holder = holds_at(actor, proposal.holder) and not has_role(actor, Role.AUDITOR)
    return render(
        request,
        "resolutions/proposal.html",
        {
            "proposal": proposal,
            "transitions": proposal.transitions.select_related("from_unit", "to_unit", "actor"),
            "can_forward": holder
            and proposal.holder.parent_id is not None
            and proposal.state
            in (ProposalState.DRAFT, ProposalState.FORWARDED, ProposalState.RETURNED),
            "can_return": holder
            and proposal.state in (ProposalState.FORWARDED, ProposalState.APPROVED),
            "can_approve": holder and proposal.state == ProposalState.FORWARDED,
            "can_decide": holder and proposal.state == ProposalState.APPROVED,
            "hints": hints_for(proposal),
            "errors": errors,
            "today": timezone.localdate(),
        },
    )


def _file(data: bytes, fmt: str, name: str) -> HttpResponse:
    types = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(data, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@internal_view(*VIEW_ROLES)
def proposal_decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=pk)
    if proposal.state != ProposalState.DECIDED:
        raise NotFound()
    audit.record(
        actor=actor, action=AuditAction.EXPORT, event="resolutions.decision.pdf", obj=proposal
    )
    return _file(exports.decision_pdf(proposal), "pdf", f"quyet-dinh-{proposal.pk}")


@internal_view(*VIEW_ROLES)
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A submitted (frozen) report as PDF or XLSX."""
    actor = request_user(request)
    report = ProgressReport.objects.select_related("resolution", "unit").filter(pk=pk).first()
    if report is None or not units_in_scope(actor).filter(pk=report.unit_id).exists():
        raise NotFound()
    return _export(
        actor, report.data, fmt, report, f"bao-cao-{report.unit.code}-{report.period_end}"
    )


@internal_view(*VIEW_ROLES)
def live_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The current state of a unit's progress (not frozen) as PDF or XLSX."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=pk)
    code = request.GET.get("unit", "")
    unit = units_in_scope(actor).filter(code=code).first() if code else None
    unit = unit or _home_unit(actor, resolution)
    if unit is None:
        raise NotFound()
    today: date = timezone.localdate()
    data = progress_selectors.report_data(resolution=resolution, unit=unit, today=today)
    return _export(actor, data, fmt, resolution, f"tien-do-{unit.code}-{today}")


def _export(actor: Any, data: dict[str, Any], fmt: str, obj: Any, name: str) -> HttpResponse:
    if fmt not in ("pdf", "xlsx"):
        raise NotFound()
    audit.record(actor=actor, action=AuditAction.EXPORT, event=f"resolutions.report.{fmt}", obj=obj)
    if fmt == "pdf":
        title = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT"
        return _file(exports.report_pdf(data, title=title), "pdf", name)
    return _file(exports.report_xlsx(data), "xlsx", name)
