"""Screens: lists and entries (files), imports, screening search, hit review."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit, User
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role, request_user, units_in_scope
from bienphong.web.decorators import internal_view

from . import imports, screening, selectors, services
from .access import REVIEW_READ_ROLES, SCREENING_ROLES, can_view_files
from .importers import TEMPLATE_COLUMNS, detect_format
from .inputs import clean_query
from .models import Designation, HitStatus, Instruction, ListType
from .presenters import hit_dict, outcome_dict

FILE_ROLES = (Role.COMMAND_STAFF, Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER)


@internal_view(*FILE_ROLES)
def watchlist_index(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        owner = Unit.objects.filter(code=request.POST.get("owner_unit", "")).first()
        try:
            if owner is None:
                raise ValidationFailed(fields={"owner_unit": [_("Choose a unit.")]})
            watchlist = services.watchlist_create(
                actor=actor,
                code=request.POST.get("code", ""),
                name=request.POST.get("name", ""),
                list_type=request.POST.get("list_type", ""),
                owner_unit=owner,
                source=request.POST.get("source", ""),
                default_instruction=request.POST.get("default_instruction", Instruction.REPORT),
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            return redirect("watchlist_detail", code=watchlist.code)
    return render(
        request,
        "watchlists/index.html",
        {
            "watchlists": selectors.watchlist_list(actor=actor),
            "can_manage": has_role(actor, Role.COMMAND_STAFF),
            "list_types": ListType.choices,
            "instructions": Instruction.choices,
            "units": units_in_scope(actor),
            "errors": errors,
            "form": request.POST,
        },
    )


@internal_view(*FILE_ROLES)
def watchlist_detail(request: HttpRequest, code: str) -> HttpResponse:
    actor = request_user(request)
    watchlist = selectors.watchlist_get(actor=actor, code=code)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        upload = request.FILES.get("file")
        fmt = detect_format(upload.name or "") if upload else None
        try:
            if upload is None or fmt is None:
                raise ValidationFailed(
                    fields={"file": [_("Use a CSV, XLSX or FollowTheMoney JSON file.")]}
                )
            job = imports.start_job(
                actor=actor, watchlist=watchlist, upload=upload, file_format=fmt
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            return redirect("watchlist_import", job_id=job.pk)
    query = request.GET.get("q", "")
    entries = selectors.entries_from_params(actor, request.GET, watchlist=watchlist)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "watchlists/detail.html",
        {
            "watchlist": watchlist,
            "page": page,
            "q": query,
            "errors": errors,
            "jobs": watchlist.imports.all()[:5],
        },
    )


@internal_view(*FILE_ROLES)
def entry_detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    actor = request_user(request)
    entry = selectors.entry_get(actor=actor, pk=entry_id)
    if request.method == "POST":
        try:
            services.entry_deactivate(
                actor=actor, entry=entry, reason=request.POST.get("reason", "")
            )
        except ValidationFailed as error:
            messages.error(request, " ".join(m for ms in error.fields.values() for m in ms))
        else:
            messages.success(request, _("The entry was deactivated."))
        return redirect("watchlist_entry", entry_id=entry.pk)
    return render(
        request,
        "watchlists/entry.html",
        {
            "entry": entry,
            "hits": entry.hits.select_related("unit")[:50],
        },
    )


@internal_view(*FILE_ROLES)
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = selectors.import_job_get(actor=request_user(request), pk=job_id)
    template = (
        "watchlists/_job_progress.html"
        if request.headers.get("HX-Request")
        else "watchlists/import_job.html"
    )
    return render(request, template, {"job": job})


@internal_view(*FILE_ROLES)
def import_template(request: HttpRequest, file_format: str) -> HttpResponse:
    example = [
        "WL-0001",
        "Nguyễn Văn An",
        "NGUYEN VAN AN; Nguyen An",
        "1980-05-12",
        "VNM",
        "M",
        "C1234567",
        "",
        "refuse_exit",
        "",
        "2026-01-01",
        "",
    ]
    if file_format == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(TEMPLATE_COLUMNS)
        sheet.append(example)
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
    else:
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(TEMPLATE_COLUMNS)
        writer.writerow(example)
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
        file_format = "csv"
    response["Content-Disposition"] = f'attachment; filename="watchlist-template.{file_format}"'
    return response


@internal_view(*SCREENING_ROLES)
def screen(request: HttpRequest) -> HttpResponse:
    """Look a person up against the lists. Nothing is recorded: the checkpoint screen
    records hits with the crossing."""
    actor = request_user(request)
    context: dict[str, object] = {"form": request.GET, "errors": {}, "results": None}
    if request.GET.get("name") or request.GET.get("document_number"):
        try:
            query = clean_query(
                name=request.GET.get("name", ""),
                date_of_birth=request.GET.get("date_of_birth", ""),
                nationality=request.GET.get("nationality", ""),
                document_number=request.GET.get("document_number", ""),
            )
        except ValidationFailed as error:
            context["errors"] = error.fields
        else:
            _key, outcomes = screening.search(
                name=query.name,
                dob=query.dob,
                nationality=query.nationality,
                document_number=query.document_number,
            )
            files = can_view_files(actor)
            context["results"] = [outcome_dict(o, files=files) for o in outcomes]
            context["files"] = files
    return render(request, "watchlists/screen.html", context)


@internal_view(*REVIEW_READ_ROLES)
def hit_queue(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    status = request.GET.get("status", HitStatus.PENDING)
    try:
        hits = selectors.hits_from_params(actor, request.GET)
    except ValidationFailed:  # an unknown status: show the queue awaiting review
        status = HitStatus.PENDING
        hits = selectors.hit_list(actor=actor, status=status)
    page = Paginator(hits, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "watchlists/hits.html",
        {
            "page": page,
            "status": status,
            "statuses": HitStatus.choices,
        },
    )


@internal_view(*REVIEW_READ_ROLES)
def hit_detail(request: HttpRequest, hit_id: int) -> HttpResponse:
    actor = request_user(request)
    hit = selectors.hit_get(actor=actor, pk=hit_id)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            services.hit_decide(
                actor=actor,
                hit=hit,
                decision=request.POST.get("decision", ""),
                reason=request.POST.get("reason", ""),
            )
        except ValidationFailed as error:
            errors = error.fields
        else:
            messages.success(request, _("Decision recorded."))
            return redirect(request.POST.get("next") or "watchlist_hits")
    return render(
        request,
        "watchlists/hit.html",
        {
            "hit": hit,
            "view": hit_dict(hit, files=can_view_files(actor)),
            "errors": errors,
            "can_decide": hit.status == HitStatus.PENDING and has_role(actor, *SCREENING_ROLES),
            "next": request.GET.get("next", ""),
        },
    )


@internal_view(Role.COMMAND_STAFF)
def designations(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    if request.method == "POST":
        user = User.objects.filter(username=request.POST.get("username", "").strip()).first()
        if user is None:
            messages.error(request, _("No user with this user name."))
        elif request.POST.get("action") == "revoke":
            services.designation_revoke(actor=actor, user=user)
        else:
            services.designation_grant(actor=actor, user=user)
        return redirect("watchlist_designations")
    return render(
        request,
        "watchlists/designations.html",
        {
            "designations": Designation.objects.select_related("user", "granted_by"),
        },
    )
