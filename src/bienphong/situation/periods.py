"""Report periods: a kind and a start date give the inclusive local date range."""

from __future__ import annotations

import calendar
import datetime as dt

from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed

from .models import PeriodKind


def period_end(kind: str, start: dt.date) -> dt.date:
    """The last day of the period, or ``ValidationFailed`` naming ``period_start``."""
    if kind == PeriodKind.DAILY:
        return start
    if kind == PeriodKind.WEEKLY:
        if start.weekday() != 0:
            raise ValidationFailed(fields={"period_start": [_("A week starts on a Monday.")]})
        return start + dt.timedelta(days=6)
    if kind == PeriodKind.MONTHLY:
        if start.day != 1:
            raise ValidationFailed(fields={"period_start": [_("A month starts on its first day.")]})
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if kind == PeriodKind.YEARLY:
        if (start.month, start.day) != (1, 1):
            raise ValidationFailed(fields={"period_start": [_("A year starts on 1 January.")]})
        return start.replace(month=12, day=31)
    raise ValidationFailed(fields={"period_kind": [_("Choose daily, weekly, monthly or yearly.")]})


def normalise_start(kind: str, day: dt.date) -> dt.date:
    """The start of the period of ``kind`` that contains ``day`` (for forms' defaults)."""
    if kind == PeriodKind.WEEKLY:
        return day - dt.timedelta(days=day.weekday())
    if kind == PeriodKind.MONTHLY:
        return day.replace(day=1)
    if kind == PeriodKind.YEARLY:
        return day.replace(month=1, day=1)
    return day
