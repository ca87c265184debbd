"""Start, read and purge export jobs. The job itself runs in ``jobs.py``."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, QueryDict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.errors import NotFound, ValidationFailed, full_clean
from bienphong.org.scoping import is_external

from . import registry
from .models import ExportJob

logger = logging.getLogger(__name__)

# Query-string keys that belong to the screen or the export form, not to the filters.
NOT_FILTERS = frozenset({"page", "format", "purpose", "list", "csrfmiddlewaretoken"})
MAX_PARAMS = 40
MAX_PARAM_LENGTH = 500
MAX_PURPOSE = 300


def ttl() -> dt.timedelta:
    return dt.timedelta(hours=int(getattr(settings, "BIENPHONG_EXPORT_TTL_HOURS", 24)))


def exports_dir() -> Path:
    return Path(settings.VAR_DIR) / "exports"


def clean_params(raw: Mapping[str, Any]) -> dict[str, str | list[str]]:
    """The filters as JSON: a QueryDict's repeated keys become lists."""
    out: dict[str, str | list[str]] = {}
    for key in raw:
        if key in NOT_FILTERS:
            continue
        values = raw.getlist(key) if isinstance(raw, QueryDict) else raw[key]
        if not isinstance(values, list | tuple):
            values = [values]
        texts = ["" if v is None else str(v) for v in values]
        if len(key) > 64 or any(len(t) > MAX_PARAM_LENGTH for t in texts):
            raise ValidationFailed(fields={key[:64]: [_("This filter is too long.")]})
        if not any(texts):
            continue  # an empty filter field is no filter
        out[key] = texts[0] if len(texts) == 1 else texts
    if len(out) > MAX_PARAMS:
        raise ValidationFailed(fields={"params": [_("Too many filters.")]})
    return out


def as_querydict(params: Mapping[str, Any]) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    query._mutable = False
    return query


def export_start(
    *,
    actor: Any,
    list_name: str,
    file_format: str,
    params: Mapping[str, Any],
    purpose: str = "",
    run_inline: bool = False,
) -> ExportJob:
    """Check the request, record the job and run it (in a thread, or inline in tests)."""
    entry = registry.get_for(actor, list_name)
    if entry.personal_data and is_external(actor):
        raise registry.UnknownList(fields={"list": [_("There is no such list to export.")]})
    if file_format not in ExportJob.Format.values:
        raise ValidationFailed(fields={"format": [_("Choose CSV or XLSX.")]})
    purpose = (purpose or "").strip()
    if len(purpose) > MAX_PURPOSE:
        raise ValidationFailed(fields={"purpose": [_("The purpose is too long.")]})
    cleaned = clean_params(params)
    # Parse the filters now, so a bad one is reported to the user and not in a failed job.
    entry.rows(actor, as_querydict(cleaned))
    job = _job_create(
        actor=actor, entry=entry, file_format=file_format, params=cleaned, purpose=purpose
    )
    purge_expired()  # opportunistic: old files go whenever new ones are made
    from . import jobs

    if run_inline or getattr(settings, "BIENPHONG_INLINE_JOBS", False):
        jobs.run(job.pk)
    else:
        jobs.run_in_background(job.pk)
    job.refresh_from_db()
    return job


@transaction.atomic
def _job_create(
    *,
    actor: Any,
    entry: registry.ExportList,
    file_format: str,
    params: dict[str, Any],
    purpose: str,
) -> ExportJob:
    job = ExportJob(
        created_by=actor,
        list_name=entry.name,
        params=params,
        file_format=file_format,
        language=(get_language() or settings.LANGUAGE_CODE)[:8],
        purpose=purpose,
        expires_at=timezone.now() + ttl(),
    )
    full_clean(job)
    job.save()
    audit.record(
        actor=actor,
        action="create",
        event="exports.job.create",
        obj=job,
        after={
            "list": entry.name,
            "format": file_format,
            "params": params,
            "purpose": purpose,
            "personal_data": entry.personal_data,
        },
    )
    return job


def jobs_for(*, actor: Any) -> QuerySet[ExportJob]:
    """The actor's own jobs: exports are never shared, not even with a commander."""
    if not getattr(actor, "is_authenticated", False):
        return ExportJob.objects.none()
    return ExportJob.objects.filter(created_by=actor)


def job_get(*, actor: Any, pk: int) -> ExportJob:
    job = jobs_for(actor=actor).filter(pk=pk).first()
    if job is None:
        raise NotFound()
    return job


def job_file(*, actor: Any, pk: int) -> tuple[ExportJob, Path]:
    """The finished file of the actor's job; the download is audited."""
    job = job_get(actor=actor, pk=pk)
    if not job.downloadable or job.expires_at <= timezone.now():
        raise NotFound(_("This export is not ready or has expired."))
    path = Path(settings.VAR_DIR) / job.file_path
    if not path.is_file():
        raise NotFound(_("This export is not ready or has expired."))
    audit.record(
        actor=actor,
        action="view",
        event="exports.job.download",
        obj=job,
        after={"list": job.list_name, "rows": job.rows_done},
    )
    return job, path


def file_response(*, actor: Any, pk: int) -> FileResponse:
    """The download of the actor's finished export, never cached by the browser."""
    job, path = job_file(actor=actor, pk=pk)
    response = FileResponse(path.open("rb"), as_attachment=True, filename=job.file_name())
    response["Cache-Control"] = "private, no-store"
    return response


def purge_expired(*, now: dt.datetime | None = None) -> int:
    """Delete the files of expired jobs; the job rows stay as the record of the export.
    A job still queued or running past its expiry was cut off by a restart: it fails."""
    now = now or timezone.now()
    count = 0
    ExportJob.objects.filter(
        expires_at__lte=now, status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING]
    ).update(
        status=ExportJob.Status.FAILED,
        error=_("The export was interrupted. Export the list again."),
        finished_at=now,
    )
    expired = ExportJob.objects.filter(expires_at__lte=now, purged_at__isnull=True).exclude(
        status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING]
    )
    for job in expired.only("pk", "file_path"):
        if job.file_path:
            try:
                (Path(settings.VAR_DIR) / job.file_path).unlink(missing_ok=True)
            except OSError:
                logger.warning("export %s: could not delete %s", job.pk, job.file_path)
                continue
        ExportJob.objects.filter(pk=job.pk).update(file_path="", purged_at=now)
        count += 1
    return count
