"""Report screens: list, create/compile, edit narrative, submit, sign off/return, export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bienphong.errors import Conflict, ValidationFailed
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import selectors
from ..downloads import report_file
from ..exports import sections
from ..forms import NarrativeForm, ReportCreateForm
from ..models import PeriodKind, ReportStatus
from ..services import reports as services
from .common import INTERNAL, WRITERS, page_number, show_errors


@internal_view(*INTERNAL)
def report_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    q = request.GET
    errors: dict[str, list[str]] = {}
    try:
        qs = selectors.reports_from_params(actor, q)
    except ValidationFailed as error:
        errors, qs = error.fields, selectors.reports(actor).none()
    page = Paginator(qs, 50).get_page(page_number(request))
    units = units_in_scope(actor)
    form = None
    if has_role(actor, *WRITERS):
        today = timezone.localdate() - dt.timedelta(days=1)
        form = ReportCreateForm(
            units=units, initial={"period_kind": PeriodKind.DAILY, "period_start": today}
        )
    return render(
        request,
        "situation/report_list.html",
        {
            "page": page,
            "filters": q,
            "units": units.filter(unit_type__in=("command", "post")),
            "kinds": PeriodKind.choices,
            "statuses": ReportStatus.choices,
            "form": form,
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@require_POST
@internal_view(*WRITERS)
def report_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    form = ReportCreateForm(request.POST, units=units_in_scope(actor))
    if form.is_valid():
        try:
            report = services.report_create(actor=actor, **form.cleaned_data)
        except ValidationFailed as error:
            show_errors(form, error)
        except Conflict as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("The report is compiled."))
            return redirect("situation:report_detail", report.pk)
    return render(request, "situation/report_new.html", {"form": form})


@internal_view(*INTERNAL)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=pk)
    editable = report.is_editable and has_role(actor, *WRITERS)
    form = NarrativeForm(initial={n: getattr(report, n) for n in services.NARRATIVE_FIELDS})
    return render(
        request,
        "situation/report_detail.html",
        {
            "report": report,
            "form": form if editable else None,
            "sections": sections(report),
            "can_sign": report.status == ReportStatus.SUBMITTED
            and services.can_sign(actor, report),
        },
    )


def _act(request: HttpRequest, pk: int, action: Any, done: str) -> HttpResponse:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=pk)
    try:
        action(actor, report)
    except (ValidationFailed, Conflict) as error:
        detail = "; ".join(m for msgs in error.fields.values() for m in msgs)
        messages.error(request, detail or str(error.message))
    else:
        messages.success(request, done)
    return redirect("situation:report_detail", pk)


@require_POST
@internal_view(*WRITERS)
def report_save(request: HttpRequest, pk: int) -> HttpResponse:
    form = NarrativeForm(request.POST)
    form.is_valid()  # every field is optional text: always valid

    def save(actor: Any, report: Any) -> None:
        services.report_update_narrative(actor=actor, report=report, **form.cleaned_data)
        if "submit" in request.POST:
            services.report_submit(actor=actor, report=report)

    done = (
        _("The report is submitted.") if "submit" in request.POST else _("The narrative is saved.")
    )
    return _act(request, pk, save, done)


@require_POST
@internal_view(*WRITERS)
def report_compile(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        lambda actor, r: services.report_recompile(actor=actor, report=r),
        _("The figures are compiled again."),
    )


@require_POST
@internal_view("post_commander", "command_staff")
def report_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if request.POST.get("decision") == "return":
        comment = request.POST.get("comment", "")
        return _act(
            request,
            pk,
            lambda actor, r: services.report_return(actor=actor, report=r, comment=comment),
            _("The report is returned to its author."),
        )
    return _act(
        request,
        pk,
        lambda actor, r: services.report_sign_off(actor=actor, report=r),
        _("The report is signed off."),
    )


@internal_view(*INTERNAL)
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=pk)
    return report_file(actor=actor, report=report, fmt=fmt)
