"""Incident screens: list with filters, detail, record/edit, follow-up, close, files."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bienphong.errors import Conflict, ValidationFailed
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import selectors
from ..downloads import attachment_response
from ..forms import IncidentForm
from ..models import IncidentKind, IncidentStatus
from ..services import incidents as services
from .common import INTERNAL, WRITERS, page_number, show_errors


@internal_view(*INTERNAL)
def incident_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    q = request.GET
    errors: dict[str, list[str]] = {}
    try:
        qs = selectors.incidents_from_params(actor, q)
    except ValidationFailed as error:
        errors, qs = error.fields, selectors.incidents(actor).none()
    page = Paginator(qs, 50).get_page(page_number(request))
    query = q.copy()
    query.pop("page", None)
    return render(
        request,
        "situation/incident_list.html",
        {
            "page": page,
            "filters": q,
            "query": query.urlencode(),
            "kinds": IncidentKind.choices,
            "statuses": IncidentStatus.choices,
            "units": units_in_scope(actor).exclude(unit_type="command"),
            "can_write": has_role(actor, *WRITERS),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


def _form_page(request: HttpRequest, form: IncidentForm, incident: Any = None) -> HttpResponse:
    return render(request, "situation/incident_form.html", {"form": form, "incident": incident})


@internal_view(*WRITERS)
def incident_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    form = IncidentForm(request.POST or None, units=units_in_scope(actor))
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_create(actor=actor, data=form.to_data())
        except ValidationFailed as error:
            show_errors(form, error)
        else:
            messages.success(request, _("The incident is recorded."))
            return redirect("situation:incident_detail", incident.pk)
    return _form_page(request, form)


@internal_view(*WRITERS)
def incident_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    incident = selectors.incident_view(actor=actor, pk=pk)
    initial = IncidentForm.initial_from(incident)
    form = IncidentForm(request.POST or None, units=units_in_scope(actor), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.incident_update(actor=actor, incident=incident, data=form.to_data())
        except (ValidationFailed, Conflict) as error:
            if isinstance(error, ValidationFailed):
                show_errors(form, error)
            else:
                form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The incident is saved."))
            return redirect("situation:incident_detail", incident.pk)
    return _form_page(request, form, incident)


@internal_view(*INTERNAL)
def incident_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    incident = selectors.incident_view(actor=actor, pk=pk)
    return render(
        request,
        "situation/incident_detail.html",
        {
            "incident": incident,
            "people": incident.people.all(),
            "vehicles": incident.vehicles.all(),
            "follow_ups": incident.follow_ups.select_related("author"),
            "attachments": incident.attachments.all(),
            "can_write": has_role(actor, *WRITERS) and incident.status != IncidentStatus.CLOSED,
        },
    )


def _post_action(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    actor = request_user(request)
    incident = selectors.incident_get(actor=actor, pk=pk)
    try:
        action(actor, incident)
    except (ValidationFailed, Conflict) as error:
        detail = "; ".join(m for msgs in getattr(error, "fields", {}).values() for m in msgs)
        messages.error(request, detail or str(error.message))
    else:
        messages.success(request, done)
    return redirect("situation:incident_detail", pk)


@require_POST
@internal_view(*WRITERS)
def incident_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _post_action(
        request,
        pk,
        lambda actor, i: services.follow_up_add(actor=actor, incident=i, note=note),
        _("The follow-up is added."),
    )


@require_POST
@internal_view(*WRITERS)
def incident_close(request: HttpRequest, pk: int) -> HttpResponse:
    note = request.POST.get("note", "")
    return _post_action(
        request,
        pk,
        lambda actor, i: services.incident_close(actor=actor, incident=i, note=note),
        _("The incident is closed."),
    )


@require_POST
@internal_view(*WRITERS)
def incident_attach(request: HttpRequest, pk: int) -> HttpResponse:
    upload = request.FILES.get("file")

    def attach(actor: Any, incident: Any) -> None:
        if upload is None:
            raise ValidationFailed(fields={"file": [_("Choose a file.")]})
        services.attachment_add(
            actor=actor, incident=incident, name=upload.name or "file", data=upload.read()
        )

    return _post_action(request, pk, attach, _("The file is attached."))


@internal_view(*INTERNAL)
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    return attachment_response(actor=request_user(request), pk=pk)  # type: ignore[return-value]
