"""The import pipeline: read, validate every row, then write all or nothing.

Used by the command line (with a progress bar) and by the browser (a background job
whose progress the page polls)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed

from . import services
from .access import require_manage
from .importers import FORMATS, MAX_ROWS, EntryRow, RowError, read_rows, validate_row
from .models import ImportJob, Watchlist

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class ImportRejected(ValidationFailed):
    code = "import_rejected"

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        super().__init__(
            _("%(count)s rows have errors; nothing was imported.")
            % {"count": len({e.row for e in errors})},
            fields={f"row {e.row}: {e.field}": [e.message] for e in errors[:500]},
        )


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)


def validate_file(
    stream: BinaryIO,
    file_format: str,
    watchlist: Watchlist,
    progress: Callable[[int], None] | None = None,
) -> tuple[list[EntryRow], ImportReport]:
    report = ImportReport()
    rows: list[EntryRow] = []
    seen: dict[str, int] = {}
    try:
        for number, raw in read_rows(stream, file_format):
            if raw.get("__skip__"):
                report.skipped += 1
                continue
            report.rows += 1
            if report.rows > MAX_ROWS:
                report.errors.append(RowError(number, "__all__", _("Too many rows.")))
                break
            row, errors = validate_row(number, raw, watchlist.default_instruction)
            report.errors.extend(errors)
            if row is not None:
                if row.reference in seen:
                    report.errors.append(
                        RowError(
                            number,
                            "reference",
                            _("Duplicate reference: also on row %(row)s.")
                            % {"row": seen[row.reference]},
                        )
                    )
                else:
                    seen[row.reference] = number
                    rows.append(row)
            if progress and report.rows % 1000 == 0:
                progress(1000)
    except (UnicodeDecodeError, ValueError, KeyError, OSError) as error:
        logger.info("unreadable import file: %s", error)
        report.errors.append(
            RowError(
                0,
                "file",
                _("The file cannot be read as %(format)s.") % {"format": file_format.upper()},
            )
        )
    except Exception as error:  # openpyxl raises its own errors on corrupt workbooks
        logger.info("unreadable import file: %s", error)
        report.errors.append(RowError(0, "file", _("The file is damaged or not a workbook.")))
    return rows, report


def import_file(
    *,
    actor: Any,
    watchlist: Watchlist,
    stream: BinaryIO,
    file_format: str,
    file_name: str = "",
    progress: Callable[[int], None] | None = None,
    write_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate every row; if any is bad raise ImportRejected listing them all."""
    require_manage(actor)
    if file_format not in FORMATS:
        raise ValidationFailed(fields={"file": [_("Use a CSV, XLSX or FollowTheMoney JSON file.")]})
    rows, report = validate_file(stream, file_format, watchlist, progress)
    if report.errors:
        raise ImportRejected(report.errors)
    if not rows:
        raise ValidationFailed(fields={"file": [_("The file has no rows to import.")]})
    report.created, report.updated = services.entries_import(
        actor=actor,
        watchlist=watchlist,
        rows=rows,
        file_name=file_name,
        progress=write_progress,
    )
    return report


def uploads_dir() -> Path:
    path = Path(settings.VAR_DIR) / "uploads" / "watchlists"
    path.mkdir(parents=True, exist_ok=True)
    return path


def start_job(
    *, actor: Any, watchlist: Watchlist, upload: Any, file_format: str, run_inline: bool = False
) -> ImportJob:
    """Store the upload and import it in a background thread; the job records progress."""
    require_manage(actor)
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationFailed(fields={"file": [_("The file is larger than 200 MB.")]})
    job = ImportJob.objects.create(
        watchlist=watchlist, created_by=actor, file_name=upload.name[:200], file_format=file_format
    )
    path = uploads_dir() / f"job-{job.pk}"
    with path.open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    if run_inline or getattr(settings, "BIENPHONG_INLINE_JOBS", False):
        _run_job(job.pk, path, in_thread=False)
    else:
        threading.Thread(
            target=_run_job,
            args=(job.pk, path, True),
            daemon=True,
            name=f"watchlist-import-{job.pk}",
        ).start()
    return job


def _count_rows(path: Path, file_format: str) -> int:
    with path.open("rb") as stream:
        try:
            return sum(1 for _ in read_rows(stream, file_format))
        except Exception:  # the validation pass reports what is wrong with the file
            return 0


def _run_job(job_id: int, path: Path, in_thread: bool) -> None:
    job = ImportJob.objects.select_related("watchlist", "created_by").get(pk=job_id)
    try:
        total = _count_rows(path, job.file_format)
        ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.RUNNING, total=total)
        done = 0

        def advance(step: int) -> None:
            nonlocal done
            done += step
            ImportJob.objects.filter(pk=job_id).update(processed=min(done, total))

        with path.open("rb") as stream:
            report = import_file(
                actor=job.created_by,
                watchlist=job.watchlist,
                stream=stream,
                file_format=job.file_format,
                file_name=job.file_name,
                progress=advance,
            )
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.DONE,
            processed=total,
            created=report.created,
            updated=report.updated,
            finished_at=timezone.now(),
        )
    except ImportRejected as rejected:
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED,
            finished_at=timezone.now(),
            errors=[e.as_dict() for e in rejected.row_errors[:2000]],
        )
    except ValidationFailed as error:
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED,
            finished_at=timezone.now(),
            errors=[
                {"row": 0, "field": f, "message": " ".join(m)} for f, m in error.fields.items()
            ],
        )
    except Exception:
        logger.exception("watchlist import job %s failed", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            state=ImportJob.State.FAILED,
            finished_at=timezone.now(),
            errors=[{"row": 0, "field": "file", "message": _("The import failed unexpectedly.")}],
        )
    finally:
        path.unlink(missing_ok=True)
        if in_thread:  # the thread's own connections; never the request's
            connections.close_all()
