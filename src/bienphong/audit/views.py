"""The audit log browser for auditors and administrators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.dateparse import parse_date

from bienphong.org.roles import AUDIT_READER_ROLES
from bienphong.web.decorators import internal_view

from . import selectors
from .models import AuditAction

FILTERS = ("user", "action", "event", "object_type", "object_id", "unit")


@internal_view(*AUDIT_READER_ROLES)
def entry_list(request: HttpRequest) -> HttpResponse:
    params = {name: request.GET.get(name, "").strip() for name in FILTERS}
    date_from = parse_date(request.GET.get("date_from", "") or "")
    date_to = parse_date(request.GET.get("date_to", "") or "")
    entries = selectors.entry_list(
        actor=request.user, date_from=date_from, date_to=date_to, **params
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/entry_list.html",
        {
            "page": page,
            "filters": params,
            "date_from": date_from,
            "date_to": date_to,
            "actions": AuditAction.choices,
            "querystring": query.urlencode(),
        },
    )
