"""Writes for units, users, memberships and API tokens. Every write is audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import NotFound, ValidationFailed, full_clean

from .models import ApiToken, Membership, Organisation, Unit, User
from .roles import Role
from .scoping import has_role, require_role
from .tokens import new_token

_clean = full_clean


@transaction.atomic
def unit_create(*, actor: Any, parent: Unit | None, **fields: Any) -> Unit:
    unit = Unit(parent=parent, **fields)
    unit.path = unit.compute_path()
    _clean(unit)
    unit.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="org.unit.create",
        obj=unit,
        after=audit.snapshot(unit),
    )
    return unit


@transaction.atomic
def organisation_create(*, actor: Any, **fields: Any) -> Organisation:
    organisation = Organisation(**fields)
    _clean(organisation)
    organisation.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="org.organisation.create",
        obj=organisation,
        after=audit.snapshot(organisation),
    )
    return organisation


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    role: str,
    unit: Unit | None = None,
    organisation: Organisation | None = None,
    full_name: str = "",
    email: str = "",
) -> User:
    """Create a user holding one role. Validates the password with Django's validators."""
    if role not in Role.values:
        raise ValidationFailed(fields={"role": [_("Unknown role.")]})
    if role == Role.SHIPPING_AGENT and organisation is None:
        raise ValidationFailed(
            fields={"organisation": [_("A shipping agent must belong to an organisation.")]}
        )
    if role != Role.SHIPPING_AGENT and unit is None:
        raise ValidationFailed(fields={"unit": [_("This role needs a unit.")]})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationFailed(fields={"username": [_("This user name is already taken.")]})
    user = User(username=username, full_name=full_name, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationFailed(fields={"password": [str(m) for m in error.messages]}) from error
    user.set_password(password)
    # Administrators manage users and units on the (audited) admin site.
    user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
    _clean(user)
    user.save()
    membership = Membership(user=user, role=role, unit=unit, organisation=organisation)
    _clean(membership)
    membership.save()
    after = audit.snapshot(user, fields=["username", "full_name", "email", "is_active"])
    after["role"] = role
    after["unit"] = unit.code if unit else None
    after["organisation"] = organisation.pk if organisation else None
    audit.record(
        actor=actor, action=AuditAction.CREATE, event="org.user.create", obj=user, after=after
    )
    return user


@transaction.atomic
def token_create(*, actor: Any, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token for ``user`` (the user themself or an administrator).

    Returns the token row and the clear token, which is never stored."""
    if actor is not None and actor.pk != user.pk:
        require_role(actor, Role.ADMINISTRATOR)
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(fields={"name": [_("Give the token a name.")]})
    clear, prefix, digest = new_token()
    token = ApiToken(
        user=user,
        name=name[:100],
        prefix=prefix,
        digest=digest,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    token.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="org.token.create",
        obj=token,
        after={"user": user.username, "name": token.name, "prefix": prefix},
    )
    return token, clear


@transaction.atomic
def token_revoke(*, actor: Any, token: ApiToken) -> ApiToken:
    is_owner = actor is not None and actor.pk == token.user_id
    if not is_owner and not has_role(actor, Role.ADMINISTRATOR) and actor is not None:
        raise NotFound()
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.revoked_by = actor if getattr(actor, "pk", None) else None
    token.save(update_fields=["revoked_at", "revoked_by"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="org.token.revoke",
        obj=token,
        before={"revoked_at": None},
        after={"revoked_at": token.revoked_at},
    )
    return token
