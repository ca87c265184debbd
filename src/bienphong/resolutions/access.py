"""Who may do what in this module.

Command staff see and plan for the whole province; a post commander sees the post's
subtree and updates its tasks; officers and administrators read their subtree;
auditors read only; shipping agents see nothing of this module.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from bienphong.errors import NotFound, PermissionDenied
from bienphong.org.models import Unit
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, memberships, require_write, unit_in_scope

VIEW_ROLES = (
    Role.COMMAND_STAFF,
    Role.POST_COMMANDER,
    Role.CHECKPOINT_OFFICER,
    Role.AUDITOR,
    Role.ADMINISTRATOR,
)
PLAN_ROLES = (Role.COMMAND_STAFF, Role.POST_COMMANDER)

NOT_IN_CHAIN = _("A unit can only implement a program of a superior in its chain of command.")
NOT_HOLDER = _("Only the unit that holds the proposal can act on it now.")


def require_view(actor: Any) -> None:
    if not has_role(actor, *VIEW_ROLES):
        raise NotFound()


def can_plan(actor: Any, unit: Unit | None = None) -> bool:
    if not has_role(actor, *PLAN_ROLES):
        return False
    return unit is None or unit_in_scope(actor, unit)


def require_plan(actor: Any, unit: Unit) -> None:
    """Command staff or a post commander, with ``unit`` in scope; read-only roles never."""
    require_view(actor)
    require_write(actor, unit)
    if not has_role(actor, *PLAN_ROLES):
        raise PermissionDenied()


def require_command(actor: Any, unit: Unit) -> None:
    require_plan(actor, unit)
    if not has_role(actor, Role.COMMAND_STAFF):
        raise PermissionDenied()


def holds_at(actor: Any, unit: Unit, *roles: str) -> bool:
    """Does ``actor`` hold one of ``roles`` (default: a planning role) at exactly ``unit``?"""
    wanted = set(roles or PLAN_ROLES)
    return any(m.unit_id == unit.pk and m.role in wanted for m in memberships(actor))


def is_superior(superior: Unit, unit: Unit) -> bool:
    """Is ``superior`` strictly above ``unit`` in the chain of command?"""
    return unit.path != superior.path and unit.path.startswith(superior.path)
