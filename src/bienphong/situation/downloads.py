"""Serving files through Django: scoped, audited as a view, never inline or static."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpResponse

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.resolutions.attachments import download_response

from . import exports, selectors
from .models import SituationReport

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment_response(*, actor: Any, pk: int) -> FileResponse:
    attachment = selectors.attachment_get(actor=actor, pk=pk)
    return download_response(attachment, actor=actor, event="situation.attachment.view")


def report_file(*, actor: Any, report: SituationReport, fmt: str) -> HttpResponse:
    """The report as ``pdf`` or ``xlsx``; the export is audited."""
    if fmt == "pdf":
        data, content_type = exports.report_pdf(report), "application/pdf"
    else:
        data, content_type = exports.report_xlsx(report), XLSX
    audit.record(
        actor=actor,
        action=AuditAction.EXPORT,
        event=f"situation.report.export_{fmt}",
        obj=report,
    )
    name = f"bao-cao-{report.unit.code}-{report.period_kind}-{report.period_start}.{fmt}"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
