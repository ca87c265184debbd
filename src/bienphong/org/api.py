"""API for the caller's identity, units, users and API tokens."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import NotFound

from . import selectors, services
from .models import ApiToken, Unit, User
from .scoping import memberships, request_user

router = Router(tags=["organisation"])


class MembershipOut(Schema):
    role: str
    role_label: str
    unit: str | None
    unit_name: str | None
    organisation: str | None


class MeOut(Schema):
    username: str
    full_name: str
    roles: list[str]
    units: list[str]
    memberships: list[MembershipOut]


class UnitOut(Schema):
    code: str
    name_vi: str
    name_en: str
    unit_type: str
    gate_kind: str
    unlocode: str
    parent: str | None

    @staticmethod
    def resolve_parent(obj: Unit) -> str | None:
        return obj.parent.code if obj.parent else None


class UserOut(Schema):
    username: str
    full_name: str
    is_active: bool
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(obj: User) -> list[dict[str, Any]]:
        return [_membership(m) for m in obj.memberships.all()]


class TokenIn(Schema):
    name: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreatedOut(TokenOut):
    token: str


def _membership(m: Any) -> dict[str, Any]:
    return {
        "role": m.role,
        "role_label": str(m.get_role_display()),
        "unit": m.unit.code if m.unit else None,
        "unit_name": m.unit.name if m.unit else None,
        "organisation": m.organisation.name if m.organisation else None,
    }


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> dict[str, Any]:
    """The caller: user, units and roles."""
    user = request.user
    found = memberships(user)
    return {
        "username": user.get_username(),
        "full_name": getattr(user, "full_name", ""),
        "roles": sorted({m.role for m in found}),
        "units": sorted({m.unit.code for m in found if m.unit}),
        "memberships": [_membership(m) for m in found],
    }


@router.get("/units", response=list[UnitOut])
@paginate(LimitOffsetPagination)
def unit_list(request: HttpRequest) -> Any:
    """Units in the caller's scope, in tree order."""
    return selectors.unit_list(actor=request.user)


@router.get("/units/{code}", response=UnitOut)
def unit_detail(request: HttpRequest, code: str) -> Unit:
    return selectors.unit_get(actor=request.user, code=code)


@router.get("/users", response=list[UserOut])
@paginate(LimitOffsetPagination)
def user_list(request: HttpRequest) -> Any:
    """Users in the caller's scope (an agent sees its own organisation's users)."""
    return selectors.user_list(actor=request.user)


@router.get("/tokens", response=list[TokenOut])
def token_list(request: HttpRequest) -> Any:
    """The caller's own API tokens (never the secret)."""
    return list(selectors.token_list(actor=request.user, user=request_user(request)))


@router.post("/tokens", response={201: TokenCreatedOut})
def token_create(request: HttpRequest, payload: TokenIn) -> Status[dict[str, Any]]:
    """Create a token; the response carries it once and it is never shown again."""
    token, clear = services.token_create(
        actor=request.user, user=request_user(request), name=payload.name
    )
    return Status(201, {**TokenOut.from_orm(token).model_dump(), "token": clear})


@router.delete("/tokens/{token_id}", response=TokenOut)
def token_revoke(request: HttpRequest, token_id: int) -> ApiToken:
    token = (
        selectors.token_list(actor=request.user, user=request_user(request))
        .filter(pk=token_id)
        .first()
    )
    if token is None:
        raise NotFound()
    return services.token_revoke(actor=request.user, token=token)
