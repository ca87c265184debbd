"""Export files: 'exports purge' deletes the files of expired exports."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from bienphong.exports.services import purge_expired


class Command(BaseCommand):
    help = "Exports: 'exports purge' deletes the files of expired exports (run it from cron)."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("purge", help="delete the files of expired exports")

    def handle(self, *args: Any, **options: Any) -> None:
        count = purge_expired()
        self.stdout.write(f"Expired export files deleted: {count}.")
