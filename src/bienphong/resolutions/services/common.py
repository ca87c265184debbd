"""Helpers shared by the service modules."""

from __future__ import annotations

from typing import Any

from django.db import models

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import ValidationFailed, full_clean


def save(obj: models.Model, *, exclude: list[str] | None = None) -> None:
    """``full_clean()`` then save; Django's errors become ``ValidationFailed``."""
    full_clean(obj, exclude=exclude)
    obj.save()


def audit_create(actor: Any, event: str, obj: models.Model, **extra: Any) -> None:
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event=f"resolutions.{event}",
        obj=obj,
        after={**audit.snapshot(obj), **extra},
    )


def audit_update(
    actor: Any, event: str, obj: models.Model, before: dict[str, Any], **extra: Any
) -> None:
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event=f"resolutions.{event}",
        obj=obj,
        before=before,
        after={**audit.snapshot(obj), **extra},
    )


def snapshot(obj: models.Model) -> dict[str, Any]:
    return audit.snapshot(obj)


def field_error(field: str, message: object) -> ValidationFailed:
    return ValidationFailed(fields={field: [str(message)]})
