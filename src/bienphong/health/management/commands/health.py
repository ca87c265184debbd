"""Health control from a terminal: the retention purge, and a list of measures."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from bienphong.health import services
from bienphong.health.models import HealthDeclaration, HealthMeasure


class Command(BaseCommand):
    help = (
        "Health control: 'health purge' anonymises declarations past their retention "
        "date (Decree 13/2023); 'health measures' lists the measures."
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        purge = sub.add_parser("purge", help="anonymise declarations past retention")
        purge.add_argument("--dry-run", action="store_true", help="count, change nothing")
        purge.add_argument("--today", help="the date to purge as of (YYYY-MM-DD)")
        sub.add_parser("measures", help="list the measures")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _purge(self, options: dict[str, Any]) -> None:
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today: use YYYY-MM-DD") from error
        report = services.purge_expired(today=today, dry_run=options["dry_run"])
        kept = HealthDeclaration.objects.filter(anonymised_at__isnull=True).count()
        verb = "would be anonymised" if options["dry_run"] else "anonymised"
        self.stdout.write(
            f"Health declarations past retention on {today.isoformat()}: "
            f"{report.anonymised} {verb}; {kept} kept."
        )

    def _measures(self, options: dict[str, Any]) -> None:
        for m in HealthMeasure.objects.prefetch_related("gates").order_by("pk"):
            state = "on " if m.is_active else "off"
            gates = ",".join(g.code for g in m.gates.all()) or "*"
            self.stdout.write(f"{m.pk:>4} {state} {m.requirement:<20} {gates:<20} {m.title}")
