"""Checkpoint lists: crossings, overstays, exits without entry, vehicles."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.checkpoint import selectors
from bienphong.checkpoint.views import READ_ROLES
from bienphong.exports.registry import column, display, local, no_filters, register

register(
    "checkpoint.crossings",
    title=_("Crossings"),
    roles=READ_ROLES,
    rows=selectors.crossings_from_params,
    personal_data=True,
    screen="checkpoint_crossings",
    columns=[
        column("id", _("Number")),
        column("at", _("Time"), lambda c: local(c.at)),
        column("gate", _("Gate"), "unit.code"),
        column("lane", _("Lane")),
        display("direction", _("Direction")),
        column("traveller", _("Traveller"), "traveller.full_name"),
        column("document_type", _("Document type"), "document.doc_type"),
        column("document", _("Document number"), "document.number"),
        column("nationality", _("Nationality")),
        display("decision", _("Decision")),
        column("reason", _("Reason"), "reason_code"),
        column("permitted_until", _("Permitted until")),
        column("officer", _("Officer"), "officer.username"),
    ],
)


register(
    "checkpoint.overstays",
    title=_("Overstays"),
    roles=READ_ROLES,
    rows=no_filters(selectors.overstays),
    personal_data=True,
    screen="checkpoint_overstays",
    columns=[
        column("traveller", _("Traveller"), "traveller.full_name"),
        column("nationality", _("Nationality"), "traveller.nationality"),
        column("entered_at", _("Entered"), lambda s: local(s.entered_at)),
        column("gate", _("Gate"), "entry_unit.code"),
        column("permitted_until", _("Permitted until")),
    ],
)


register(
    "checkpoint.exits_without_entry",
    title=_("Exits without a recorded entry"),
    roles=READ_ROLES,
    rows=no_filters(selectors.exits_without_entry),
    personal_data=True,
    screen="checkpoint_overstays",
    columns=[
        column("id", _("Number")),
        column("at", _("Time"), lambda c: local(c.at)),
        column("gate", _("Gate"), "unit.code"),
        column("traveller", _("Traveller"), "traveller.full_name"),
        column("document", _("Document number"), "document.number"),
        column("nationality", _("Nationality")),
    ],
)


register(
    "checkpoint.vehicle_crossings",
    title=_("Vehicle crossings"),
    roles=READ_ROLES,
    rows=no_filters(selectors.vehicle_crossing_list),
    personal_data=True,
    screen="checkpoint_vehicles",
    columns=[
        column("at", _("Time"), lambda v: local(v.at)),
        column("gate", _("Gate"), "unit.code"),
        display("direction", _("Direction")),
        column("plate", _("Plate"), "vehicle.plate_display"),
        column("country", _("Country of registration"), "vehicle.country"),
        column("vehicle_type", _("Vehicle type"), "vehicle.vehicle_type"),
        column("owner", _("Owner or company"), "vehicle.owner"),
        column("driver", _("Driver"), "driver.traveller.full_name"),
        column("cargo", _("Cargo")),
        column("permit", _("Permit number"), "permit.number"),
    ],
)


register(
    "checkpoint.overdue_vehicles",
    title=_("Overdue vehicles"),
    roles=READ_ROLES,
    rows=no_filters(selectors.overdue_vehicles),
    screen="checkpoint_vehicles",
    columns=[
        column("plate", _("Plate"), "vehicle.plate_display"),
        column("country", _("Country of registration"), "vehicle.country"),
        column("permit", _("Permit number"), "number"),
        column("valid_from", _("Valid from")),
        column("exit_deadline", _("Exit deadline")),
        column("gate", _("Gate"), "unit.code"),
    ],
)
