"""Attachments: checking uploads (size, extension and content must agree) and serving
them back (scoped by the caller, audited as a view, never inline)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import PurePath
from typing import Any

from django.http import FileResponse
from django.utils.translation import gettext_lazy as _

from bienphong.audit import services as audit
from bienphong.errors import ValidationFailed

MAX_BYTES = 10 * 1024 * 1024

# extension -> (content type, sniff function)
TOO_LARGE = _("The file is larger than 10 MB.")
BAD_TYPE = _("Attach a PDF, Word, Excel, JPEG or PNG file.")
MISMATCH = _("The file's content does not match its extension.")
EMPTY = _("The file is empty.")


def _zip_with(data: bytes, folder: str) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.startswith(folder) for name in archive.namelist())
    except zipfile.BadZipFile:
        return False


KINDS: dict[str, tuple[str, Any]] = {
    ".pdf": ("application/pdf", lambda d: d.startswith(b"%PDF-")),
    ".png": ("image/png", lambda d: d.startswith(b"\x89PNG\r\n\x1a\n")),
    ".jpg": ("image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    ".jpeg": ("image/jpeg", lambda d: d.startswith(b"\xff\xd8\xff")),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda d: _zip_with(d, "word/"),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda d: _zip_with(d, "xl/"),
    ),
}


def check_upload(name: str, data: bytes) -> tuple[str, str]:
    """Return (content type, SHA-256) or raise ``ValidationFailed`` on field ``file``."""
    if not data:
        raise ValidationFailed(fields={"file": [str(EMPTY)]})
    if len(data) > MAX_BYTES:
        raise ValidationFailed(fields={"file": [str(TOO_LARGE)]})
    kind = KINDS.get(PurePath(name).suffix.lower())
    if kind is None:
        raise ValidationFailed(fields={"file": [str(BAD_TYPE)]})
    content_type, sniff = kind
    if not sniff(data):
        raise ValidationFailed(fields={"file": [str(MISMATCH)]})
    return content_type, hashlib.sha256(data).hexdigest()


def download_response(attachment: Any, *, actor: Any, event: str) -> FileResponse:
    """``attachment`` (fetched and authorised by the caller) as a download; the view is
    audited. Never rendered inline: an uploaded file must not run in our origin."""
    audit.record_view(actor=actor, obj=attachment, event=event)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
