"""Serve bienphong with gunicorn (static files through whitenoise)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve the application with the production server (gunicorn)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("BIENPHONG_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("BIENPHONG_PORT", 8000)))
        # Measured on 2 cores (docs/benchmarks.md, "Checkpoint under load"): single-threaded
        # workers, two per core, beat threads sharing one interpreter lock by ~20 % and
        # spread requests evenly (a keep-alive connection pins a client to one gthread
        # worker). Put a buffering proxy in front for slow clients, as with any sync worker.
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("BIENPHONG_WORKERS", 0)) or 2 * (os.cpu_count() or 1),
            help="worker processes (default: two per CPU core)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("BIENPHONG_THREADS", 1)),
            help="threads per worker (default 1; more than 1 selects the gthread worker)",
        )
        parser.add_argument(
            "--worker-class",
            default=os.environ.get("BIENPHONG_WORKER_CLASS", ""),
            choices=["", "gthread", "sync"],
            help="gunicorn worker class (default: sync with one thread, else gthread)",
        )
        # Behind a proxy that logs every request (nginx in docs/operations.md) the access
        # log repeats it; BIENPHONG_ACCESS_LOG=0 switches it off. It is cheap (~0.03 ms of
        # CPU a line, docs/benchmarks.md), so it stays on by default. Errors are logged
        # either way.
        parser.add_argument(
            "--access-log",
            action=argparse.BooleanOptionalAction,
            default=os.environ.get("BIENPHONG_ACCESS_LOG", "1").strip().lower()
            not in {"0", "false", "no", "off"},
            help="log every request to standard output (default: on)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (settings.STATIC_ROOT / "staticfiles.json").exists():
            raise CommandError(
                "Static files are not collected: run 'bienphong collectstatic --noinput' first."
            )
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable))
        if gunicorn is None:
            raise CommandError("gunicorn is not installed in this environment.")
        bind = f"{options['host']}:{options['port']}"
        worker_class = options["worker_class"] or ("gthread" if options["threads"] > 1 else "sync")
        argv = [
            gunicorn,
            "bienphong.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(options["workers"]),
            "--threads",
            str(options["threads"]),
            "--worker-class",
            worker_class,
            "--graceful-timeout",
            "20",
            "--timeout",
            "120",
        ]
        if options["access_log"]:
            argv += ["--access-logfile", "-"]
        if os.environ.get("BIENPHONG_PRELOAD_SCREENING"):
            argv.append("--preload")  # load the screening index once, before forking
        self.stdout.write(f"bienphong serving on http://{bind}/ (Ctrl+C stops)")
        self.stdout.flush()
        os.execv(gunicorn, argv)  # noqa: S606  (replace this process: signals reach gunicorn)
