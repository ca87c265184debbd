"""The command dashboard and its live fragment (htmx polling)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bienphong.org.models import Unit
from bienphong.org.roles import Role
from bienphong.org.scoping import request_user
from bienphong.web.decorators import internal_view

from . import dashboard, panels
from .period import QUICK, period_from
from .scope import stats_unit_ids
from .stats import StatsInvalid

ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF, Role.AUDITOR)
LIVE_SECONDS = 30


def _scope(request: HttpRequest) -> tuple[list[int], str]:
    actor = request_user(request)
    unit = request.GET.get("unit", "")[:32]
    return stats_unit_ids(actor, unit), unit


@internal_view(*ROLES)
def index(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    unit_ids, unit = _scope(request)
    errors: dict[str, list[str]] = {}
    try:
        period = period_from(request.GET)
    except StatsInvalid as error:
        errors = error.fields
        period = period_from({})
    charts, by_direction = dashboard.charts(unit_ids, period)
    context = {
        "period": period,
        "quick": QUICK,
        "errors": errors,
        "unit": unit,
        "units": Unit.objects.filter(pk__in=unit_ids).order_by("path"),
        "charts": charts,
        "totals": dashboard.totals(unit_ids, period, by_direction),
        "live": dashboard.live(actor, unit_ids),
        "live_seconds": LIVE_SECONDS,
        "panels": panels.render_context(actor, period),
    }
    return render(request, "command/dashboard.html", context, status=422 if errors else 200)


@internal_view(*ROLES)
def live(request: HttpRequest) -> HttpResponse:
    actor = request_user(request)
    unit_ids, unit = _scope(request)
    context = {
        "live": dashboard.live(actor, unit_ids),
        "unit": unit,
        "live_seconds": LIVE_SECONDS,
    }
    return render(request, "command/_live.html", context)
