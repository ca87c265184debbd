"""Serve bienphong with gunicorn (static files through whitenoise)."""

from __future__ import annotations

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
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("BIENPHONG_WORKERS", 3)),
            help="worker processes (default 3)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(os.environ.get("BIENPHONG_THREADS", 4)),
            help="threads per worker (default 4)",
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
            "gthread",
            "--access-logfile",
            "-",
            "--graceful-timeout",
            "20",
            "--timeout",
            "120",
        ]
        if os.environ.get("BIENPHONG_PRELOAD_SCREENING"):
            argv.append("--preload")  # load the screening index once, before forking
        self.stdout.write(f"bienphong serving on http://{bind}/ (Ctrl+C stops)")
        self.stdout.flush()
        os.execv(gunicorn, argv)  # noqa: S606  (replace this process: signals reach gunicorn)
