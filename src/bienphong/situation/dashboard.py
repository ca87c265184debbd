"""The "open incidents" panel for the command dashboard."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from bienphong.command.panels import Panel, register
from bienphong.org.roles import Role

from . import selectors


def _context(actor: Any, period: Any) -> dict[str, Any]:
    # Open incidents are shown whatever the dashboard's period: they still need action.
    qs = selectors.incidents(actor).exclude(status="closed")
    return {"incidents": list(qs[:10]), "open_count": qs.count()}


def register_panel() -> None:
    register(
        Panel(
            key="situation.open_incidents",
            title=_("Open incidents"),
            template="situation/_dashboard_panel.html",
            context=_context,
            roles=frozenset({Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR}),
            order=50,
        )
    )
