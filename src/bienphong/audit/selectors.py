"""Reads of the audit log, for auditors and administrators."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from bienphong.errors import PermissionDenied
from bienphong.exports.params import choice_param, date_param, param
from bienphong.org.scoping import can_read_audit, units_in_scope

from .models import AuditAction, AuditEntry

FILTERS = ("user", "action", "event", "object_type", "object_id", "unit")


def entry_list(
    *,
    actor: Any,
    user: str = "",
    action: str = "",
    event: str = "",
    object_type: str = "",
    object_id: str = "",
    unit: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[AuditEntry]:
    """Entries the actor may read, newest first, filtered."""
    if not can_read_audit(actor):
        raise PermissionDenied()
    qs = AuditEntry.objects.all()
    scope = units_in_scope(actor)
    if not scope.filter(parent__isnull=True).exists():
        # Below the command, an auditor reads the entries of their own subtree.
        qs = qs.filter(unit_code__in=list(scope.values_list("code", flat=True)))
    if user:
        qs = qs.filter(actor_username__iexact=user.strip())
    if action:
        qs = qs.filter(action=action)
    if event:
        qs = qs.filter(event__startswith=event.strip())
    if object_type:
        qs = qs.filter(object_type=object_type.strip())
    if object_id:
        qs = qs.filter(object_id=object_id.strip())
    if unit:
        qs = qs.filter(unit_code=unit.strip())
    tz = timezone.get_current_timezone()
    if date_from:
        qs = qs.filter(at__gte=datetime.combine(date_from, time.min, tzinfo=tz))
    if date_to:
        qs = qs.filter(at__lte=datetime.combine(date_to, time.max, tzinfo=tz))
    return qs.order_by("-id")


def entries_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[AuditEntry]:
    """The audit log screen's filters (and its export's); a bad one names its field."""
    filters = {name: param(params, name) for name in FILTERS}
    filters["action"] = choice_param(params, "action", AuditAction.values)
    return entry_list(
        actor=actor,
        date_from=date_param(params, "date_from"),
        date_to=date_param(params, "date_to"),
        **filters,
    )
