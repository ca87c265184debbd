"""Helpers the screens share."""

from __future__ import annotations

from typing import Any

from bienphong.errors import ValidationFailed
from bienphong.org.scoping import units_in_scope

STATUS_CLASSES = {
    "done_on_time": "ok",
    "done_late": "warn",
    "open_within_deadline": "",
    "open_overdue": "danger",
}


def _errors(error: Exception) -> dict[str, list[str]]:
    if isinstance(error, ValidationFailed):
        return error.fields or {"__all__": [str(error.message)]}
    return {"__all__": [str(getattr(error, "message", error))]}


def _home_unit(actor: Any, resolution: Any) -> Any:
    scope = units_in_scope(actor)
    if scope.filter(pk=resolution.unit_id).exists():
        return resolution.unit
    return scope.order_by("path").first()
