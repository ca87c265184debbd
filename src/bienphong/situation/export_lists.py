"""The incidents and reports lists, exportable as CSV/XLSX through ``bienphong.exports``."""

from django.utils.translation import gettext_lazy as _

from bienphong.exports.registry import column, display, local, register
from bienphong.org.roles import Role

from . import selectors

ROLES = {Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR}

register(
    "situation.incidents",
    title=_("Situation log"),
    roles=ROLES,
    rows=selectors.incidents_from_params,
    # The people involved are not exported: the list holds no personal data.
    personal_data=False,
    screen="situation:incidents",
    columns=[
        column("id", _("No.")),
        column("occurred_at", _("Occurred at"), lambda i: local(i.occurred_at)),
        display("kind", _("Kind")),
        column("title", _("Title")),
        column("unit", _("Unit"), "unit.code"),
        column("place", _("Place")),
        column("people_count", _("People involved")),
        column("goods", _("Goods")),
        column("quantity", _("Quantity"), lambda i: i.quantity and float(i.quantity)),
        column("unit_of_measure", _("Unit of measure")),
        column("estimated_value_vnd", _("Estimated value (VND)")),
        display("status", _("Status")),
    ],
)

register(
    "situation.reports",
    title=_("Situation reports"),
    roles=ROLES,
    rows=selectors.reports_from_params,
    personal_data=False,
    screen="situation:reports",
    columns=[
        column("id", _("No.")),
        column("unit", _("Unit"), "unit.code"),
        display("period_kind", _("Period")),
        column("period_start", _("Period start")),
        column("period_end", _("Period end")),
        display("status", _("Status")),
        column("author", _("Author"), "author.username"),
        column("submitted_at", _("Submitted"), lambda r: r.submitted_at and local(r.submitted_at)),
        column("decided_at", _("Signed off"), lambda r: r.decided_at and local(r.decided_at)),
        column("crossings", _("Crossings"), lambda r: r.figures["crossings"]["totals"]["total"]),
        column("incidents", _("Incidents"), lambda r: r.figures["incidents"]["total"]),
    ],
)
