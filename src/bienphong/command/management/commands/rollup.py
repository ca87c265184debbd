"""`bienphong rollup [--rebuild]`: bring the crossing rollups up to date (run from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bienphong.command import rollup


class Command(BaseCommand):
    help = "Advance the crossing rollups to the newest settled crossing (or rebuild them)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--rebuild", action="store_true", help="drop and recount everything")

    def handle(self, *args: Any, **options: Any) -> None:
        before = rollup.watermark()
        after = rollup.rebuild() if options["rebuild"] else rollup.refresh()
        self.stdout.write(f"Crossing rollups: watermark {before} -> {after}.")
