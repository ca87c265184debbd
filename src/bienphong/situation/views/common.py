"""Small helpers the situation views share."""

from __future__ import annotations

from typing import Any

from django import forms

from bienphong.errors import ValidationFailed

INTERNAL = ("checkpoint_officer", "post_commander", "command_staff", "auditor")
WRITERS = ("checkpoint_officer", "post_commander", "command_staff")


def show_errors(form: forms.Form, error: ValidationFailed) -> None:
    """Put a service's field errors on the form (nested names go to the nearest field)."""
    for name, messages in error.fields.items():
        field = name.split(".", 1)[0]
        target = field if field in form.fields else None
        for message in messages:
            form.add_error(target, message)
    if not error.fields:
        form.add_error(None, str(error.message))


def page_number(request: Any) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1
