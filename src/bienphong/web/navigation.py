"""The navigation each role sees. Later apps add their entries here."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bienphong.exports.labels import NAV_LABEL as EXPORTS_LABEL
from bienphong.health.labels import NAV_LABEL as HEALTH_LABEL
from bienphong.org.roles import Role
from bienphong.org.scoping import roles_of
from bienphong.resolutions.labels import NAV_LABEL as RESOLUTIONS_LABEL
from bienphong.situation.labels import INCIDENTS_LABEL, REPORTS_LABEL

INTERNAL = frozenset(Role) - {Role.SHIPPING_AGENT}


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    roles: frozenset[str]
    key: str
    # "module:function" taking the user, returning a count shown as a badge (0: none);
    # imported when needed so this module does not depend on every app.
    count: str = ""


NAV_ITEMS: list[NavItem] = [
    NavItem(_("Home"), "home", frozenset(Role), "h"),
    NavItem(_("Units"), "units", INTERNAL, "u"),
    NavItem(
        _("Checkpoint"),
        "checkpoint",
        frozenset({Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF}),
        "c",
    ),
    NavItem(_("Crossings"), "checkpoint_crossings", frozenset({Role.AUDITOR}), "x"),
    NavItem(
        _("Screening"),
        "watchlist_screen",
        frozenset({Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF}),
        "s",
    ),
    NavItem(
        _("Hits to review"),
        "watchlist_hits",
        frozenset({Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR}),
        "r",
    ),
    NavItem(
        _("Dashboard"),
        "command",
        frozenset({Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR}),
        "d",
    ),
    NavItem(HEALTH_LABEL, "health", INTERNAL, "y"),
    NavItem(
        _("Seaport"),
        "ports",
        INTERNAL - {Role.ADMINISTRATOR} | {Role.SHIPPING_AGENT},
        "p",
        count="bienphong.ports.selectors:pending_applications_count",
    ),
    NavItem(RESOLUTIONS_LABEL, "resolutions", INTERNAL, "q"),
    NavItem(INCIDENTS_LABEL, "situation:incidents", INTERNAL - {Role.ADMINISTRATOR}, "i"),
    NavItem(REPORTS_LABEL, "situation:reports", INTERNAL - {Role.ADMINISTRATOR}, "b"),
    NavItem(_("Audit log"), "audit", frozenset({Role.AUDITOR, Role.ADMINISTRATOR}), "a"),
    NavItem(_("API tokens"), "tokens", frozenset(Role), "t"),
    NavItem(_("Notifications"), "notifications", frozenset(Role), "n"),
    NavItem(EXPORTS_LABEL, "exports", frozenset(Role), "e"),
]


def items_for(user: Any) -> list[dict[str, Any]]:
    roles = roles_of(user)
    return [
        {
            "label": item.label,
            "url": reverse(item.url_name),
            "name": item.url_name,
            "key": item.key,
            "count": _count(item.count, user),
        }
        for item in NAV_ITEMS
        if roles & item.roles
    ]


def _count(target: str, user: Any) -> int:
    if not target:
        return 0
    module, _sep, name = target.partition(":")
    return int(getattr(import_module(module), name)(user))
