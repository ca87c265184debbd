"""The router and the look-ups the endpoint modules share."""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Router

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit, User
from bienphong.org.scoping import units_in_scope

router = Router(tags=["resolutions"])


def _unit(actor: Any, code: str, field: str = "unit") -> Unit:
    unit = units_in_scope(actor).filter(code=code).first()
    if unit is None:
        raise ValidationFailed(fields={field: [_("No such unit in your scope.")]})
    return unit


def _user(username: str, field: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValidationFailed(fields={field: [_("No such user.")]})
    return user


def _default_unit(actor: Any, resolution: Any) -> Unit:
    scope = units_in_scope(actor)
    if scope.filter(pk=resolution.unit_id).exists():
        return resolution.unit  # type: ignore[no-any-return]
    first = scope.order_by("path").first()
    if first is None:
        raise ValidationFailed(fields={"unit": [_("Choose a unit.")]})
    return first
