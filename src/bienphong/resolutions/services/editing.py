"""Editing what was created: resolutions, areas, targets, documents and milestones."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from ..access import require_command, require_plan
from ..indicators import registry
from ..models import Area, Document, Milestone, Resolution, Target
from .common import audit_update, field_error, save, snapshot

UNKNOWN_FIELD = _("This field cannot be changed.")


def _apply(actor: Any, obj: models.Model, event: str, allowed: set[str], fields: Any) -> None:
    before = snapshot(obj)
    for name, value in fields.items():
        if name not in allowed:
            raise field_error(name, UNKNOWN_FIELD)
        setattr(obj, name, value)
    save(obj)
    audit_update(actor, event, obj, before)


@transaction.atomic
def resolution_update(*, actor: Any, resolution: Resolution, **fields: Any) -> Resolution:
    require_command(actor, resolution.unit)
    allowed = {"code", "title", "issuing_body", "term_start", "term_end", "issued_on", "summary"}
    _apply(actor, resolution, "resolution.update", allowed, fields)
    return resolution


@transaction.atomic
def area_update(*, actor: Any, area: Area, **fields: Any) -> Area:
    require_command(actor, area.resolution.unit)
    _apply(actor, area, "area.update", {"kind", "code", "title", "weight", "order"}, fields)
    return area


@transaction.atomic
def target_update(*, actor: Any, target: Target, **fields: Any) -> Target:
    require_command(actor, target.resolution.unit)
    area = fields.get("area")
    if area is not None and area.resolution_id != target.resolution_id:
        raise field_error("area", _("Choose an area of this resolution."))
    if fields.get("indicator") and fields["indicator"] not in registry:
        raise field_error("indicator", _("No such indicator."))
    allowed = {
        "area",
        "code",
        "title",
        "measure_unit",
        "baseline",
        "target_value",
        "direction",
        "deadline",
        "indicator",
    }
    _apply(actor, target, "target.update", allowed, fields)
    return target


@transaction.atomic
def document_update(*, actor: Any, document: Document, **fields: Any) -> Document:
    require_plan(actor, document.unit)
    allowed = {"kind", "number", "issued_on", "signer", "title"}
    _apply(actor, document, "document.update", allowed, fields)
    return document


@transaction.atomic
def milestone_update(*, actor: Any, milestone: Milestone, **fields: Any) -> Milestone:
    require_plan(actor, milestone.task.unit)
    _apply(actor, milestone, "milestone.update", {"title", "due"}, fields)
    return milestone
