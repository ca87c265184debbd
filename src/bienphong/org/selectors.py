"""Reads for units, users and tokens, already scoped to the actor."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from .models import ApiToken, Membership, Unit, User
from .roles import Role
from .scoping import get_in_scope, has_role, memberships, scope_paths, units_in_scope


def unit_list(*, actor: Any) -> QuerySet[Unit]:
    return units_in_scope(actor).select_related("parent")


def unit_get(*, actor: Any, code: str) -> Unit:
    return get_in_scope(unit_list(actor=actor), actor, code=code)


def user_list(*, actor: Any) -> QuerySet[User]:
    """Users the actor may see: those holding a role in a unit of the actor's scope,
    or, for an agent, the users of the agent's own organisation."""
    member_qs = Membership.objects.select_related("unit", "organisation")
    users = User.objects.prefetch_related(Prefetch("memberships", queryset=member_qs))
    paths = scope_paths(actor)
    org_ids = [m.organisation_id for m in memberships(actor) if m.organisation_id]
    visible = Membership.objects.none()
    if paths:
        unit_ids = units_in_scope(actor).values("pk")
        visible = Membership.objects.filter(unit__in=unit_ids)
        if has_role(actor, Role.COMMAND_STAFF, Role.ADMINISTRATOR):
            visible = visible | Membership.objects.filter(organisation__isnull=False)
    if org_ids:
        visible = visible | Membership.objects.filter(organisation_id__in=org_ids)
    return users.filter(pk__in=visible.values("user_id")).order_by("username")


def unit_members(*, actor: Any, unit: Unit) -> QuerySet[User]:
    return user_list(actor=actor).filter(memberships__unit=unit).distinct()


def token_list(*, actor: Any, user: User) -> QuerySet[ApiToken]:
    if actor.pk != user.pk and not has_role(actor, Role.ADMINISTRATOR):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(user=user).order_by("-created_at")
