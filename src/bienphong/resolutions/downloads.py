"""Serving an attachment through Django: scoped, audited as a view, never inline."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse

from . import selectors
from .attachments import download_response


def attachment_response(*, actor: Any, pk: int) -> FileResponse:
    attachment = selectors.attachment_get(actor=actor, pk=pk)
    return download_response(attachment, actor=actor, event="resolutions.attachment.view")
