"""Resolution tasks past their deadline."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.exports.registry import column, register
from bienphong.resolutions import selectors
from bienphong.resolutions.access import VIEW_ROLES

register(
    "resolutions.overdue_tasks",
    title=_("Overdue tasks"),
    roles=VIEW_ROLES,
    rows=selectors.overdue_tasks,
    screen="resolutions",
    columns=[
        column("id", _("Number")),
        column("title", _("Task")),
        column("unit", _("Unit"), "unit.name"),
        column("owner", _("Owner"), lambda t: str(t.owner)),
        column("start", _("Start")),
        column("deadline", _("Deadline")),
        column("progress", _("Progress (%)")),
    ],
)
