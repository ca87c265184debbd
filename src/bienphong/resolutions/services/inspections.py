"""Inspections: plan, findings, recommendations that become follow-up tasks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit, User

from ..access import is_superior, require_plan
from ..models import Finding, Inspection, Recommendation, Resolution
from .common import audit_create, field_error, save
from .plan import task_create

NOT_BELOW = _("A unit inspects itself or the units below it.")


@transaction.atomic
def inspection_create(
    *,
    actor: Any,
    inspecting_unit: Unit,
    inspected_unit: Unit,
    team: str,
    scope: str,
    start: date,
    end: date,
    resolution: Resolution | None = None,
) -> Inspection:
    require_plan(actor, inspecting_unit)
    if inspected_unit.pk != inspecting_unit.pk and not is_superior(inspecting_unit, inspected_unit):
        raise field_error("inspected_unit", NOT_BELOW)
    inspection = Inspection(
        resolution=resolution,
        inspecting_unit=inspecting_unit,
        inspected_unit=inspected_unit,
        team=team,
        scope=scope,
        start=start,
        end=end,
    )
    save(inspection)
    audit_create(actor, "inspection.create", inspection)
    return inspection


@transaction.atomic
def finding_add(*, actor: Any, inspection: Inspection, text: str) -> Finding:
    require_plan(actor, inspection.inspecting_unit)
    finding = Finding(inspection=inspection, text=text)
    save(finding)
    audit_create(actor, "finding.create", finding)
    return finding


@transaction.atomic
def recommendation_add(
    *,
    actor: Any,
    inspection: Inspection,
    text: str,
    owner: User,
    deadline: date,
    start: date,
    finding: Finding | None = None,
) -> Recommendation:
    """A recommendation and its tracked follow-up task at the inspected unit."""
    require_plan(actor, inspection.inspecting_unit)
    recommendation = Recommendation(inspection=inspection, finding=finding, text=text)
    save(recommendation)
    audit_create(actor, "recommendation.create", recommendation)
    task_create(
        actor=actor,
        unit=inspection.inspected_unit,
        owner=owner,
        title=text[:300],
        start=start,
        deadline=deadline,
        recommendation=recommendation,
    )
    return recommendation
