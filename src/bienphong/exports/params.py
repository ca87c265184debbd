"""Parse list filters from a query string; a bad filter raises ``ValidationFailed``
naming it. Shared by list screens and their exports; no models, so any app may import it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed


def param(params: Mapping[str, Any], name: str, *, max_length: int = 200) -> str:
    value = params.get(name, "")
    value = "" if value is None else str(value).strip()
    if len(value) > max_length:
        raise ValidationFailed(fields={name: [_("This filter is too long.")]})
    return value


def date_param(params: Mapping[str, Any], name: str) -> dt.date | None:
    value = param(params, name, max_length=10)
    if not value:
        return None
    try:
        parsed = parse_date(value)
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationFailed(fields={name: [_("Enter a date as YYYY-MM-DD.")]})
    return parsed


def choice_param(params: Mapping[str, Any], name: str, choices: Iterable[Any]) -> str:
    value = param(params, name, max_length=64)
    if value and value not in {str(c) for c in choices}:
        raise ValidationFailed(fields={name: [_("This is not one of the choices.")]})
    return value
