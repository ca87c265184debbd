"""Screen a person against the watchlists from a terminal."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bienphong.errors import ValidationFailed
from bienphong.watchlists import screening
from bienphong.watchlists.inputs import clean_query
from bienphong.watchlists.presenters import outcome_dict


class Command(BaseCommand):
    help = 'Screen a person: bienphong screen "NAME" [--dob D] [--nationality N] [--document X].'

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("name")
        parser.add_argument("--dob", default="", help="YYYY, YYYY-MM, YYYY-MM-DD or dd/mm/yyyy")
        parser.add_argument("--nationality", default="")
        parser.add_argument("--document", default="")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--all", action="store_true", help="also show hits below threshold")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            query = clean_query(
                name=options["name"],
                date_of_birth=options["dob"],
                nationality=options["nationality"],
                document_number=options["document"],
            )
        except ValidationFailed as error:
            raise CommandError(
                "; ".join(f"{f}: {' '.join(m)}" for f, m in error.fields.items())
            ) from error
        _key, outcomes = screening.search(
            name=query.name,
            dob=query.dob,
            nationality=query.nationality,
            document_number=query.document_number,
            include_below_threshold=options["all"],
        )
        rows = [outcome_dict(o, files=True) for o in outcomes]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, default=str))
            return
        if not rows:
            self.stdout.write("No match.")
        for row in rows:
            listed = row["listed"]
            self.stdout.write(
                f"{row['score']:.2f}  {listed['name']}  {listed['date_of_birth'] or '-'}  "
                f"{listed['nationality'] or '-'}  [{listed['watchlist']}] "
                f"-> {listed['instruction_label']}"
            )
            for line in row["explanation"]:
                self.stdout.write(f"      {line}")
