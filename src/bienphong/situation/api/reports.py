"""``/api/v1/reports``: daily, weekly, monthly and yearly situation reports."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit
from bienphong.org.scoping import request_user

from .. import selectors
from ..downloads import report_file
from ..services import reports as services
from .schemas import NarrativeIn, ReportIn, ReportOut, ReportRow, ReturnIn

router = Router(tags=["situation"])


@router.get("/reports", response=list[ReportRow])
@paginate(LimitOffsetPagination)
def report_list(
    request: HttpRequest, unit: str = "", period_kind: str = "", status: str = ""
) -> Any:
    return selectors.reports(
        request_user(request), unit=unit, period_kind=period_kind, status=status
    )


@router.post("/reports", response={201: ReportOut})
def report_create(request: HttpRequest, payload: ReportIn) -> Any:
    """Create a draft for a post or the command and compile its figures."""
    actor = request_user(request)
    unit = Unit.objects.filter(code=payload.unit).first()
    if unit is None:
        raise ValidationFailed(fields={"unit": [_("Unknown unit.")]})
    report = services.report_create(
        actor=actor,
        unit=unit,
        period_kind=payload.period_kind,
        period_start=payload.period_start,
    )
    return Status(201, report)


@router.get("/reports/{report_id}", response=ReportOut)
def report_detail(request: HttpRequest, report_id: int) -> Any:
    return selectors.report_get(actor=request_user(request), pk=report_id)


@router.patch("/reports/{report_id}", response=ReportOut)
def report_update(request: HttpRequest, report_id: int, payload: NarrativeIn) -> Any:
    """Edit the narrative of a draft or returned report."""
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    changes = payload.model_dump(exclude_none=True)
    return services.report_update_narrative(actor=actor, report=report, **changes)


@router.post("/reports/{report_id}/compile", response=ReportOut)
def report_compile(request: HttpRequest, report_id: int) -> Any:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    return services.report_recompile(actor=actor, report=report)


@router.post("/reports/{report_id}/submit", response=ReportOut)
def report_submit(request: HttpRequest, report_id: int) -> Any:
    """Freeze the figures and send the report to the unit's commander."""
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    return services.report_submit(actor=actor, report=report)


@router.post("/reports/{report_id}/sign-off", response=ReportOut)
def report_sign_off(request: HttpRequest, report_id: int) -> Any:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    return services.report_sign_off(actor=actor, report=report)


@router.post("/reports/{report_id}/return", response=ReportOut)
def report_return(request: HttpRequest, report_id: int, payload: ReturnIn) -> Any:
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    return services.report_return(actor=actor, report=report, comment=payload.comment)


@router.get("/reports/{report_id}/export.{fmt}")
def report_export(request: HttpRequest, report_id: int, fmt: str) -> Any:
    """The report as a PDF or XLSX file (``fmt`` is ``pdf`` or ``xlsx``)."""
    if fmt not in ("pdf", "xlsx"):
        raise ValidationFailed(fields={"fmt": [_("Choose pdf or xlsx.")]})
    actor = request_user(request)
    report = selectors.report_get(actor=actor, pk=report_id)
    return report_file(actor=actor, report=report, fmt=fmt)
