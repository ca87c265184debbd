"""Organising emulation movements: create one, add its criteria, register units."""

from __future__ import annotations

from typing import Any

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import services
from ..access import can_plan
from ..forms import CriterionForm, MovementForm, RegistrationForm, run
from .authoring import _command_unit


@internal_view(Role.COMMAND_STAFF)
def movement_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    unit = _command_unit(actor)
    form = MovementForm(request.POST or None)
    created: list[Any] = []
    if request.method == "POST" and run(
        form,
        lambda f: created.append(services.movement_create(actor=actor, unit=unit, **f)),
    ):
        return redirect("resolution_movement", pk=created[0].pk)
    return render(request, "resolutions/movement_form.html", {"form": form})


def organise(request: HttpRequest, actor: Any, movement: Any) -> tuple[bool, dict[str, Any]]:
    """Handle the criterion and registration forms of the movement page.

    Returns (done, context): ``done`` when a form was saved (redirect), else the forms."""
    which = request.POST.get("form", "") if request.method == "POST" else ""
    data = request.POST if which else None
    is_organiser = has_role(actor, Role.COMMAND_STAFF) and can_plan(actor, movement.unit)
    units = [
        u
        for u in units_in_scope(actor).order_by("path")
        if u.path.startswith(movement.unit.path) and can_plan(actor, u)
    ]
    criterion_form = CriterionForm(data if which == "criterion" else None, prefix="c")
    registration_form = RegistrationForm(data if which == "registration" else None, prefix="g")
    registration_form.fields["unit"].choices = [  # type: ignore[attr-defined]
        (u.code, u.name) for u in units
    ]
    forms: dict[str, BaseForm] = {"criterion": criterion_form, "registration": registration_form}
    actions = {
        "criterion": lambda f: services.criterion_add(actor=actor, movement=movement, **f),
        "registration": lambda f: services.registration_create(
            actor=actor, movement=movement, unit=next(u for u in units if u.code == f["unit"])
        ),
    }
    done = which in forms and run(forms[which], actions[which])
    return done, {
        "criterion_form": criterion_form,
        "registration_form": registration_form,
        "is_organiser": is_organiser,
        "can_register": bool(units) and has_role(actor, Role.COMMAND_STAFF, Role.POST_COMMANDER),
    }
