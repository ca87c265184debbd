"""Commendation proposals: created at a unit, forwarded up the chain, returned or
approved, decided with a number and date. Every step is a transition row."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from bienphong.errors import Conflict, PermissionDenied
from bienphong.org.models import Unit, User

from ..access import NOT_HOLDER, holds_at, require_plan
from ..models import (
    Movement,
    Proposal,
    ProposalAction,
    ProposalState,
    ProposalTransition,
)
from .common import audit_create, audit_update, field_error, save, snapshot

WRONG_STATE = _("The proposal is not in a state that allows this.")
TOP_OF_CHAIN = _("The proposal is already at the top of the chain of command.")


def _transition(
    proposal: Proposal,
    *,
    actor: Any,
    action: str,
    to_unit: Unit,
    from_unit: Unit | None,
    comment: str = "",
) -> ProposalTransition:
    return ProposalTransition.objects.create(
        proposal=proposal,
        action=action,
        from_unit=from_unit,
        to_unit=to_unit,
        state=proposal.state,
        actor=actor,
        comment=comment,
    )


def _require_holder(actor: Any, proposal: Proposal) -> None:
    require_plan(actor, proposal.holder)
    if not holds_at(actor, proposal.holder):
        raise PermissionDenied(NOT_HOLDER)


@transaction.atomic
def proposal_create(
    *,
    actor: Any,
    proposing_unit: Unit,
    nominee_unit: Unit,
    form: str,
    level: str,
    year: int,
    reason: str,
    nominee_person: User | None = None,
    movement: Movement | None = None,
) -> Proposal:
    require_plan(actor, proposing_unit)
    if not holds_at(actor, proposing_unit):
        raise PermissionDenied(NOT_HOLDER)
    if not nominee_unit.path.startswith(proposing_unit.path):
        raise field_error("nominee_unit", _("A unit proposes its own people and units."))
    proposal = Proposal(
        proposing_unit=proposing_unit,
        holder=proposing_unit,
        nominee_unit=nominee_unit,
        nominee_person=nominee_person,
        form=form,
        level=level,
        year=year,
        reason=reason,
        movement=movement,
        created_by=actor,
    )
    save(proposal)
    _transition(
        proposal, actor=actor, action=ProposalAction.CREATE, to_unit=proposing_unit, from_unit=None
    )
    audit_create(actor, "proposal.create", proposal)
    return proposal


@transaction.atomic
def proposal_forward(*, actor: Any, proposal: Proposal, comment: str = "") -> Proposal:
    """Send the proposal one level up the chain of command."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_holder(actor, proposal)
    if proposal.state not in (ProposalState.DRAFT, ProposalState.FORWARDED, ProposalState.RETURNED):
        raise Conflict(WRONG_STATE)
    superior = proposal.holder.parent
    if superior is None:
        raise Conflict(TOP_OF_CHAIN)
    before = snapshot(proposal)
    from_unit = proposal.holder
    proposal.holder, proposal.state = superior, ProposalState.FORWARDED
    save(proposal)
    _transition(
        proposal,
        actor=actor,
        action=ProposalAction.FORWARD,
        from_unit=from_unit,
        to_unit=superior,
        comment=comment,
    )
    audit_update(actor, "proposal.forward", proposal, before)
    return proposal


@transaction.atomic
def proposal_return(*, actor: Any, proposal: Proposal, comment: str) -> Proposal:
    """Send the proposal back one level down, toward the proposing unit, with a reason."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_holder(actor, proposal)
    if proposal.state not in (ProposalState.FORWARDED, ProposalState.APPROVED):
        raise Conflict(WRONG_STATE)
    if not comment.strip():
        raise field_error("comment", _("Say why the proposal is returned."))
    last_forward = (
        proposal.transitions.filter(action=ProposalAction.FORWARD, to_unit=proposal.holder)
        .order_by("-at", "-id")
        .first()
    )
    back_to = (
        last_forward.from_unit
        if last_forward and last_forward.from_unit
        else (proposal.proposing_unit)
    )
    before = snapshot(proposal)
    from_unit = proposal.holder
    proposal.holder, proposal.state = back_to, ProposalState.RETURNED
    save(proposal)
    _transition(
        proposal,
        actor=actor,
        action=ProposalAction.RETURN,
        from_unit=from_unit,
        to_unit=back_to,
        comment=comment,
    )
    audit_update(actor, "proposal.return", proposal, before)
    return proposal


@transaction.atomic
def proposal_approve(*, actor: Any, proposal: Proposal, comment: str = "") -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_holder(actor, proposal)
    if proposal.state != ProposalState.FORWARDED:
        raise Conflict(WRONG_STATE)
    before = snapshot(proposal)
    proposal.state = ProposalState.APPROVED
    save(proposal)
    _transition(
        proposal,
        actor=actor,
        action=ProposalAction.APPROVE,
        from_unit=proposal.holder,
        to_unit=proposal.holder,
        comment=comment,
    )
    audit_update(actor, "proposal.approve", proposal, before)
    return proposal


@transaction.atomic
def proposal_decide(
    *, actor: Any, proposal: Proposal, decision_number: str, decision_date: date
) -> Proposal:
    """Record the commendation decision (number and date) of the approving unit."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    _require_holder(actor, proposal)
    if proposal.state != ProposalState.APPROVED:
        raise Conflict(WRONG_STATE)
    if not decision_number.strip():
        raise field_error("decision_number", _("Enter the decision number."))
    before = snapshot(proposal)
    proposal.state = ProposalState.DECIDED
    proposal.decision_number = decision_number.strip()
    proposal.decision_date = decision_date
    proposal.decided_by_unit = proposal.holder
    save(proposal)
    _transition(
        proposal,
        actor=actor,
        action=ProposalAction.DECIDE,
        from_unit=proposal.holder,
        to_unit=proposal.holder,
        comment=decision_number,
    )
    audit_update(actor, "proposal.decide", proposal, before)
    return proposal
