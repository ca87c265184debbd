"""Emulation (score sheets, rankings) and commendation proposals."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Status

from bienphong.errors import ValidationFailed
from bienphong.org.scoping import request_user

from .. import selectors, services
from ..models import Registration
from ..selectors import progress as progress_selectors
from .common import _unit, _user, router
from .schemas import (
    ApproveIn,
    DecideIn,
    ProposalIn,
    ProposalOut,
    RankOut,
    SelfAssessIn,
    SheetIn,
    SheetOut,
    StepIn,
)


@router.get("/movements/{movement_id}/ranking", response=list[RankOut])
def movement_ranking(request: HttpRequest, movement_id: int, period: str) -> Any:
    """The published ranking: locked score sheets only."""
    actor = request_user(request)
    movement = selectors.movement_get(actor=actor, pk=movement_id)
    return [
        {
            "rank": entry.rank,
            "score": entry.score,
            "unit": sheet.registration.unit.code,
            "person": sheet.registration.person.username if sheet.registration.person else None,
        }
        for entry, sheet in progress_selectors.ranking(movement=movement, period=period)
    ]


@router.post("/sheets", response=SheetOut)
def sheet_self_assess(request: HttpRequest, payload: SelfAssessIn) -> Any:
    """The registered unit's self-assessment for a period (points per criterion id)."""
    actor = request_user(request)
    registration = (
        Registration.objects.select_related("unit", "movement")
        .filter(pk=payload.registration, movement__in=selectors.movement_list(actor=actor))
        .first()
    )
    if registration is None:
        raise ValidationFailed(fields={"registration": [_("No such registration.")]})
    return services.sheet_self_assess(
        actor=actor, registration=registration, period=payload.period, points=payload.points
    )


@router.post("/sheets/{sheet_id}/review", response=SheetOut)
def sheet_review(request: HttpRequest, sheet_id: int, payload: SheetIn) -> Any:
    actor = request_user(request)
    sheet = selectors.sheet_get(actor=actor, pk=sheet_id)
    return services.sheet_review(
        actor=actor, sheet=sheet, points=payload.points, comment=payload.comment
    )


@router.post("/sheets/{sheet_id}/approve", response=SheetOut)
def sheet_approve(request: HttpRequest, sheet_id: int, payload: ApproveIn) -> Any:
    actor = request_user(request)
    sheet = selectors.sheet_get(actor=actor, pk=sheet_id)
    return services.sheet_approve(
        actor=actor, sheet=sheet, score=payload.score, reason=payload.reason
    )


@router.post("/sheets/{sheet_id}/lock", response=SheetOut)
def sheet_lock(request: HttpRequest, sheet_id: int) -> Any:
    actor = request_user(request)
    return services.sheet_lock(actor=actor, sheet=selectors.sheet_get(actor=actor, pk=sheet_id))


@router.get("/proposals", response=list[ProposalOut])
def proposal_list(request: HttpRequest) -> Any:
    return selectors.proposal_list(actor=request_user(request))


@router.post("/proposals", response={201: ProposalOut})
def proposal_create(request: HttpRequest, payload: ProposalIn) -> Any:
    actor = request_user(request)
    proposal = services.proposal_create(
        actor=actor,
        proposing_unit=_unit(actor, payload.proposing_unit, "proposing_unit"),
        nominee_unit=_unit(actor, payload.nominee_unit, "nominee_unit"),
        nominee_person=_user(payload.nominee_person, "nominee_person")
        if payload.nominee_person
        else None,
        form=payload.form,
        level=payload.level,
        year=payload.year,
        reason=payload.reason,
    )
    return Status(201, proposal)


@router.post("/proposals/{proposal_id}/decision", response=ProposalOut)
def proposal_decide(request: HttpRequest, proposal_id: int, payload: DecideIn) -> Any:
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=proposal_id)
    return services.proposal_decide(
        actor=actor,
        proposal=proposal,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
    )


@router.post("/proposals/{proposal_id}/{step}", response=ProposalOut)
def proposal_step(request: HttpRequest, proposal_id: int, step: str, payload: StepIn) -> Any:
    """`step` is forward, return or approve."""
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=proposal_id)
    if step == "forward":
        return services.proposal_forward(actor=actor, proposal=proposal, comment=payload.comment)
    if step == "return":
        return services.proposal_return(actor=actor, proposal=proposal, comment=payload.comment)
    if step == "approve":
        return services.proposal_approve(actor=actor, proposal=proposal, comment=payload.comment)
    raise ValidationFailed(fields={"step": [_("Use forward, return or approve.")]})
