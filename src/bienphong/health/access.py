"""Who may do what with health control."""

from __future__ import annotations

from typing import Any

from bienphong.errors import PermissionDenied
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role

INTERNAL_ROLES = tuple(r for r in Role if r != Role.SHIPPING_AGENT)
# Measures: everyone internal reads, command staff write.
MEASURE_WRITE_ROLES = (Role.COMMAND_STAFF,)
# Declarations hold sensitive health data: the people who check travellers, and auditors.
DECLARATION_READ_ROLES = (
    Role.CHECKPOINT_OFFICER,
    Role.POST_COMMANDER,
    Role.COMMAND_STAFF,
    Role.AUDITOR,
)
DECLARATION_TAKE_ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF)


def require(user: Any, roles: tuple[str, ...]) -> None:
    if not has_role(user, *roles):
        raise PermissionDenied()


def can_write_measures(user: Any) -> bool:
    return has_role(user, *MEASURE_WRITE_ROLES)
