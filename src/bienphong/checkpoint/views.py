"""The checkpoint screen (keyboard-first) and the lists around it."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.models import UnitType
from bienphong.org.roles import Role
from bienphong.org.scoping import request_user, units_in_scope
from bienphong.web.decorators import internal_view

from . import selectors
from .models import Decision, Direction, DocumentType, ListItem, ListKind, Traveller
from .services import crossings as crossing_services
from .services.checks import run_check
from .services.documents import MANUAL_TYPES
from .services.vehicles import vehicle_crossing_record

OFFICER_ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF)
READ_ROLES = (*OFFICER_ROLES, Role.AUDITOR)
SESSION_KEY = "checkpoint_station"


def _station(request: HttpRequest) -> dict[str, str]:
    station = dict(request.session.get(SESSION_KEY) or {})
    for name in ("gate", "lane", "direction"):
        if name in request.GET:
            station[name] = request.GET[name][:16]
    station.setdefault("direction", Direction.ENTRY)
    request.session[SESSION_KEY] = station
    return station


def _gates(actor: Any) -> Any:
    return units_in_scope(actor).filter(unit_type__in=[UnitType.GATE, UnitType.STATION])


def _payload(request: HttpRequest) -> dict[str, Any]:
    post = request.POST
    payload: dict[str, Any] = {
        name: post.get(name, "")
        for name in (
            "gate",
            "lane",
            "direction",
            "mrz",
            "declaration_code",
            "category",
            "decision",
            "reason_code",
            "reason_text",
            "purpose",
            "destination",
            "check_token",
        )
    }
    if not payload["mrz"].strip() and post.get("doc_type"):
        payload["document"] = {
            name: post.get(name, "")
            for name in (
                "doc_type",
                "number",
                "full_name",
                "nationality",
                "issuing_state",
                "birth_date",
                "sex",
                "issue_date",
                "expiry_date",
                "entries",
            )
        }
        payload["document"]["areas"] = post.getlist("areas")
    payload["travel_countries"] = [
        c.strip().upper() for c in post.get("travel_countries", "").split(",") if c.strip()
    ]
    return payload


def _lists() -> dict[str, list[ListItem]]:
    out: dict[str, list[ListItem]] = {kind: [] for kind in ListKind.values}
    for item in ListItem.objects.filter(is_active=True):
        out[item.kind].append(item)
    return out


@internal_view(*OFFICER_ROLES)
def station(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    current = _station(request)
    gates = _gates(actor)
    if current.get("gate") not in {g.code for g in gates} and gates:
        current["gate"] = gates[0].code
        request.session[SESSION_KEY] = current
    return render(
        request,
        "checkpoint/station.html",
        {
            "station": current,
            "gates": gates,
            "directions": Direction.choices,
            "doc_types": [(t.value, t.label) for t in DocumentType if t in MANUAL_TYPES],
            "counts": selectors.today_counts(
                gate_code=current.get("gate", ""), lane=current.get("lane", "")
            ),
        },
    )


@internal_view(*OFFICER_ROLES)
def counts(request: HttpRequest) -> HttpResponse:
    current = _station(request)
    return render(
        request,
        "checkpoint/_counts.html",
        {
            "counts": selectors.today_counts(
                gate_code=current.get("gate", ""), lane=current.get("lane", "")
            ),
            "station": current,
        },
    )


@internal_view(*OFFICER_ROLES)
def check(request: HttpRequest) -> HttpResponse:
    """htmx: every check for the scanned document, and the decision keys."""
    payload = _payload(request)
    try:
        result = run_check(actor=request_user(request), payload=payload)
    except ValidationFailed as error:
        return render(request, "checkpoint/_errors.html", {"errors": error.fields})
    return render(
        request,
        "checkpoint/_result.html",
        {
            "result": result,
            "data": result.as_response(request_user(request)),
            "payload": payload,
            "idempotency_key": uuid.uuid4().hex,
            "lists": _lists(),
        },
    )


@internal_view(*OFFICER_ROLES)
def decide(request: HttpRequest) -> HttpResponse:
    payload = _payload(request)
    try:
        crossing, _created = crossing_services.crossing_record(
            actor=request_user(request),
            payload=payload,
            idempotency_key=request.POST.get("idempotency_key", ""),
        )
    except ValidationFailed as error:
        # Keep the checks on screen; show what to correct above the decision keys.
        response = render(request, "checkpoint/_errors.html", {"errors": error.fields})
        response["HX-Retarget"] = "#decide-errors"
        response["HX-Reswap"] = "innerHTML"
        return response
    response = render(request, "checkpoint/_recorded.html", {"crossing": crossing})
    response["HX-Trigger"] = "crossing-recorded"
    return response


@internal_view(*READ_ROLES)
def crossing_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    params = {
        name: request.GET.get(name, "").strip()
        for name in ("gate", "direction", "decision", "nationality", "q")
    }
    errors: dict[str, list[str]] = {}
    try:
        qs = selectors.crossings_from_params(actor, request.GET)
    except ValidationFailed as error:
        errors, qs = error.fields, selectors.current_crossings().none()
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "checkpoint/crossings.html",
        {
            "page": page,
            "params": params,
            "errors": errors,
            "querystring": query.urlencode(),
            "directions": Direction.choices,
            "decisions": Decision.choices,
            "gates": _gates(actor),
        },
    )


@internal_view(*READ_ROLES)
def crossing_detail(request: HttpRequest, crossing_id: int) -> HttpResponse:
    actor = request_user(request)
    crossing = selectors.crossing_get(actor=actor, pk=crossing_id)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        changes = {
            k: request.POST[k]
            for k in ("decision", "reason_code", "reason_text")
            if request.POST.get(k, "") != ""
        }
        try:
            fresh = crossing_services.crossing_correct(
                actor=actor,
                crossing=crossing,
                changes=changes,
                reason=request.POST.get("correction_reason", ""),
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            messages.success(request, _("Correction recorded."))
            return redirect("checkpoint_crossing", crossing_id=fresh.pk)
    return render(
        request,
        "checkpoint/crossing.html",
        {
            "crossing": crossing,
            "errors": errors,
            "decisions": Decision.choices,
            "lists": _lists(),
            "superseded_by": getattr(crossing, "correction", None),
        },
    )


@internal_view(*READ_ROLES)
def overstays(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    return render(
        request,
        "checkpoint/overstays.html",
        {
            "stays": selectors.overstays(actor=actor)[:500],
            "exits": selectors.exits_without_entry(actor=actor)[:500],
        },
    )


@internal_view(*READ_ROLES)
def traveller_detail(request: HttpRequest, traveller_id: int) -> HttpResponse:
    actor = request_user(request)
    traveller = selectors.traveller_get(actor=actor, pk=traveller_id)
    if request.method == "POST":
        other = Traveller.objects.filter(pk=request.POST.get("duplicate") or 0).first()
        try:
            if other is None:
                raise ValidationFailed(fields={"duplicate": [_("No such traveller.")]})
            crossing_services.traveller_merge(
                actor=actor,
                survivor=traveller,
                duplicate=other,
                reason=request.POST.get("reason", ""),
            )
        except ValidationFailed as error:
            messages.error(request, " ".join(m for ms in error.fields.values() for m in ms))
        else:
            messages.success(request, _("Records merged."))
        return redirect("checkpoint_traveller", traveller_id=traveller.pk)
    return render(
        request,
        "checkpoint/traveller.html",
        {
            "traveller": traveller,
            "documents": traveller.documents.all(),
            "crossings": selectors.crossing_list(actor=actor).filter(
                traveller__in=[traveller, *traveller.merged.all()]
            )[:100],
            "merged": traveller.merged.all(),
        },
    )


@internal_view(*READ_ROLES)
def vehicles(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        post = request.POST
        payload: dict[str, Any] = {
            k: post.get(k, "")
            for k in (
                "gate",
                "direction",
                "plate",
                "country",
                "vehicle_type",
                "owner",
                "cargo",
                "driver_crossing",
            )
        }
        payload["passenger_crossings"] = [
            p for p in post.get("passenger_crossings", "").replace(",", " ").split() if p.isdigit()
        ]
        if post.get("permit_number"):
            payload["permit"] = {
                "number": post["permit_number"],
                "valid_from": post.get("permit_valid_from", ""),
                "exit_deadline": post.get("permit_exit_deadline", ""),
            }
        try:
            vehicle_crossing_record(
                actor=actor, payload=payload, idempotency_key=post.get("idempotency_key", "")
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            messages.success(request, _("Vehicle crossing recorded."))
            return redirect("checkpoint_vehicles")
    return render(
        request,
        "checkpoint/vehicles.html",
        {
            "crossings": selectors.vehicle_crossing_list(actor=actor)[:100],
            "overdue": selectors.overdue_vehicles(actor=actor)[:200],
            "gates": _gates(actor),
            "errors": errors,
            "form": request.POST,
            "directions": Direction.choices,
            "idempotency_key": uuid.uuid4().hex,
        },
    )
