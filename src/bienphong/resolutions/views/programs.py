"""A unit's action program: build it from the superior's, add items and tasks."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bienphong.errors import NotFound
from bienphong.org.models import User
from bienphong.org.scoping import request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import selectors, services
from ..access import PLAN_ROLES, can_plan, is_superior
from ..forms import ItemForm, ProgramForm, TaskForm, run
from ..models import Program, ProgramItem
from .common import _home_unit


@internal_view(*PLAN_ROLES)
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=pk)
    code = request.GET.get("unit", "")
    unit = units_in_scope(actor).filter(code=code).first() if code else None
    unit = unit or _home_unit(actor, resolution)
    if unit is None or not can_plan(actor, unit):
        raise NotFound()
    program = Program.objects.filter(resolution=resolution, unit=unit).first()
    superiors = [
        p
        for p in Program.objects.filter(resolution=resolution).select_related("unit")
        if is_superior(p.unit, unit)
    ]
    which = request.POST.get("form", "") if request.method == "POST" else ""
    data = request.POST if which else None
    program_form = ProgramForm(data if which == "program" else None, prefix="p")
    program_form.fields["parent"].choices = [("", "—")] + [  # type: ignore[attr-defined]
        (p.pk, f"{p.title} ({p.unit.name})") for p in superiors
    ]
    item_form = ItemForm(data if which == "item" else None, prefix="i")
    parent_items = ProgramItem.objects.filter(program__in=superiors).select_related("program__unit")
    item_form.fields["parent"].choices = [("", "—")] + [  # type: ignore[attr-defined]
        (i.pk, f"{i.code}. {i.title} ({i.program.unit.name})") for i in parent_items
    ]
    item_form.fields["area"].choices = [("", "—")] + [  # type: ignore[attr-defined]
        (a.pk, str(a)) for a in resolution.areas.all()
    ]
    items = list(program.items.select_related("area", "parent")) if program else []
    task_form = TaskForm(data if which == "task" else None, prefix="t")
    task_form.fields["item"].choices = [(i.pk, str(i)) for i in items]  # type: ignore[attr-defined]
    owners = User.objects.filter(
        is_active=True, memberships__unit__in=units_in_scope(actor).filter(pk=unit.pk)
    ).distinct()
    task_form.fields["owner"].choices = [  # type: ignore[attr-defined]
        (u.username, str(u)) for u in owners
    ]

    def create_program(f: dict[str, Any]) -> None:
        parent = next((p for p in superiors if p.pk == f["parent"]), None)
        services.program_create(
            actor=actor, resolution=resolution, unit=unit, title=f["title"], parent=parent
        )

    def create_item(f: dict[str, Any]) -> None:
        assert program is not None
        services.item_create(
            actor=actor,
            program=program,
            code=f["code"],
            title=f["title"],
            parent=next((i for i in parent_items if i.pk == f["parent"]), None),
            area=resolution.areas.filter(pk=f["area"]).first() if f["area"] else None,
            weight=f["weight"],
            solutions=f["solutions"],
        )

    created: list[Any] = []

    def create_task(f: dict[str, Any]) -> None:
        created.append(
            services.task_create(
                actor=actor,
                unit=unit,
                item=next(i for i in items if i.pk == f["item"]),
                owner=owners.get(username=f["owner"]),
                title=f["title"],
                start=f["start"],
                deadline=f["deadline"],
                weight=f["weight"],
            )
        )

    forms = {"program": program_form, "item": item_form, "task": task_form}
    actions = {"program": create_program, "item": create_item, "task": create_task}
    ready = which == "program" or program is not None
    if which in forms and ready and run(forms[which], actions[which]):
        if created:
            return redirect("resolution_task", pk=created[0].pk)
        return redirect(f"{request.path}?unit={unit.code}")
    return render(
        request,
        "resolutions/program.html",
        {
            "resolution": resolution,
            "unit": unit,
            "program": program,
            "items": items,
            "forms": forms,
            "units": [u for u in units_in_scope(actor).order_by("path") if can_plan(actor, u)],
        },
    )
