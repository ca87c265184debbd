"""Run one export job: stream the list's rows in chunks into a file, recording progress.

Runs in a daemon thread inside the server process (like watchlist imports), or inline
when ``BIENPHONG_INLINE_JOBS`` is set (tests).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.errors import DomainError

from . import registry
from .models import ExportJob
from .services import as_querydict, exports_dir
from .writers import open_writer

logger = logging.getLogger(__name__)


def chunk_size() -> int:
    return int(getattr(settings, "BIENPHONG_EXPORT_CHUNK", 2000))


def run_in_background(job_id: int) -> None:
    # After commit: the thread must see the job row the request just wrote.
    transaction.on_commit(
        lambda: threading.Thread(
            target=run, args=(job_id, True), daemon=True, name=f"export-{job_id}"
        ).start()
    )


def _stream(rows: Iterable[Any], size: int) -> tuple[int, Iterator[Any]]:
    """The row count (0 if unknown) and an iterator that never loads the whole list."""
    if isinstance(rows, QuerySet):
        return rows.count(), rows.iterator(chunk_size=size)
    if hasattr(rows, "__len__"):
        return len(rows), iter(rows)  # type: ignore[arg-type]
    return 0, iter(rows)


def run(job_id: int, in_thread: bool = False) -> None:
    job = ExportJob.objects.select_related("created_by").get(pk=job_id)
    target = exports_dir() / str(job.created_by_id)
    final = target / f"{job.pk}.{job.file_format}"
    partial = final.with_suffix(final.suffix + ".part")
    try:
        with translation.override(job.language):
            done = _write(job, partial)
        partial.replace(final)
        _finish(job, final, done)
    except DomainError as error:
        _fail(job, partial, str(error.message) + _describe(error.fields))
    except Exception:
        logger.exception("export job %s failed", job_id)
        _fail(job, partial, _("The export failed unexpectedly."))
    finally:
        if in_thread:  # the thread's own connections; never the request's
            connections.close_all()


def _describe(fields: dict[str, list[str]]) -> str:
    return "".join(f" {name}: {' '.join(msgs)}" for name, msgs in fields.items())


def _write(job: ExportJob, path: Path) -> int:
    entry = registry.get(job.list_name)
    actor = job.created_by
    size = chunk_size()
    total, rows = _stream(entry.rows(actor, as_querydict(job.params)), size)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.RUNNING, started_at=timezone.now(), rows_total=total
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    done = 0
    with open_writer(path, job.file_format, title=str(entry.title)) as writer:
        writer.write(entry.headers())
        for row in rows:
            writer.write(c.value(row) for c in entry.columns)
            done += 1
            if done % size == 0:
                # Rows may be added while we stream: the total grows with them.
                total = max(total, done)
                ExportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)
    return done


def _finish(job: ExportJob, path: Path, done: int) -> None:
    relative = path.relative_to(Path(settings.VAR_DIR)).as_posix()
    with transaction.atomic():
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.DONE,
            rows_done=done,
            rows_total=done,
            file_path=relative,
            file_size=path.stat().st_size,
            finished_at=timezone.now(),
        )
        audit.record(
            actor=job.created_by,
            action="export",
            event="exports.job.done",
            obj=job,
            after={
                "list": job.list_name,
                "format": job.file_format,
                "params": job.params,
                "purpose": job.purpose,
                "rows": done,
            },
        )


def _fail(job: ExportJob, partial: Path, message: str) -> None:
    partial.unlink(missing_ok=True)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.FAILED, error=message[:2000], finished_at=timezone.now()
    )
