"""Indicators measured from live data: a registry other apps add to.

An indicator has a name, a unit of measure, a description and
``compute(unit, period_start, period_end) -> Decimal | None`` over ``unit``'s subtree.
``bienphong resolutions snapshot`` stores each indicator's value for each unit daily;
a target bound to an indicator shows its current value, trend and history from them.

The checkpoint and seaport apps register theirs from their own ``AppConfig.ready()``::

    from bienphong.resolutions.indicators import Indicator, registry
    registry.register(Indicator("ports.fal_answered_1h", "%", _("..."), compute))
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

Compute = Callable[[Any, date, date], Decimal | None]


@dataclass(frozen=True)
class Indicator:
    name: str
    measure_unit: Any
    description: Any
    compute: Compute


class Registry:
    def __init__(self) -> None:
        self._items: dict[str, Indicator] = {}

    def register(self, indicator: Indicator) -> Indicator:
        if indicator.name in self._items:
            raise ValueError(f"indicator {indicator.name!r} is already registered")
        self._items[indicator.name] = indicator
        return indicator

    def get(self, name: str) -> Indicator | None:
        return self._items.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[Indicator]:
        return iter(sorted(self._items.values(), key=lambda i: i.name))

    def choices(self) -> list[tuple[str, str]]:
        return [(i.name, f"{i.name} — {i.description}") for i in self]


registry = Registry()


def _tasks(unit: Any) -> Any:
    from .models import Task

    return Task.objects.filter(unit__path__startswith=unit.path)


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else (Decimal(100) * part / whole).quantize(Decimal("0.01"))


def tasks_done_on_time(unit: Any, start: date, end: date) -> Decimal | None:
    """Of the tasks due in the period, the share completed on or before the deadline."""
    due = _tasks(unit).filter(deadline__gte=start, deadline__lte=end)
    from django.db.models import F

    on_time = due.filter(completed_on__isnull=False, completed_on__lte=F("deadline")).count()
    return _pct(on_time, due.count())


def tasks_overdue(unit: Any, start: date, end: date) -> Decimal | None:
    """Open tasks whose deadline passed before the end of the period."""
    return Decimal(_tasks(unit).filter(completed_on__isnull=True, deadline__lt=end).count())


def followups_closed(unit: Any, start: date, end: date) -> Decimal | None:
    """Of the inspection follow-up tasks due by the end of the period, the share done."""
    due = _tasks(unit).filter(recommendation__isnull=False, deadline__lte=end)
    return _pct(due.filter(completed_on__isnull=False).count(), due.count())


def audited_changes(unit: Any, start: date, end: date) -> Decimal | None:
    """Records changed by the unit's people in the period (from the audit log)."""
    from bienphong.audit.models import AuditEntry
    from bienphong.org.models import Unit

    codes = list(Unit.objects.filter(path__startswith=unit.path).values_list("code", flat=True))
    count = AuditEntry.objects.filter(
        Q(action__in=["create", "update"]),
        unit_code__in=codes,
        at__date__gte=start,
        at__date__lte=end,
    ).count()
    return Decimal(count)


registry.register(
    Indicator(
        "resolutions.tasks_done_on_time",
        "%",
        _("Share of tasks due in the period done on time"),
        tasks_done_on_time,
    )
)
registry.register(
    Indicator("resolutions.tasks_overdue", _("tasks"), _("Open overdue tasks"), tasks_overdue)
)
registry.register(
    Indicator(
        "resolutions.followups_closed",
        "%",
        _("Share of inspection follow-ups closed"),
        followups_closed,
    )
)
registry.register(
    Indicator(
        "audit.changes",
        _("records"),
        _("Records changed in the period (audit log)"),
        audited_changes,
    )
)


def period_for(day: date, days: int = 30) -> tuple[date, date]:
    return day - timedelta(days=days - 1), day
