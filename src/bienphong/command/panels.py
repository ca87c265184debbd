"""Dashboard panels other apps contribute (e.g. the situation log's open incidents).

Register from your ``AppConfig.ready()``::

    from bienphong.command.panels import Panel, register
    register(Panel(key="incidents", title=_("Open incidents"),
                   template="situation/_dashboard_panel.html",
                   context=lambda actor, period: {"incidents": open_for(actor)},
                   roles=frozenset({Role.POST_COMMANDER, Role.COMMAND_STAFF}), order=50))

``context`` is called with the signed-in user and the dashboard's ``Period`` and must
scope what it returns to that user; the template is included inside a card.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bienphong.org.scoping import roles_of


@dataclass(frozen=True)
class Panel:
    key: str
    title: Any
    template: str
    context: Callable[[Any, Any], dict[str, Any]]
    roles: frozenset[str]
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    """Add or replace (same key) a panel; registering twice is harmless."""
    _PANELS[panel.key] = panel


def unregister(key: str) -> None:
    _PANELS.pop(key, None)


def panels_for(actor: Any) -> list[Panel]:
    roles = roles_of(actor)
    return sorted((p for p in _PANELS.values() if roles & p.roles), key=lambda p: p.order)


def render_context(actor: Any, period: Any) -> list[dict[str, Any]]:
    return [
        {"panel": panel, "context": panel.context(actor, period)} for panel in panels_for(actor)
    ]
