"""Staff screens: measures (command staff edit), declarations (lookup, list, taken at the
gate) and a try-out evaluation of a crossing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.scoping import has_role, request_user
from bienphong.web.decorators import internal_view

from . import codes, selectors, services
from .access import (
    DECLARATION_READ_ROLES,
    DECLARATION_TAKE_ROLES,
    INTERNAL_ROLES,
    can_write_measures,
)
from .inputs import gate_choices
from .models import Category, Direction, Disease, Requirement, Source, Symptom
from .public import form_context, form_data, qr_svg


def _measure_form(post: Any) -> dict[str, Any]:
    data: dict[str, Any] = {key: post.get(key, "") for key in post}
    for name in ("gates", "directions", "categories", "trigger_symptoms"):
        data[name] = post.getlist(name)
    data["is_active"] = bool(post.get("is_active"))
    data["trigger_contact"] = bool(post.get("trigger_contact"))
    return data


def _measure_context(measure: Any, form: Any, errors: dict[str, list[str]]) -> dict[str, Any]:
    if form is None and measure is not None:
        local = timezone.localtime
        form = {
            "title": measure.title,
            "description": measure.description,
            "legal_basis": measure.legal_basis,
            "requirement": measure.requirement,
            "is_active": measure.is_active,
            "valid_from": local(measure.valid_from).strftime("%Y-%m-%dT%H:%M"),
            "valid_until": (
                local(measure.valid_until).strftime("%Y-%m-%dT%H:%M") if measure.valid_until else ""
            ),
            "origin_countries": ", ".join(measure.origin_countries),
            "travel_countries": ", ".join(measure.travel_countries),
            "lookback_days": measure.lookback_days,
            "test_within_hours": measure.test_within_hours or "",
            "disease": measure.disease,
            "vaccination_min_days": measure.vaccination_min_days,
            "declaration_valid_hours": measure.declaration_valid_hours,
            "trigger_contact": measure.trigger_contact,
        }
        chosen = {
            "gates": [g.code for g in measure.gates.all()],
            "directions": measure.directions,
            "categories": measure.categories,
            "trigger_symptoms": measure.trigger_symptoms,
        }
    elif form is not None:
        chosen = {
            n: form.getlist(n) for n in ("gates", "directions", "categories", "trigger_symptoms")
        }
    else:
        form = {"is_active": True, "lookback_days": 14, "declaration_valid_hours": 72}
        chosen = {"gates": [], "directions": [], "categories": [], "trigger_symptoms": []}
    return {
        "measure": measure,
        "form": form,
        "chosen": chosen,
        "errors": errors,
        "requirements": Requirement.choices,
        "directions": Direction.choices,
        "categories": Category.choices,
        "symptoms": Symptom.choices,
        "diseases": Disease.choices,
        "gates": gate_choices(),
    }


@internal_view(*INTERNAL_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    return render(
        request,
        "health/index.html",
        {
            "measures": selectors.measure_list(actor=actor),
            "can_write": can_write_measures(actor),
            "now": timezone.now(),
        },
    )


@internal_view(*INTERNAL_ROLES)
def measure_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    if not can_write_measures(actor):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            measure = services.measure_create(actor=actor, data=_measure_form(request.POST))
        except ValidationFailed as error:
            errors = error.fields
        else:
            messages.success(request, _("The measure was saved."))
            return redirect("health_measure", measure_id=measure.pk)
    post = request.POST if request.method == "POST" else None
    return render(request, "health/measure_form.html", _measure_context(None, post, errors))


@internal_view(*INTERNAL_ROLES)
def measure_detail(request: HttpRequest, measure_id: int) -> HttpResponse:
    actor = request_user(request)
    measure = selectors.measure_get(actor=actor, pk=measure_id)
    errors: dict[str, list[str]] = {}
    post = None
    if request.method == "POST":
        try:
            if request.POST.get("action") == "switch":
                services.measure_set_active(
                    actor=actor, measure=measure, active=request.POST.get("active") == "1"
                )
                messages.success(
                    request,
                    _("The measure is switched on.")
                    if measure.is_active
                    else _("The measure is switched off."),
                )
                return redirect("health_measure", measure_id=measure.pk)
            if request.POST.get("action") == "delete":
                services.measure_delete(actor=actor, measure=measure)
                messages.success(request, _("The measure was deleted."))
                return redirect("health")
            services.measure_update(actor=actor, measure=measure, data=_measure_form(request.POST))
        except ValidationFailed as error:
            errors = error.fields
            post = request.POST
        else:
            messages.success(request, _("The measure was saved."))
            return redirect("health_measure", measure_id=measure.pk)
    context = _measure_context(measure, post, errors)
    context["can_write"] = can_write_measures(actor)
    return render(request, "health/measure_form.html", context)


@internal_view(*DECLARATION_READ_ROLES)
def declaration_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    code = request.GET.get("code", "").strip()
    if code:
        normalised = codes.normalise(code)
        if selectors.declaration_list(actor=actor, code=normalised).exists():
            return redirect("health_declaration", code=normalised)
        messages.error(request, _("No declaration with this code in your area."))
    try:
        qs = selectors.declarations_from_params(actor, request.GET)
    except ValidationFailed as error:
        for message in (m for ms in error.fields.values() for m in ms):
            messages.error(request, message)
        qs = selectors.declaration_list(actor=actor).none()
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "health/declarations.html",
        {
            "page": page,
            "filters": request.GET,
            "gates": gate_choices(),
            "directions": Direction.choices,
            "sources": Source.choices,
            "can_take": has_role(actor, *DECLARATION_TAKE_ROLES),
        },
    )


@internal_view(*DECLARATION_READ_ROLES)
def declaration_detail(request: HttpRequest, code: str) -> HttpResponse:
    declaration = selectors.declaration_get(actor=request_user(request), code=code)
    symptom_labels = dict(Symptom.choices)
    disease_labels = dict(Disease.choices)
    return render(
        request,
        "health/declaration.html",
        {
            "declaration": declaration,
            "qr": qr_svg(declaration.code),
            "symptom_names": [symptom_labels.get(s, s) for s in declaration.symptoms],
            "vaccinations": [
                {
                    "disease": disease_labels.get(v.get("disease"), v.get("disease")),
                    "date": v.get("date"),
                }
                for v in declaration.vaccinations
            ],
        },
    )


@internal_view(*DECLARATION_TAKE_ROLES)
def declaration_new(request: HttpRequest) -> HttpResponse:
    """A declaration taken at the gate by an officer."""
    actor = request_user(request)
    errors: dict[str, list[str]] = {}
    post = request.POST if request.method == "POST" else None
    if post is not None:
        try:
            declaration = services.declaration_submit(
                actor=actor, data=form_data(post), source=Source.GATE, language="vi"
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            messages.success(request, _("Declaration recorded."))
            return redirect("health_declaration", code=declaration.code)
    context = form_context(post, errors)
    context["public"] = False
    return render(request, "health/declaration_new.html", context)


@internal_view(*INTERNAL_ROLES)
def evaluate(request: HttpRequest) -> HttpResponse:
    """Try a crossing against the measures in force (nothing is recorded)."""
    actor = request_user(request)
    context: dict[str, Any] = {
        "form": request.GET,
        "errors": {},
        "check": None,
        "gates": gate_choices(),
        "directions": Direction.choices,
        "categories": Category.choices,
    }
    if request.GET.get("gate"):
        from .inputs import country_code, split_countries

        nationality = request.GET.get("nationality", "")
        errors: dict[str, list[str]] = {}
        code = country_code(nationality) if nationality.strip() else ""
        if code is None:
            errors["nationality"] = [_("Unknown country: %(name)s") % {"name": nationality[:60]}]
        visited = []
        for item in split_countries(request.GET.get("travel_countries", "")):
            found = country_code(item)
            if found is None:
                errors.setdefault("travel_countries", []).append(
                    _("Unknown country: %(name)s") % {"name": item[:60]}
                )
            else:
                visited.append(found)
        try:
            if errors:
                raise ValidationFailed(fields=errors)
            context["check"] = services.evaluate_crossing(
                gate=request.GET.get("gate", ""),
                direction=request.GET.get("direction", ""),
                at=timezone.now(),
                nationality=code or "",
                travel_countries=visited,
                category=request.GET.get("category", ""),
                declaration_code=request.GET.get("declaration_code", "").strip() or None,
                actor=actor,
            )
        except ValidationFailed as error:
            context["errors"] = error.fields
    return render(request, "health/evaluate.html", context)
