"""Live indicator for resolution targets: seaport filings answered within one hour."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import DurationField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ANSWER_WITHIN, Filing


def answered_within_hour(unit: Any, start: dt.date, end: dt.date) -> Decimal | None:
    """Of the filings submitted in the period at ports in ``unit``'s subtree, the share
    answered within one hour (an unanswered filing counts as late)."""
    tz = timezone.get_current_timezone()
    filings = Filing.objects.filter(
        port__path__startswith=unit.path,
        submitted_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        submitted_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )
    total = filings.count()
    if total == 0:
        return None
    elapsed = ExpressionWrapper(
        F("first_answered_at") - F("submitted_at"), output_field=DurationField()
    )
    on_time = (
        filings.filter(first_answered_at__isnull=False)
        .annotate(elapsed=elapsed)
        .filter(elapsed__lte=ANSWER_WITHIN)
        .count()
    )
    return (Decimal(100) * on_time / total).quantize(Decimal("0.01"))


def register() -> None:
    from bienphong.resolutions.indicators import Indicator, registry

    if "ports.answered_within_hour" not in registry:
        registry.register(
            Indicator(
                "ports.answered_within_hour",
                "%",
                _("Seaport filings answered within one hour"),
                answered_within_hour,
            )
        )
