"""Screens: the agents' portal (filings, lists, corrections) and the officers' side
(queue, review, decisions, permits, verification, statistics)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bienphong.errors import Conflict, DomainError, NotFound, ValidationFailed
from bienphong.org.models import Organisation, UnitType
from bienphong.org.roles import Role
from bienphong.org.scoping import is_external, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from . import lists, permits, selectors, services
from .models import (
    AWAITING_OFFICER,
    AttachmentKind,
    CallPurpose,
    FilingKind,
    PermitKind,
    PersonKind,
    VesselType,
)

AGENT = (Role.SHIPPING_AGENT,)
OFFICERS = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF)
READERS = (*OFFICERS, Role.AUDITOR)
ALL = (*READERS, Role.SHIPPING_AGENT, Role.ADMINISTRATOR)
KINDS = {PersonKind.CREW, PersonKind.PASSENGER}
QUEUE_PAGE = 100


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise NotFound()
    return kind


def _dt(value: str) -> dt.datetime | None:
    parsed = parse_datetime(value or "")
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


@internal_view(*ALL)
def home(request: HttpRequest) -> HttpResponse:
    return redirect("ports_filings" if is_external(request.user) else "ports_queue")


# --- agents ------------------------------------------------------------------------


@internal_view(*AGENT)
def filing_list(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    filings = selectors.filings_from_params(actor, request.GET)[:200]
    ports = units_in_scope_all_seaports()
    return render(
        request,
        "ports/filings.html",
        {
            "filings": filings,
            "ports": ports,
            "kinds": FilingKind.choices,
            "purposes": CallPurpose.choices,
            "vessel_types": VesselType.choices,
        },
    )


def units_in_scope_all_seaports() -> Any:
    from bienphong.org.models import Unit

    return Unit.objects.filter(unit_type=UnitType.SEAPORT, is_active=True).order_by("code")


@internal_view(*AGENT)
@require_POST
def filing_new(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    post = request.POST
    try:
        vessel = services.vessel_register(
            actor=actor,
            imo_number=post.get("imo_number", ""),
            name=post.get("vessel_name", ""),
            call_sign=post.get("call_sign", ""),
            flag=post.get("flag", ""),
            vessel_type=post.get("vessel_type", ""),
            gross_tonnage=int(post.get("gross_tonnage") or 0),
            net_tonnage=int(post.get("net_tonnage") or 0),
        )
        eta, etd = _dt(post.get("eta", "")), _dt(post.get("etd", ""))
        if eta is None or etd is None:
            raise ValidationFailed(fields={"eta": [_("Give the ETA and ETD.")]})
        call = services.port_call_create(
            actor=actor,
            vessel=vessel,
            port=post.get("port", ""),
            eta=eta,
            etd=etd,
            purpose=post.get("purpose", ""),
            berth=post.get("berth", ""),
            voyage_number=post.get("voyage_number", ""),
            previous_port=post.get("previous_port", ""),
            next_port=post.get("next_port", ""),
        )
        filing = services.filing_create(actor=actor, port_call=call, kind=post.get("kind", ""))
    except (DomainError, ValueError) as error:
        _error_messages(request, error)
        return redirect("ports_filings")
    return redirect("ports_filing", filing.pk)


def _error_messages(request: HttpRequest, error: Exception) -> None:
    if isinstance(error, DomainError):
        messages.error(request, str(error.message))
        for field, texts in error.fields.items():
            for text in texts:
                messages.error(request, f"{field}: {text}")
    else:
        messages.error(request, _("Some fields are not valid."))


def _filing_context(request: HttpRequest, filing: Any, **extra: Any) -> dict[str, Any]:
    people = list(filing.people.order_by("kind", "position"))
    corrections = list(filing.corrections.all())
    open_rows = {
        (c.list_kind, c.row) for c in corrections if c.resolved_at is None and c.row is not None
    }
    return {
        "filing": filing,
        "crew": [p for p in people if p.kind == PersonKind.CREW],
        "passengers": [p for p in people if p.kind == PersonKind.PASSENGER],
        "corrections": corrections,
        "open_rows": open_rows,
        "permits": list(
            selectors.permits_from_params(request_user(request), {"filing": str(filing.pk)})
        ),
        "attachments": list(filing.attachments.defer("content")),
        "attachment_kinds": AttachmentKind.choices,
        "crew_columns": lists.CREW_COLUMNS,
        "passenger_columns": lists.PASSENGER_COLUMNS,
        **extra,
    }


@internal_view(*AGENT)
def filing_detail(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    return render(request, "ports/filing.html", _filing_context(request, filing))


@internal_view(*AGENT)
@require_POST
def filing_fal1(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    post = request.POST
    try:
        services.filing_update(
            actor=actor,
            filing=filing,
            master_name=post.get("master_name", ""),
            last_port=post.get("last_port", ""),
            cargo_description=post.get("cargo_description", ""),
            remarks=post.get("remarks", ""),
            weapons_on_board=post.get("weapons_on_board") == "on",
            weapons_details=post.get("weapons_details", ""),
            stowaways_on_board=post.get("stowaways_on_board") == "on",
            stowaways_details=post.get("stowaways_details", ""),
        )
        messages.success(request, _("The general declaration was saved."))
    except DomainError as error:
        _error_messages(request, error)
    return redirect("ports_filing", filing.pk)


def _list_errors(request: HttpRequest, filing: Any, kind: str, error: Exception) -> HttpResponse:
    if isinstance(error, lists.ListInvalid):
        context = _filing_context(
            request,
            filing,
            list_errors=[e.as_dict() for e in error.report.errors],
            list_errors_kind=kind,
            list_error_message=str(error.message),
        )
    else:
        assert isinstance(error, DomainError)
        context = _filing_context(
            request,
            filing,
            list_errors=[
                {"row": "", "column_label": field, "message": text}
                for field, texts in error.fields.items()
                for text in texts
            ]
            or [{"row": "", "column_label": "", "message": str(error.message)}],
            list_errors_kind=kind,
            list_error_message=str(error.message),
        )
    return render(request, "ports/filing.html", context, status=400)


@internal_view(*AGENT)
@require_POST
def list_upload(request: HttpRequest, filing_id: int, kind: str) -> HttpResponse:
    actor = request_user(request)
    kind = _kind(kind)
    filing = selectors.get_filing_for(actor, filing_id)
    upload = request.FILES.get("file")
    if upload is None:
        return _list_errors(
            request, filing, kind, ValidationFailed(fields={"file": [_("Choose a file.")]})
        )
    try:
        report = services.list_import(
            actor=actor, filing=filing, kind=kind, filename=upload.name or "", data=upload.read()
        )
    except DomainError as error:
        return _list_errors(request, filing, kind, error)
    messages.success(request, _("%(count)s rows imported.") % {"count": len(report.people)})
    return redirect("ports_filing", filing.pk)


@internal_view(*AGENT)
def list_edit(request: HttpRequest, filing_id: int, kind: str) -> HttpResponse:
    """Type or correct a list in a table; extra blank rows add people."""
    actor = request_user(request)
    kind = _kind(kind)
    filing = selectors.get_filing_for(actor, filing_id)
    columns = lists.columns_for(kind)
    keys = [key for key, _label in columns]
    if request.method == "POST":
        count = min(int(request.POST.get("rows") or 0), lists.MAX_ROWS)
        people = []
        for index in range(count):
            row = {key: request.POST.get(f"r{index}-{key}", "") for key in keys}
            if request.POST.get(f"r{index}-delete") or not any(v.strip() for v in row.values()):
                continue
            people.append(row)
        try:
            services.list_replace(
                actor=actor, filing=filing, kind=kind, rows=lists.rows_from_people(kind, people)
            )
        except DomainError as error:
            rows = people
            errors = error.report.errors if isinstance(error, lists.ListInvalid) else []
            return render(
                request,
                "ports/list_edit.html",
                {
                    "filing": filing,
                    "kind": kind,
                    "columns": columns,
                    "rows": _edit_rows(rows, keys, errors),
                    "errors": [e.as_dict() for e in errors],
                    "message": str(error.message),
                },
                status=400,
            )
        messages.success(request, _("The list was saved."))
        return redirect("ports_filing", filing.pk)
    existing = [
        {
            key: (
                getattr(p, key).strftime("%d/%m/%Y")
                if key in ("birth_date", "doc_expiry") and getattr(p, key)
                else ("Y" if p.transit else "N")
                if key == "transit"
                else getattr(p, key) or ""
            )
            for key in keys
        }
        for p in filing.people.filter(kind=kind).order_by("position")
    ]
    return render(
        request,
        "ports/list_edit.html",
        {
            "filing": filing,
            "kind": kind,
            "columns": columns,
            "rows": _edit_rows(existing, keys, []),
            "errors": [],
        },
    )


def _edit_rows(
    rows: list[dict[str, Any]], keys: list[str], errors: list[lists.CellError]
) -> list[dict[str, Any]]:
    bad = {(e.row, e.column): e.message for e in errors}
    padded = [*rows, *(dict.fromkeys(keys, "") for _ in range(3))]
    return [
        {
            "index": index,
            "number": index + 1,
            "cells": [
                {"key": key, "value": row.get(key, ""), "error": bad.get((index + 1, key), "")}
                for key in keys
            ],
        }
        for index, row in enumerate(padded)
    ]


@internal_view(*AGENT)
@require_POST
def attachment_add(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ValidationFailed(fields={"file": [_("Choose a file.")]})
        services.attachment_add(
            actor=actor,
            filing=filing,
            kind=request.POST.get("kind", ""),
            filename=upload.name or "",
            content_type=upload.content_type or "",
            data=upload.read(),
        )
        messages.success(request, _("The file was attached."))
    except DomainError as error:
        _error_messages(request, error)
    return redirect("ports_filing", filing.pk)


@internal_view(*AGENT)
@require_POST
def filing_submit(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    try:
        services.filing_submit(actor=actor, filing=filing)
        messages.success(request, _("Submitted. The Border Guard answers within one hour."))
    except DomainError as error:
        _error_messages(request, error)
    return redirect("ports_filing", filing.pk)


@internal_view(*ALL)
def list_template(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    kind = _kind(kind)
    if fmt == "xlsx":
        response = HttpResponse(
            lists.template_xlsx(kind),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        response = HttpResponse(lists.template_csv(kind), content_type="text/csv; charset=utf-8")
    else:
        raise NotFound()
    name = "FAL5-crew" if kind == PersonKind.CREW else "FAL6-passengers"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# --- officers ----------------------------------------------------------------------


@internal_view(*READERS)
def queue(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    port = request.GET.get("port", "")
    include_decided = request.GET.get("all") == "1"
    page = Paginator(selectors.queue_from_params(actor, request.GET), QUEUE_PAGE).get_page(
        request.GET.get("page")
    )
    filings = list(page.object_list)
    now = timezone.now()
    rows = [
        {
            "filing": f,
            "overdue": selectors.is_overdue(f, now),
            "minutes_left": selectors.minutes_left(f, now),
        }
        for f in filings
    ]
    ports = units_in_scope(actor).filter(unit_type=UnitType.SEAPORT)
    return render(
        request,
        "ports/queue.html",
        {
            "pending_applications": selectors.pending_applications_count(actor),
            "rows": rows,
            "page": page,
            "ports": ports,
            "port": port,
            "include_decided": include_decided,
        },
    )


@internal_view(*READERS)
def review(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id, log_view=True)
    diff = selectors.crew_diff(filing)
    from bienphong.watchlists.models import ScreeningHit

    hits = list(
        ScreeningHit.objects.filter(context="port", context_ref__startswith=f"filing:{filing.pk}:")
        .select_related("entry__watchlist")
        .order_by("context_ref")
    )
    now = timezone.now()
    context = _filing_context(
        request,
        filing,
        diff=diff,
        hits=hits,
        overdue=selectors.is_overdue(filing, now),
        minutes_left=selectors.minutes_left(filing, now),
        awaiting=filing.status in AWAITING_OFFICER,
        permit_kinds=PermitKind.choices,
        now_local=timezone.localtime(now).strftime("%Y-%m-%dT%H:%M"),
        until_local=timezone.localtime(now + dt.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M"),
    )
    return render(request, "ports/review.html", context)


@internal_view(*OFFICERS)
@require_POST
def decide(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    post = request.POST
    action = post.get("action", "")
    try:
        if action == "approve":
            filing = services.filing_approve(actor=actor, filing=filing)
            messages.success(
                request,
                _("Approved: border clearance %(number)s.") % {"number": filing.clearance_number},
            )
        elif action == "refuse":
            services.filing_refuse(actor=actor, filing=filing, reason=post.get("reason", ""))
            messages.success(request, _("Refused."))
        elif action == "correct":
            items = []
            for index in range(int(post.get("items") or 0)):
                row = post.get(f"c{index}-row", "")
                items.append(
                    {
                        "field": post.get(f"c{index}-field", ""),
                        "list_kind": post.get(f"c{index}-list", "") if row else "",
                        "row": int(row) if row.isdigit() else None,
                        "message": post.get(f"c{index}-message", ""),
                    }
                )
            services.filing_request_correction(actor=actor, filing=filing, items=items)
            messages.success(request, _("Correction requested; the agent has been notified."))
        else:
            raise ValidationFailed(fields={"action": [_("Choose a decision.")]})
    except DomainError as error:
        _error_messages(request, error)
    return redirect("ports_review", filing.pk)


@internal_view(*OFFICERS)
@require_POST
def permit_issue(request: HttpRequest, filing_id: int) -> HttpResponse:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    post = request.POST
    valid_from, valid_until = _dt(post.get("valid_from", "")), _dt(post.get("valid_until", ""))
    try:
        if valid_from is None or valid_until is None:
            raise ValidationFailed(fields={"valid_from": [_("Give the validity period.")]})
        if post.get("kind") == PermitKind.BOARDING:
            permits.boarding_issue(
                actor=actor,
                filing=filing,
                visitor_name=post.get("visitor_name", ""),
                visitor_document=post.get("visitor_document", ""),
                purpose=post.get("purpose", ""),
                valid_from=valid_from,
                valid_until=valid_until,
            )
            messages.success(request, _("Boarding permit issued."))
        else:
            issued = permits.shore_leave_issue(
                actor=actor,
                filing=filing,
                positions=[int(p) for p in post.getlist("positions") if p.isdigit()],
                valid_from=valid_from,
                valid_until=valid_until,
                area=post.get("area", ""),
            )
            messages.success(
                request, _("%(count)s shore-leave permits issued.") % {"count": len(issued)}
            )
    except DomainError as error:
        _error_messages(request, error)
    return redirect("ports_review", filing.pk)


@internal_view(*ALL)
def permit_pdf(request: HttpRequest, permit_id: int) -> HttpResponse:
    actor = request_user(request)
    permit = selectors.permits_for(actor).filter(pk=permit_id).first()
    if permit is None:
        raise NotFound()
    response = HttpResponse(permits.permit_pdf(permit), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{permit.number}.pdf"'
    return response


@internal_view(*OFFICERS)
@require_POST
def permit_revoke(request: HttpRequest, permit_id: int) -> HttpResponse:
    actor = request_user(request)
    permit = selectors.permits_for(actor).filter(pk=permit_id).first()
    if permit is None:
        raise NotFound()
    reason = request.POST.get("reason", "").strip()
    try:
        if not reason:
            raise ValidationFailed(fields={"reason": [_("Give the reason for revoking.")]})
        permits.permit_revoke(actor=actor, permit=permit, reason=reason)
    except (ValidationFailed, Conflict) as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("Permit revoked."))
    return redirect("ports_review", permit.filing_id)


@internal_view(*READERS)
def verify(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("token", "").strip()
    result = permits.verify_token(token) if token else None
    return render(request, "ports/verify.html", {"token": token, "result": result})


@internal_view(Role.COMMAND_STAFF, Role.ADMINISTRATOR)
@require_GET
def organisations(request: HttpRequest) -> HttpResponse:
    """Agent organisations and where each stands; approving is done on its application
    (``applications.application_approve``), the one way an organisation is approved."""
    rows = Organisation.objects.select_related("application").order_by("is_approved", "name")
    return render(request, "ports/organisations.html", {"organisations": rows})


@internal_view(*READERS)
def stats(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    date_from = parse_date(request.GET.get("date_from", "")) or today - dt.timedelta(days=30)
    date_to = parse_date(request.GET.get("date_to", "")) or today
    rows = selectors.processing_stats(request_user(request), date_from, date_to)
    return render(
        request,
        "ports/stats.html",
        {"rows": rows, "date_from": date_from, "date_to": date_to},
    )
