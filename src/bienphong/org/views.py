"""Pages for units and for the caller's API tokens."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bienphong.errors import NotFound, ValidationFailed
from bienphong.web.decorators import internal_view

from . import selectors, services
from .roles import Role
from .scoping import request_user

INTERNAL_ROLES = [r for r in Role if r != Role.SHIPPING_AGENT]


@internal_view(*INTERNAL_ROLES)
def unit_list(request: HttpRequest) -> HttpResponse:
    units = selectors.unit_list(actor=request.user)
    return render(request, "org/unit_list.html", {"units": units})


@internal_view(*INTERNAL_ROLES)
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = selectors.unit_get(actor=request.user, code=code)
    members = selectors.unit_members(actor=request.user, unit=unit)
    children = selectors.unit_list(actor=request.user).filter(parent=unit)
    return render(
        request, "org/unit_detail.html", {"unit": unit, "members": members, "children": children}
    )


@internal_view()
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = selectors.token_list(actor=request.user, user=request_user(request))
    new_token = request.session.pop("new_api_token", None)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            _row, clear = services.token_create(
                actor=request.user, user=request_user(request), name=request.POST.get("name", "")
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            # Shown once, on the next page, then gone.
            request.session["new_api_token"] = clear
            return redirect("tokens")
    return render(
        request, "org/token_list.html", {"tokens": tokens, "new_token": new_token, "errors": errors}
    )


@require_POST
@internal_view()
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = (
        selectors.token_list(actor=request.user, user=request_user(request))
        .filter(pk=token_id)
        .first()
    )
    if token is None:
        raise NotFound()
    services.token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("tokens")
