"""bienphong resolutions remind | snapshot — the module's scheduled jobs."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from bienphong.resolutions.services.jobs import send_reminders, take_snapshots


class Command(BaseCommand):
    help = (
        "Resolution jobs: 'remind' notifies owners and commanders of tasks due soon or "
        "overdue (once a day); 'snapshot' stores today's indicator values."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("job", choices=["remind", "snapshot"])
        parser.add_argument("--days", type=int, default=7, help="remind of tasks due within N days")
        parser.add_argument("--date", default="", help="run as of this date (YYYY-MM-DD)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["date"]:
            parsed = parse_date(options["date"])
            if parsed is None:
                raise CommandError("--date must be YYYY-MM-DD")
            today = parsed
        if options["job"] == "remind":
            if options["days"] < 0:
                raise CommandError("--days must be 0 or more")
            report = send_reminders(today=today, days=options["days"])
            self.stdout.write(f"{report.tasks} tasks, {report.notices} notifications sent")
        else:
            stored = take_snapshots(today=today)
            self.stdout.write(f"{stored} indicator values stored for {today.isoformat()}")
