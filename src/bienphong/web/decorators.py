"""View helpers: sign-in required, roles, and domain errors turned into pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from bienphong.errors import NotFound, PermissionDenied
from bienphong.org.scoping import has_role

View = Callable[..., HttpResponse]


def internal_view(*roles: str) -> Callable[[View], View]:
    """Require sign-in and (if given) one of ``roles``; map domain errors to 404/403."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if roles and not has_role(request.user, *roles):
                raise DjangoPermissionDenied
            try:
                return view(request, *args, **kwargs)
            except NotFound as error:
                raise Http404(str(error.message)) from error
            except PermissionDenied as error:
                raise DjangoPermissionDenied(str(error.message)) from error

        return login_required(wrapper)

    return decorate
