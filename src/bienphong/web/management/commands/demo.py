"""Load the demo data: the Quảng Ninh command, its posts, gates, seaports and users."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bienphong.web.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force", action="store_true", help="load demo data even in production mode"
        )
        parser.add_argument(
            "--crossings",
            type=int,
            default=0,
            help="also generate this many crossings over five years (bienphong.command)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "PRODUCTION", False) and not options["force"]:
            raise CommandError("Refusing to load demo users in production (use --force).")
        report = load_demo()
        self.stdout.write(
            f"Demo data: {report.created} created, {report.unchanged} already present."
        )
        self.stdout.write("\nDemo logins:")
        for login in report.logins:
            self.stdout.write(f"  {login.role_label:<26} {login.username:<20} {login.password}")
        if options["crossings"]:
            from bienphong.command.demo import generate_from_command

            generate_from_command(self, options["crossings"])
