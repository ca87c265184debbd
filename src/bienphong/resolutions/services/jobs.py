"""Scheduled jobs: deadline reminders and indicator snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from bienphong.notifications.services import notify
from bienphong.org.models import Membership, Unit, User
from bienphong.org.roles import Role

from ..indicators import period_for, registry
from ..models import IndicatorSnapshot, Task


@dataclass
class ReminderReport:
    tasks: int = 0
    notices: int = 0


def _commanders(unit: Unit) -> list[User]:
    """Post commanders of the task's unit and of the units above it (its chain)."""
    parts = unit.path.strip("/").split("/")
    chain = ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]
    return [
        m.user
        for m in Membership.objects.filter(
            role=Role.POST_COMMANDER, unit__path__in=chain, user__is_active=True
        ).select_related("user")
    ]


@transaction.atomic
def send_reminders(*, today: date, days: int = 7) -> ReminderReport:
    """Notify owners and their commanders of tasks due within ``days`` and overdue tasks.

    Idempotent per day: each notice carries a dedupe key of task, kind and date.
    """
    report = ReminderReport()
    tasks = Task.objects.filter(
        completed_on__isnull=True, deadline__lte=today + timedelta(days=days)
    ).select_related("unit", "owner")
    with override("vi"):
        for task in tasks.iterator():
            overdue = task.deadline < today
            kind = "overdue" if overdue else "due"
            if overdue:
                title = _("Overdue task: %(title)s") % {"title": task.title}
            else:
                title = _("Task due on %(date)s: %(title)s") % {
                    "date": task.deadline.strftime("%d/%m/%Y"),
                    "title": task.title,
                }
            body = _("%(unit)s · deadline %(date)s · progress %(progress)s%%") % {
                "unit": task.unit.name_vi,
                "date": task.deadline.strftime("%d/%m/%Y"),
                "progress": task.progress,
            }
            created = notify(
                recipients=[task.owner, *_commanders(task.unit)],
                kind=f"resolutions.task_{kind}",
                title=title,
                body=body,
                url=reverse("resolution_task", args=[task.pk]),
                dedupe_key=f"resolutions.task.{task.pk}.{kind}.{today.isoformat()}",
            )
            report.tasks += 1
            report.notices += len(created)
    return report


@transaction.atomic
def take_snapshots(*, today: date, units: list[Unit] | None = None) -> int:
    """Store every registered indicator's value for each unit (command and posts) today."""
    from bienphong.org.models import UnitType

    targets = units or list(
        Unit.objects.filter(unit_type__in=[UnitType.COMMAND, UnitType.POST], is_active=True)
    )
    start, end = period_for(today)
    stored = 0
    for indicator in registry:
        for unit in targets:
            value = indicator.compute(unit, start, end)
            if value is None:
                continue
            IndicatorSnapshot.objects.update_or_create(
                indicator=indicator.name,
                unit=unit,
                taken_on=today,
                defaults={"value": Decimal(value)},
            )
            stored += 1
    return stored
