"""Helpers shared by the incident and report services."""

from __future__ import annotations

from typing import Any

from django.db import models

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import full_clean


def save(obj: models.Model) -> None:
    full_clean(obj)
    obj.save()


def audit_create(actor: Any, event: str, obj: models.Model) -> None:
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event=f"situation.{event}",
        obj=obj,
        after=audit.snapshot(obj),
    )


def audit_update(actor: Any, event: str, obj: models.Model, before: dict[str, Any]) -> None:
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event=f"situation.{event}",
        obj=obj,
        before=before,
        after=audit.snapshot(obj),
    )
