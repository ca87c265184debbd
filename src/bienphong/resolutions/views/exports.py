"""PDF and XLSX downloads, each audited as an export."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import NotFound
from bienphong.org.scoping import request_user, units_in_scope
from bienphong.web.decorators import internal_view

from .. import exports, selectors
from ..access import VIEW_ROLES
from ..models import ProgressReport, ProposalState
from ..selectors import progress as progress_selectors
from .common import _home_unit


def _file(data: bytes, fmt: str, name: str) -> HttpResponse:
    types = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(data, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@internal_view(*VIEW_ROLES)
def proposal_decision_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=pk)
    if proposal.state != ProposalState.DECIDED:
        raise NotFound()
    audit.record(
        actor=actor, action=AuditAction.EXPORT, event="resolutions.decision.pdf", obj=proposal
    )
    return _file(exports.decision_pdf(proposal), "pdf", f"quyet-dinh-{proposal.pk}")


@internal_view(*VIEW_ROLES)
def report_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """A submitted (frozen) report as PDF or XLSX."""
    actor = request_user(request)
    report = ProgressReport.objects.select_related("resolution", "unit").filter(pk=pk).first()
    if report is None or not units_in_scope(actor).filter(pk=report.unit_id).exists():
        raise NotFound()
    return _export(
        actor, report.data, fmt, report, f"bao-cao-{report.unit.code}-{report.period_end}"
    )


@internal_view(*VIEW_ROLES)
def live_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The current state of a unit's progress (not frozen) as PDF or XLSX."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=pk)
    code = request.GET.get("unit", "")
    unit = units_in_scope(actor).filter(code=code).first() if code else None
    unit = unit or _home_unit(actor, resolution)
    if unit is None:
        raise NotFound()
    today: date = timezone.localdate()
    data = progress_selectors.report_data(resolution=resolution, unit=unit, today=today)
    return _export(actor, data, fmt, resolution, f"tien-do-{unit.code}-{today}")


def _export(actor: Any, data: dict[str, Any], fmt: str, obj: Any, name: str) -> HttpResponse:
    if fmt not in ("pdf", "xlsx"):
        raise NotFound()
    audit.record(actor=actor, action=AuditAction.EXPORT, event=f"resolutions.report.{fmt}", obj=obj)
    if fmt == "pdf":
        title = "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NGHỊ QUYẾT"
        return _file(exports.report_pdf(data, title=title), "pdf", name)
    return _file(exports.report_xlsx(data), "xlsx", name)
