"""Which units' numbers an actor may read, optionally narrowed to one unit's subtree."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied

from bienphong.errors import NotFound
from bienphong.org.models import Unit
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, unit_in_scope, units_in_scope

STATS_ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR)


def require_stats_role(actor: Any) -> None:
    if not has_role(actor, *STATS_ROLES):
        raise DjangoPermissionDenied


def stats_unit_ids(actor: Any, unit_code: str = "") -> list[int]:
    """The actor's units, or the subtree of ``unit_code`` if it is within their scope;
    a unit outside the scope is "not found", as everywhere else."""
    qs = units_in_scope(actor)
    if unit_code:
        unit = Unit.objects.filter(code=unit_code).first()
        if unit is None or not unit_in_scope(actor, unit):
            raise NotFound(fields={"unit": [str(NotFound.default_message)]})
        qs = qs.filter(path__startswith=unit.path)
    return list(qs.values_list("pk", flat=True))
