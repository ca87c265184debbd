"""Emulation: movements, criteria, registrations, and the score sheet workflow
self-assessment -> review by the superior -> approval -> lock."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bienphong.engines import tracking
from bienphong.errors import Conflict, PermissionDenied
from bienphong.org.models import Unit, User
from bienphong.org.roles import Role

from ..access import holds_at, is_superior, require_command, require_plan
from ..models import Criterion, Movement, Registration, ScoreLine, ScoreSheet, SheetState
from .common import audit_create, audit_update, field_error, save, snapshot

WRONG_STATE = _("The score sheet is not in a state that allows this.")
NOT_SUPERIOR = _("Only a superior unit reviews a self-assessment.")
NOT_OWN = _("Only the registered unit assesses itself.")
LOCKED = _("The score sheet is locked.")
OVER_MAX = _("Points cannot exceed the criterion's maximum.")


@transaction.atomic
def movement_create(
    *, actor: Any, unit: Unit, title: str, start: date, end: date, description: str = ""
) -> Movement:
    require_command(actor, unit)
    movement = Movement(unit=unit, title=title, start=start, end=end, description=description)
    save(movement)
    audit_create(actor, "movement.create", movement)
    return movement


@transaction.atomic
def criterion_add(
    *, actor: Any, movement: Movement, code: str, name: str, kind: str, max_points: Decimal
) -> Criterion:
    require_command(actor, movement.unit)
    criterion = Criterion(movement=movement, code=code, name=name, kind=kind, max_points=max_points)
    save(criterion)
    audit_create(actor, "criterion.create", criterion)
    return criterion


@transaction.atomic
def registration_create(
    *, actor: Any, movement: Movement, unit: Unit, person: User | None = None
) -> Registration:
    require_plan(actor, unit)
    if not unit.path.startswith(movement.unit.path):
        raise field_error("unit", _("The unit is outside the movement's organiser."))
    registration = Registration(movement=movement, unit=unit, person=person)
    save(registration)
    audit_create(actor, "registration.create", registration)
    return registration


def _lines(sheet: ScoreSheet, reviewed: bool) -> list[tracking.ScoreLine]:
    result = []
    for line in sheet.lines.select_related("criterion"):
        points = (
            line.reviewed_points
            if reviewed and line.reviewed_points is not None
            else (line.self_points)
        )
        result.append(
            tracking.ScoreLine(
                tracking.CriterionKind(line.criterion.kind),
                float(points),
                float(line.criterion.max_points),
            )
        )
    return result


def _check_points(criteria: dict[int, Criterion], points: dict[int, Decimal]) -> None:
    for criterion_id, value in points.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise field_error(f"points.{criterion_id}", _("No such criterion."))
        if value < 0 or value > criterion.max_points:
            raise field_error(f"points.{criterion.code}", OVER_MAX)


@transaction.atomic
def sheet_self_assess(
    *, actor: Any, registration: Registration, period: str, points: dict[int, Decimal]
) -> ScoreSheet:
    """The registered unit scores itself against each criterion and submits."""
    if not holds_at(actor, registration.unit, Role.POST_COMMANDER, Role.COMMAND_STAFF):
        raise PermissionDenied(NOT_OWN)
    sheet, _created = ScoreSheet.objects.select_for_update().get_or_create(
        registration=registration, period=period
    )
    if sheet.state not in (SheetState.DRAFT, SheetState.SUBMITTED):
        raise Conflict(WRONG_STATE)
    before = snapshot(sheet)
    criteria = {c.pk: c for c in registration.movement.criteria.all()}
    _check_points(criteria, points)
    for criterion_id, criterion in criteria.items():
        ScoreLine.objects.update_or_create(
            sheet=sheet,
            criterion=criterion,
            defaults={"self_points": points.get(criterion_id, Decimal(0))},
        )
    sheet.self_score = Decimal(str(tracking.total_score(_lines(sheet, reviewed=False))))
    sheet.computed_score = sheet.self_score
    sheet.state = SheetState.SUBMITTED
    sheet.submitted_by, sheet.submitted_at = actor, timezone.now()
    save(sheet)
    audit_update(
        actor, "sheet.self_assess", sheet, before, points={str(k): v for k, v in points.items()}
    )
    return sheet


@transaction.atomic
def sheet_review(
    *, actor: Any, sheet: ScoreSheet, points: dict[int, Decimal], comment: str = ""
) -> ScoreSheet:
    """A superior unit reviews the self-assessment; the computed score follows."""
    unit = sheet.registration.unit
    require_plan(actor, unit)
    if holds_at(actor, unit) or not any(
        is_superior(m.unit, unit)
        for m in actor.memberships.select_related("unit")
        if m.unit is not None and m.role in (Role.POST_COMMANDER, Role.COMMAND_STAFF)
    ):
        raise PermissionDenied(NOT_SUPERIOR)
    if sheet.state not in (SheetState.SUBMITTED, SheetState.REVIEWED):
        raise Conflict(WRONG_STATE)
    before = snapshot(sheet)
    criteria = {c.pk: c for c in sheet.registration.movement.criteria.all()}
    _check_points(criteria, points)
    for line in sheet.lines.all():
        line.reviewed_points = points.get(line.criterion_id, line.self_points)
        line.save(update_fields=["reviewed_points"])
    sheet.computed_score = Decimal(str(tracking.total_score(_lines(sheet, reviewed=True))))
    sheet.state = SheetState.REVIEWED
    sheet.reviewed_by, sheet.reviewed_at, sheet.review_comment = actor, timezone.now(), comment
    save(sheet)
    audit_update(actor, "sheet.review", sheet, before)
    return sheet


@transaction.atomic
def sheet_approve(
    *, actor: Any, sheet: ScoreSheet, score: Decimal | None = None, reason: str = ""
) -> ScoreSheet:
    """The organiser approves: the approved score (default: the computed one) is a
    separate, attributed value that overrides the computed score."""
    require_command(actor, sheet.registration.movement.unit)
    if sheet.state != SheetState.REVIEWED:
        raise Conflict(WRONG_STATE)
    if score is not None and score != sheet.computed_score and not reason.strip():
        raise field_error("reason", _("Give a reason when the approved score differs."))
    before = snapshot(sheet)
    sheet.approved_score = score if score is not None else sheet.computed_score
    sheet.approved_by, sheet.approved_at, sheet.approval_reason = actor, timezone.now(), reason
    sheet.state = SheetState.APPROVED
    save(sheet)
    audit_update(actor, "sheet.approve", sheet, before)
    return sheet


@transaction.atomic
def sheet_lock(*, actor: Any, sheet: ScoreSheet) -> ScoreSheet:
    """Lock an approved sheet; only locked sheets enter the published ranking."""
    require_command(actor, sheet.registration.movement.unit)
    if sheet.state == SheetState.LOCKED:
        raise Conflict(LOCKED)
    if sheet.state != SheetState.APPROVED:
        raise Conflict(WRONG_STATE)
    before = snapshot(sheet)
    sheet.state = SheetState.LOCKED
    sheet.locked_by, sheet.locked_at = actor, timezone.now()
    save(sheet)
    audit_update(actor, "sheet.lock", sheet, before)
    return sheet
