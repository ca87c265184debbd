"""Authoring screens: resolutions, areas, targets and documents (with attachments)."""

from __future__ import annotations

from typing import Any

from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from bienphong.errors import Conflict, DomainError, NotFound, PermissionDenied, ValidationFailed
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import selectors, services
from ..access import PLAN_ROLES, VIEW_ROLES, can_plan
from ..downloads import attachment_response
from ..forms import AreaForm, DocumentForm, ResolutionForm, TargetForm, run
from ..models import Area, Target


def _command_unit(actor: Any) -> Any:
    unit = units_in_scope(actor).order_by("path").first()
    if unit is None:
        raise NotFound()
    return unit


def _is_command(actor: Any, resolution: Any) -> bool:
    return has_role(actor, Role.COMMAND_STAFF) and can_plan(actor, resolution.unit)


@internal_view(Role.COMMAND_STAFF)
def resolution_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    unit = _command_unit(actor)
    form = ResolutionForm(request.POST or None)
    created: list[Any] = []
    if request.method == "POST" and run(
        form,
        lambda data: created.append(services.resolution_create(actor=actor, unit=unit, **data)),
    ):
        return redirect("resolution_manage", pk=created[0].pk)
    return render(request, "resolutions/resolution_form.html", {"form": form})


@internal_view(*VIEW_ROLES)
def resolution_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """The resolution's parts: edit it, add areas, targets and documents."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=pk)
    is_command = _is_command(actor, resolution)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    data = request.POST if which else None
    writable = [u for u in units_in_scope(actor).order_by("path") if can_plan(actor, u)]
    forms: dict[str, BaseForm] = {
        "resolution": ResolutionForm(
            data if which == "resolution" else None,
            instance=type(resolution).objects.get(pk=resolution.pk),
            prefix="r",
        ),
        "area": AreaForm(data if which == "area" else None, prefix="a"),
        "target": TargetForm(
            data if which == "target" else None, resolution=resolution, prefix="t"
        ),
        "document": DocumentForm(data if which == "document" else None, units=writable, prefix="d"),
    }

    def save_document(fields: dict[str, Any]) -> None:
        unit = next(u for u in writable if u.code == fields.pop("unit"))
        document = services.document_create(actor=actor, resolution=resolution, unit=unit, **fields)
        created.append(document)

    created: list[Any] = []
    actions = {
        "resolution": lambda f: services.resolution_update(actor=actor, resolution=resolution, **f),
        "area": lambda f: services.area_create(actor=actor, resolution=resolution, **f),
        "target": lambda f: services.target_create(actor=actor, resolution=resolution, **f),
        "document": save_document,
    }
    if which in forms and run(forms[which], actions[which]):
        if created:
            return redirect("resolution_document", pk=created[0].pk)
        return redirect("resolution_manage", pk=resolution.pk)
    return render(
        request,
        "resolutions/manage.html",
        {
            "resolution": resolution,
            "forms": forms,
            "is_command": is_command,
            "can_document": bool(writable) and has_role(actor, *PLAN_ROLES),
            "areas": resolution.areas.all(),
            "targets": resolution.targets.select_related("area"),
            "documents": selectors.document_list(actor=actor, resolution=resolution),
        },
    )


def _edit(request: HttpRequest, obj: Any, form: Any, update: Any, title: str) -> HttpResponse:
    if request.method == "POST" and run(form, update):
        return redirect("resolution_manage", pk=obj.resolution_id)
    return render(
        request,
        "resolutions/edit.html",
        {"form": form, "title": title, "resolution": obj.resolution},
    )


@internal_view(Role.COMMAND_STAFF)
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    area = Area.objects.filter(pk=pk, resolution__in=selectors.resolution_list(actor=actor)).first()
    if area is None:
        raise NotFound()
    form = AreaForm(request.POST or None, instance=Area.objects.get(pk=pk))
    return _edit(
        request, area, form, lambda f: services.area_update(actor=actor, area=area, **f), str(area)
    )


@internal_view(Role.COMMAND_STAFF)
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    target = Target.objects.filter(
        pk=pk, resolution__in=selectors.resolution_list(actor=actor)
    ).first()
    if target is None:
        raise NotFound()
    form = TargetForm(
        request.POST or None, instance=Target.objects.get(pk=pk), resolution=target.resolution
    )
    return _edit(
        request,
        target,
        form,
        lambda f: services.target_update(actor=actor, target=target, **f),
        str(target),
    )


@internal_view(*VIEW_ROLES)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A document: edit it, attach files, download them."""
    actor = request_user(request)
    document = selectors.document_get(actor=actor, pk=pk)
    can_edit = has_role(actor, *PLAN_ROLES) and can_plan(actor, document.unit)
    is_upload = request.method == "POST" and "file" in request.FILES
    form = DocumentForm(
        request.POST if request.method == "POST" and not is_upload else None,
        instance=type(document).objects.get(pk=pk),
    )
    upload_errors: list[str] = []
    if is_upload:
        upload: Any = request.FILES["file"]
        try:
            services.attachment_add(
                actor=actor, document=document, name=upload.name or "file", data=upload.read()
            )
        except (ValidationFailed, Conflict, PermissionDenied) as error:
            upload_errors = _upload_errors(error)
        else:
            return redirect("resolution_document", pk=pk)
    elif request.method == "POST" and run(
        form, lambda f: services.document_update(actor=actor, document=document, **f)
    ):
        return redirect("resolution_document", pk=pk)
    return render(
        request,
        "resolutions/document.html",
        {
            "document": document,
            "form": form,
            "can_edit": can_edit,
            "attachments": document.attachments.all(),
            "upload_errors": upload_errors,
        },
    )


def _upload_errors(error: DomainError) -> list[str]:
    return [m for messages in error.fields.values() for m in messages] or [str(error.message)]


@internal_view(*VIEW_ROLES)
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    """Served through Django, scoped to the owner's readers, audited as a view."""
    return attachment_response(actor=request_user(request), pk=pk)  # type: ignore[return-value]
