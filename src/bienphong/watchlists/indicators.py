"""Live indicator for resolution targets: watchlist hits reviewed within the day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ScreeningHit


def hits_reviewed_same_day(unit: Any, start: dt.date, end: dt.date) -> Decimal | None:
    """Of the hits raised in the period in ``unit``'s subtree, the share decided on the
    day (local time) they were raised."""
    tz = timezone.get_current_timezone()
    hits = ScreeningHit.objects.filter(
        unit__path__startswith=unit.path,
        created_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        created_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    ).values_list("created_at", "decided_at")
    total = same_day = 0
    for created, decided in hits:
        total += 1
        if decided is not None and timezone.localdate(decided) == timezone.localdate(created):
            same_day += 1
    if total == 0:
        return None
    return (Decimal(100) * same_day / total).quantize(Decimal("0.01"))


def register() -> None:
    from bienphong.resolutions.indicators import Indicator, registry

    if "watchlists.hits_reviewed_same_day" not in registry:
        registry.register(
            Indicator(
                "watchlists.hits_reviewed_same_day",
                "%",
                _("Watchlist hits reviewed within the day"),
                hits_reviewed_same_day,
            )
        )
