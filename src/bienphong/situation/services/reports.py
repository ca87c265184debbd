"""The report workflow: draft (compile, edit) -> submitted (frozen) -> signed off / returned."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit.services import snapshot
from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.notifications.services import notify
from bienphong.org.models import Membership, Unit, UnitType
from bienphong.org.roles import Role
from bienphong.org.scoping import (
    has_role,
    memberships,
    require_write,
    roles_of,
    unit_in_scope,
)

from ..compile import compile_figures
from ..models import ReportStatus, SituationReport
from ..periods import period_end
from .common import audit_create, audit_update, save

NARRATIVE_FIELDS = ("situation_inside", "situation_outside", "notable_events", "proposals")
REPORTING_UNIT_TYPES = (UnitType.COMMAND, UnitType.POST)


def signer_role(unit: Unit) -> str:
    """The command's report is signed by command staff; a post's by its commander."""
    return Role.COMMAND_STAFF if unit.unit_type == UnitType.COMMAND else Role.POST_COMMANDER


def can_sign(actor: Any, report: SituationReport) -> bool:
    role = signer_role(report.unit)
    return any(
        m.role == role and m.unit is not None and report.unit.path.startswith(m.unit.path)
        for m in memberships(actor)
    )


def _require_author_side(actor: Any, unit: Unit) -> None:
    require_write(actor, unit)
    if not roles_of(actor) & {Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.CHECKPOINT_OFFICER}:
        raise PermissionDenied()


@transaction.atomic
def report_create(
    *, actor: Any, unit: Unit, period_kind: str, period_start: dt.date
) -> SituationReport:
    """Create a draft for the unit and period and compile its figures."""
    _require_author_side(actor, unit)
    if unit.unit_type not in REPORTING_UNIT_TYPES:
        raise ValidationFailed(fields={"unit": [_("Reports are made by a post or the command.")]})
    if unit.unit_type == UnitType.COMMAND and not has_role(actor, Role.COMMAND_STAFF):
        raise PermissionDenied()
    end = period_end(period_kind, period_start)
    if SituationReport.objects.filter(
        unit=unit, period_kind=period_kind, period_start=period_start
    ).exists():
        raise Conflict(_("A report for this unit and period already exists."))
    report = SituationReport(
        unit=unit,
        period_kind=period_kind,
        period_start=period_start,
        period_end=end,
        author=actor,
        figures=compile_figures(unit, period_start, end),
        compiled_at=timezone.now(),
    )
    try:
        with transaction.atomic():
            save(report)
    except IntegrityError as error:  # a concurrent create of the same period
        raise Conflict(_("A report for this unit and period already exists.")) from error
    audit_create(actor, "report.create", report)
    return report


def _require_editable(actor: Any, report: SituationReport) -> None:
    _require_author_side(actor, report.unit)
    if not report.is_editable:
        raise Conflict(_("A submitted report cannot be changed."))


@transaction.atomic
def report_recompile(*, actor: Any, report: SituationReport) -> SituationReport:
    _require_editable(actor, report)
    before = snapshot(report, fields=["compiled_at"])
    report.figures = compile_figures(report.unit, report.period_start, report.period_end)
    report.compiled_at = timezone.now()
    save(report)
    audit_update(actor, "report.compile", report, before)
    return report


@transaction.atomic
def report_update_narrative(
    *, actor: Any, report: SituationReport, **narrative: str
) -> SituationReport:
    _require_editable(actor, report)
    unknown = set(narrative) - set(NARRATIVE_FIELDS)
    if unknown:
        raise ValidationFailed(fields={name: [_("Unknown field.")] for name in sorted(unknown)})
    before = snapshot(report, fields=list(NARRATIVE_FIELDS))
    for name, value in narrative.items():
        setattr(report, name, (value or "").strip())
    save(report)
    audit_update(actor, "report.narrative", report, before)
    return report


def _signers(unit: Unit) -> list[Any]:
    role = signer_role(unit)
    ancestors = [p for p in unit.path.split("/") if p]
    found = Membership.objects.filter(role=role, unit__code__in=ancestors).select_related("user")
    return [m.user for m in found if m.unit is not None and unit.path.startswith(m.unit.path)]


def _report_url(report: SituationReport) -> str:
    return reverse("situation:report_detail", args=[report.pk])


@transaction.atomic
def report_submit(*, actor: Any, report: SituationReport) -> SituationReport:
    """Recompile one last time and freeze: the figures stored now are what the report says."""
    _require_editable(actor, report)
    if not any(getattr(report, name).strip() for name in NARRATIVE_FIELDS):
        raise ValidationFailed(
            fields={"notable_events": [_("Write at least one part of the narrative.")]}
        )
    before = snapshot(report, fields=["status"])
    report.figures = compile_figures(report.unit, report.period_start, report.period_end)
    now = timezone.now()
    report.compiled_at = now
    report.status = ReportStatus.SUBMITTED
    report.submitted_at = now
    report.submitted_by = actor
    report.return_comment = ""
    save(report)
    audit_update(actor, "report.submit", report, before)
    notify(
        recipients=[u for u in _signers(report.unit) if u.pk != actor.pk],
        kind="situation.report.submitted",
        title=_("Situation report to sign: %(report)s") % {"report": report},
        url=_report_url(report),
    )
    return report


def _require_signer(actor: Any, report: SituationReport) -> None:
    if not unit_in_scope(actor, report.unit):
        raise NotFound()
    if not can_sign(actor, report):
        raise PermissionDenied(_("Only the unit's commander signs this report."))
    if report.status != ReportStatus.SUBMITTED:
        raise Conflict(_("Only a submitted report can be signed off or returned."))


@transaction.atomic
def report_sign_off(*, actor: Any, report: SituationReport) -> SituationReport:
    _require_signer(actor, report)
    before = snapshot(report, fields=["status", "decided_by", "decided_at"])
    report.status = ReportStatus.SIGNED_OFF
    report.decided_by = actor
    report.decided_at = timezone.now()
    save(report)
    audit_update(actor, "report.sign_off", report, before)
    notify(
        recipients=[report.author],
        kind="situation.report.signed_off",
        title=_("Situation report signed off: %(report)s") % {"report": report},
        url=_report_url(report),
    )
    return report


@transaction.atomic
def report_return(*, actor: Any, report: SituationReport, comment: str) -> SituationReport:
    _require_signer(actor, report)
    if not (comment or "").strip():
        raise ValidationFailed(fields={"comment": [_("Say why the report is returned.")]})
    before = snapshot(report, fields=["status", "return_comment"])
    report.status = ReportStatus.RETURNED
    report.decided_by = actor
    report.decided_at = timezone.now()
    report.return_comment = comment.strip()
    save(report)
    audit_update(actor, "report.return", report, before)
    notify(
        recipients=[report.author],
        kind="situation.report.returned",
        title=_("Situation report returned: %(report)s") % {"report": report},
        body=report.return_comment,
        url=_report_url(report),
    )
    return report
