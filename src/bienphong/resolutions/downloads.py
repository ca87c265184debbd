"""Serving an attachment through Django: scoped, audited as a view, never inline."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse

from bienphong.audit import services as audit

from . import selectors


def attachment_response(*, actor: Any, pk: int) -> FileResponse:
    attachment = selectors.attachment_get(actor=actor, pk=pk)
    audit.record_view(actor=actor, obj=attachment, event="resolutions.attachment.view")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
