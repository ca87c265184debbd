"""Read MRZs from standard input or --text: documents separated by a blank line."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bienphong.documents.services import mrz_read
from bienphong.engines.mrz import split_documents


class Command(BaseCommand):
    help = "Read and validate MRZs (stdin or --text; blank line between documents)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--text", help="the MRZ itself instead of standard input")
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.add_argument(
            "--lenient",
            action="store_true",
            help="accept documented national quirks (issuer profiles)",
        )
        parser.add_argument(
            "--repair", action="store_true", help="repair OCR confusions the check digits confirm"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        text = options["text"] if options["text"] is not None else sys.stdin.read()
        documents = split_documents(text)
        if not documents:
            raise CommandError("no MRZ given (use --text or standard input)", returncode=2)
        results = [
            mrz_read(doc, repair=options["repair"], lenient=options["lenient"]) for doc in documents
        ]
        for number, result in enumerate(results, 1):
            if options["json"]:
                result = {k: v for k, v in result.items() if k != "expiry"}
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            else:
                self._table(number, result)
        if not all(r["valid"] for r in results):
            sys.exit(1)

    def _table(self, number: int, result: dict[str, Any]) -> None:
        status = "VALID" if result["valid"] else "INVALID"
        self.stdout.write(f"Document {number}: {result['type'] or '?'} — {status}")
        for name, value in result["fields"].items():
            if value not in (None, ""):
                self.stdout.write(f"  {name:<18} {value}")
        for check in result["checks"]:
            mark = "ok" if check["ok"] else "WRONG"
            self.stdout.write(
                f"  check {check['field']:<16} given {check['given']} "
                f"computed {check['computed']}  {mark}"
            )
        for kind in ("errors", "warnings"):
            for issue in result[kind]:
                where = (
                    f"line {issue['line']} col {issue['start']}-{issue['end']}: "
                    if issue["line"]
                    else ""
                )
                self.stdout.write(f"  {kind[:-1]}: {where}{issue['message']} [{issue['code']}]")
        for repair in result["repairs"]:
            self.stdout.write(
                f"  repaired line {repair['line']} col {repair['column']}: "
                f"{repair['from']} -> {repair['to']} ({repair['field']})"
            )
        if result.get("expiry"):
            self.stdout.write(f"  policy: {result['expiry']['message']}")
        self.stdout.write("")
