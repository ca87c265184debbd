"""Emulation movements, score sheets and commendation proposals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from bienphong.errors import Conflict, PermissionDenied, ValidationFailed
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, memberships, request_user
from bienphong.web.decorators import internal_view

from .. import selectors, services
from ..access import VIEW_ROLES, can_plan, holds_at, is_superior
from ..eligibility import hints_for
from ..models import ProposalState, Registration, SheetState
from ..selectors import progress as progress_selectors
from .common import _errors
from .movements import organise


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
    done, organising = organise(request, actor, movement)
    if done:
        return redirect(f"{request.path}?period={period}")
    if request.method == "POST" and not request.POST.get("form"):
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
            **organising,
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
            if "file" in request.FILES:
                upload: Any = request.FILES["file"]
                services.attachment_add(
                    actor=actor, proposal=proposal, name=upload.name or "file", data=upload.read()
                )
            elif action == "forward":
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
            "attachments": proposal.attachments.all(),
            "can_attach": can_plan(actor, proposal.holder) and not has_role(actor, Role.AUDITOR),
            "errors": errors,
            "today": timezone.localdate(),
        },
    )
