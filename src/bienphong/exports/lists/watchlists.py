"""Watchlist lists: hits to review and (for those who may see files) entries."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.exports.registry import column, display, local, register
from bienphong.watchlists import selectors
from bienphong.watchlists.access import REVIEW_READ_ROLES, can_view_files
from bienphong.watchlists.views import FILE_ROLES

register(
    "watchlists.hits",
    title=_("Hits to review"),
    roles=REVIEW_READ_ROLES,
    rows=selectors.hits_from_params,
    personal_data=True,
    screen="watchlist_hits",
    columns=[
        column("id", _("Number")),
        column("created_at", _("Time"), lambda h: local(h.created_at)),
        column("unit", _("Unit"), "unit.code"),
        column("subject_name", _("Name screened")),
        column("subject_dob", _("Date of birth screened")),
        column("subject_nationality", _("Nationality")),
        column("subject_document", _("Document number")),
        column("entry", _("Listed name"), "entry.full_name"),
        column("watchlist", _("Watchlist"), "entry.watchlist.code"),
        column("score", _("Score"), lambda h: round(h.score, 3)),
        column("instruction", _("Instruction"), lambda h: h.entry.get_instruction_display()),
        display("status", _("Status")),
        column("decided_by", _("Decided by"), "decided_by.username"),
    ],
)

# Sensitive: only those who may open the files see (and export) the listed people.
register(
    "watchlists.entries",
    title=_("Watchlist entries"),
    roles=FILE_ROLES,
    allow=can_view_files,
    rows=selectors.entries_from_params,
    personal_data=True,
    screen="watchlists",
    columns=[
        column("external_id", _("Reference")),
        column("full_name", _("Full name")),
        column("aliases", _("Aliases")),
        column("dob", _("Date of birth")),
        column("nationality", _("Nationality")),
        column("gender", _("Sex")),
        column("documents", _("Document numbers"), lambda e: [d.number for d in e.documents.all()]),
        display("instruction", _("Instruction")),
        column("valid_from", _("Valid from")),
        column("valid_until", _("Valid until")),
        column("is_active", _("Active")),
    ],
)
