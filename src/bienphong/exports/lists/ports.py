"""Seaport lists: the officers' queue, an agent's filings, permits."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.exports.registry import Column, column, display, local, register
from bienphong.ports import selectors
from bienphong.ports.views import AGENT, READERS


def _filing_columns() -> list[Column]:
    return [
        column("id", _("Number")),
        column("vessel", _("Ship name"), "port_call.vessel.name"),
        column("imo", _("IMO number"), "port_call.vessel.imo_number"),
        column("flag", _("Flag"), "port_call.vessel.flag"),
        column("port", _("Port"), "port.code"),
        display("kind", _("Declaration")),
        display("status", _("Status")),
        column("eta", _("ETA"), lambda f: local(f.eta)),
        column("submitted_at", _("Submitted at"), lambda f: local(f.submitted_at)),
        column("due_at", _("Answer due"), lambda f: local(f.due_at)),
        column("decided_at", _("Decided at"), lambda f: local(f.decided_at)),
        column("agent", _("Shipping agent"), "organisation.name"),
    ]


register(
    "ports.queue",
    title=_("Seaport filings to answer"),
    roles=READERS,
    rows=selectors.queue_from_params,
    screen="ports_queue",
    columns=_filing_columns(),
)

register(
    "ports.filings",
    title=_("Seaport filings"),
    roles=AGENT,
    rows=selectors.filings_from_params,
    screen="ports_filings",
    columns=_filing_columns(),
)

register(
    "ports.permits",
    title=_("Port permits"),
    roles=READERS,
    rows=selectors.permits_from_params,
    personal_data=True,
    columns=[
        column("number", _("Number")),
        display("kind", _("Permit")),
        column("holder", _("Holder"), "holder_name"),
        column("vessel", _("Ship name"), "filing.port_call.vessel.name"),
        column("port", _("Port"), "filing.port.code"),
        column("valid_from", _("Valid from"), lambda p: local(p.valid_from)),
        column("valid_until", _("Valid until"), lambda p: local(p.valid_until)),
        column("issued_by", _("Issued by"), "issued_by.username"),
        column("revoked_at", _("Revoked at"), lambda p: local(p.revoked_at)),
    ],
)
