"""Pages for agent self-registration: the public application form (no sign-in, rate
limited, CSRF-protected, with a honeypot), command staff's decisions, and an approved
agent's page for their own organisation's users."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect

from bienphong.errors import DomainError, ValidationFailed
from bienphong.org.models import Unit, UnitType
from bienphong.org.roles import Role
from bienphong.org.scoping import request_user
from bienphong.ratelimit import Limit, client_address
from bienphong.web.decorators import internal_view

from . import applications
from .application_models import AgentApplication, ApplicationStatus

HONEYPOT = "website"  # hidden from people; bots fill it in


class RateLimited(DomainError):
    code = "too_many_requests"
    status = 429
    default_message = gettext_lazy("Too many applications from your connection; try again later.")


APPLICATIONS = Limit("ports:apply", "BIENPHONG_AGENT_APPLICATION_RATE", "5/hour", RateLimited)
rate_check = APPLICATIONS.check


def form_data(post: Any) -> dict[str, Any]:
    data: dict[str, Any] = {key: post.get(key, "") for key in post}
    data["ports"] = post.getlist("ports")
    return data


def seaports() -> Any:
    return Unit.objects.filter(unit_type=UnitType.SEAPORT, is_active=True).order_by("code")


@csrf_protect
def apply(request: HttpRequest) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    status = 200
    post = request.POST if request.method == "POST" else None
    if post is not None:
        try:
            rate_check(client_address(request))
            if post.get(HONEYPOT):
                # Answer as if accepted; store nothing.
                return redirect("ports_applied")
            applications.application_submit(actor=None, data=form_data(post))
        except RateLimited as error:
            errors, status = {"__all__": [str(error.message)]}, 429
        except ValidationFailed as error:
            errors, status = error.fields, 400
        else:
            return redirect("ports_applied")
    context = {
        "form": post or {},
        "chosen_ports": post.getlist("ports") if post else [],
        "errors": errors,
        "general_errors": errors.get("__all__", []),
        "seaports": seaports(),
        "honeypot": HONEYPOT,
    }
    return render(request, "ports/apply.html", context, status=status)


def applied(request: HttpRequest) -> HttpResponse:
    return render(request, "ports/applied.html")


@internal_view(Role.COMMAND_STAFF, Role.ADMINISTRATOR)
def application_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    if request.method == "POST":
        application = get_object_or_404(AgentApplication, pk=request.POST.get("application") or 0)
        try:
            if request.POST.get("decision") == "approve":
                applications.application_approve(actor=actor, application=application)
                messages.success(
                    request, _("%(name)s approved.") % {"name": application.organisation}
                )
            else:
                applications.application_reject(
                    actor=actor, application=application, reason=request.POST.get("reason", "")
                )
                messages.success(
                    request, _("%(name)s rejected.") % {"name": application.organisation}
                )
        except DomainError as error:
            details = [m for msgs in error.fields.values() for m in msgs]
            messages.error(request, " ".join([str(error.message), *details]))
        return redirect("ports_applications")
    decided = AgentApplication.objects.exclude(status=ApplicationStatus.PENDING).select_related(
        "organisation", "applicant"
    )
    return render(
        request,
        "ports/applications.html",
        {
            "pending": applications.pending().prefetch_related("ports"),
            "decided": decided.order_by("-decided_at")[:50],
        },
    )


@internal_view(Role.SHIPPING_AGENT)
def organisation_users(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    errors: dict[str, list[str]] = {}
    status = 200
    if request.method == "POST":
        try:
            user = applications.organisation_user_add(actor=actor, data=request.POST.dict())
        except ValidationFailed as error:
            errors, status = error.fields, 400
        else:
            messages.success(request, _("%(name)s can now sign in.") % {"name": user})
            return redirect("ports_organisation_users")
    users = applications.organisation_users(actor=actor)
    return render(
        request,
        "ports/organisation_users.html",
        {"users": users, "errors": errors, "form": request.POST if errors else {}},
        status=status,
    )
