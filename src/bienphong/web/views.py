"""The home page of each role, and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bienphong.audit.models import AuditEntry
from bienphong.org import selectors as org_selectors
from bienphong.org.roles import Role
from bienphong.org.scoping import can_read_audit, primary_membership

from .decorators import internal_view


@internal_view()
def home(request: HttpRequest) -> HttpResponse:
    membership = primary_membership(request.user)
    role = membership.role if membership else ""
    context: dict[str, object] = {"membership": membership, "role": role}
    if role and role != Role.SHIPPING_AGENT:
        units = org_selectors.unit_list(actor=request.user)
        context["units"] = units[:50]
        context["unit_count"] = units.count()
    if can_read_audit(request.user):
        context["recent_audit"] = AuditEntry.objects.order_by("-id")[:10]
    template = f"web/home/{role}.html" if role else "web/home/no_role.html"
    return render(request, template, context)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        from bienphong.api import error_response
        from bienphong.errors import NotFound

        return error_response(request, 404, NotFound.code, str(NotFound.default_message))
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
