"""Domain errors: a stable code, a translatable message, and the fields at fault.

One handler (``bienphong.api``) turns them into
``{"error": {"code", "message", "fields"}}`` for the API; views show the message inline.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    code = "invalid"
    status = 400
    default_message = _("The request is not valid.")

    def __init__(self, message: object = None, *, fields: dict[str, list[str]] | None = None):
        self.message = message if message is not None else self.default_message
        self.fields = fields or {}
        super().__init__(str(self.message))


class ValidationFailed(DomainError):
    code = "validation_error"
    status = 400
    default_message = _("Some fields are not valid.")


class NotFound(DomainError):
    code = "not_found"
    status = 404
    default_message = _("Not found, or you do not have access to it.")


class PermissionDenied(DomainError):
    code = "permission_denied"
    status = 403
    default_message = _("You do not have permission to do this.")


class Conflict(DomainError):
    code = "conflict"
    status = 409
    default_message = _("This conflicts with the current state.")


def full_clean(instance: object, *, exclude: list[str] | None = None) -> None:
    """Run a model's ``full_clean()``; its ``ValidationError`` becomes ``ValidationFailed``."""
    from django.core.exceptions import ValidationError

    try:
        instance.full_clean(exclude=exclude)  # type: ignore[attr-defined]
    except ValidationError as error:
        raise ValidationFailed(fields=fields_from_django(error)) from error


def fields_from_django(error: object) -> dict[str, list[str]]:
    """Flatten a Django ``ValidationError`` into ``{field: [messages]}``."""
    message_dict = getattr(error, "message_dict", None)
    if message_dict is not None:
        return {field: [str(m) for m in msgs] for field, msgs in message_dict.items()}
    messages = getattr(error, "messages", [str(error)])
    return {"__all__": [str(m) for m in messages]}
