"""The audit log browser for auditors and administrators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bienphong.errors import ValidationFailed
from bienphong.org.roles import AUDIT_READER_ROLES
from bienphong.web.decorators import internal_view

from . import selectors
from .models import AuditAction, AuditEntry


@internal_view(*AUDIT_READER_ROLES)
def entry_list(request: HttpRequest) -> HttpResponse:
    params = {name: request.GET.get(name, "").strip() for name in selectors.FILTERS}
    date_from = request.GET.get("date_from", "")
    date_to = request.GET.get("date_to", "")
    errors: dict[str, list[str]] = {}
    try:
        entries = selectors.entries_from_params(request.user, request.GET)
    except ValidationFailed as error:
        errors, entries = error.fields, AuditEntry.objects.none()
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/entry_list.html",
        {
            "page": page,
            "filters": params,
            "errors": errors,
            "date_from": date_from,
            "date_to": date_to,
            "actions": AuditAction.choices,
            "querystring": query.urlencode(),
        },
    )
