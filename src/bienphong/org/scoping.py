"""Who may see and change what: the scoping helpers every app uses.

A user's scope is the union of the subtrees of the units they hold a role in;
an agent's scope is their organisation. Anything outside the scope is reported
as "not found", never as "forbidden", so its existence is not revealed.
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db import models
from django.db.models import Q, QuerySet

from bienphong.errors import NotFound, PermissionDenied

from .models import Membership, Unit, User
from .roles import AUDIT_READER_ROLES, EXTERNAL_ROLES, READ_ONLY_ROLES, Role

M = TypeVar("M", bound=models.Model)

_CACHE_ATTR = "_bienphong_memberships"


def request_user(request: Any) -> User:
    """The signed-in user of a request that authentication already let through."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied()
    return user


def memberships(user: Any) -> list[Membership]:
    """The user's memberships, loaded once per request and cached on the user."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        cached = list(user.memberships.select_related("unit", "organisation"))
        setattr(user, _CACHE_ATTR, cached)
    return cached


def roles_of(user: Any) -> set[str]:
    return {m.role for m in memberships(user)}


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def primary_membership(user: Any) -> Membership | None:
    """The membership that decides the home page: internal roles first."""
    found = memberships(user)
    order = [r.value for r in Role]
    return min(found, key=lambda m: order.index(m.role)) if found else None


def is_external(user: Any) -> bool:
    found = roles_of(user)
    return bool(found) and found <= set(EXTERNAL_ROLES)


def can_read_audit(user: Any) -> bool:
    return has_role(user, *AUDIT_READER_ROLES)


def scope_paths(user: Any) -> list[str]:
    return sorted({m.unit.path for m in memberships(user) if m.unit is not None})


def _unit_q(paths: list[str], prefix: str) -> Q:
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{prefix}path__startswith": p}) for p in paths))


def units_in_scope(user: Any) -> QuerySet[Unit]:
    return Unit.objects.filter(_unit_q(scope_paths(user), ""))


def scope_queryset(
    qs: QuerySet[M],
    user: Any,
    *,
    unit_field: str | None = "unit",
    organisation_field: str | None = None,
) -> QuerySet[M]:
    """Filter ``qs`` to the rows in the user's scope.

    ``unit_field`` names the foreign key to ``Unit`` that owns a row;
    ``organisation_field`` the one to ``Organisation`` (for agents' records).
    """
    conditions: list[Q] = []
    paths = scope_paths(user)
    if unit_field is not None and paths:
        conditions.append(_unit_q(paths, f"{unit_field}__"))
    if organisation_field is not None:
        org_ids = [m.organisation_id for m in memberships(user) if m.organisation_id]
        if org_ids:
            conditions.append(Q(**{f"{organisation_field}__in": org_ids}))
    if not conditions:
        return qs.none()
    return qs.filter(reduce(or_, conditions))


def unit_in_scope(user: Any, unit: Unit) -> bool:
    return any(unit.path.startswith(p) for p in scope_paths(user))


def get_in_scope(qs: QuerySet[M], user: Any, **lookup: Any) -> M:
    """Fetch and authorise in one step: outside the scope is not found."""
    obj = qs.filter(**lookup).first()
    if obj is None:
        raise NotFound()
    return obj


def require_write(user: Any, unit: Unit | None = None) -> None:
    """Raise unless ``user`` may change records of ``unit``."""
    roles = roles_of(user)
    if not roles or roles <= set(READ_ONLY_ROLES):
        raise PermissionDenied()
    if unit is not None and not unit_in_scope(user, unit):
        raise NotFound()


def require_role(user: Any, *roles: str) -> None:
    if not has_role(user, *roles):
        raise PermissionDenied()
