"""Health declarations (sensitive: health data)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.exports.registry import column, display, local, register
from bienphong.health import selectors
from bienphong.health.access import DECLARATION_READ_ROLES

register(
    "health.declarations",
    title=_("Health declarations"),
    roles=DECLARATION_READ_ROLES,
    rows=selectors.declarations_from_params,
    personal_data=True,
    screen="health_declarations",
    columns=[
        column("code", _("Reference code")),
        column("created_at", _("Declared at"), lambda d: local(d.created_at)),
        display("source", _("Source")),
        column("full_name", _("Full name")),
        column("document_number", _("Document number")),
        column("nationality", _("Nationality")),
        display("direction", _("Direction")),
        column("gate", _("Gate"), "gate.code"),
        column("planned_date", _("Planned crossing date")),
        column("travel_countries", _("Countries visited")),
        column("symptoms", _("Symptoms")),
        column("contact_with_case", _("Contact with a case")),
    ],
)
