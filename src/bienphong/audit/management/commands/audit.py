"""Audit chain tools."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from bienphong.audit.models import AuditChainHead
from bienphong.audit.services import verify_chain


class Command(BaseCommand):
    help = "Audit log: 'audit verify' checks the hash chain and reports the first broken link."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="verify the hash chain")

    def handle(self, *args: Any, **options: Any) -> None:
        head = AuditChainHead.objects.filter(id=1).first()
        total = head.length if head else 0
        with tqdm(total=total, unit="entry", disable=None, file=self.stderr) as bar:
            report = verify_chain(progress=bar.update)
        if not report.ok:
            raise CommandError(
                f"Audit chain BROKEN at entry #{report.broken_entry_id}: {report.reason} "
                f"({report.checked} entries verified before it)."
            )
        self.stdout.write(f"Audit chain intact: {report.checked} entries verified.")
