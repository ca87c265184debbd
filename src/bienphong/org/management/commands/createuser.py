"""Create a user with a role in a unit (or, for agents, an organisation)."""

from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bienphong.errors import ValidationFailed
from bienphong.org import services
from bienphong.org.models import Organisation, Unit
from bienphong.org.roles import Role


class Command(BaseCommand):
    help = "Create a user: bienphong createuser NAME --role ROLE [--unit CODE]."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--unit", help="unit code (every role except shipping_agent)")
        parser.add_argument("--organisation", help="organisation tax code (shipping agents)")
        parser.add_argument("--full-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from standard input"
        )

    def _password(self, options: dict[str, Any]) -> str:
        if options["password_stdin"]:
            return sys.stdin.readline().rstrip("\r\n")
        if not sys.stdin.isatty():
            raise CommandError("No terminal to prompt on: use --password-stdin.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords do not match.")
        return first

    def handle(self, *args: Any, **options: Any) -> None:
        unit = organisation = None
        if options["unit"]:
            unit = Unit.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"unit: no unit has the code {options['unit']!r}")
        if options["organisation"]:
            organisation = Organisation.objects.filter(tax_code=options["organisation"]).first()
            if organisation is None:
                raise CommandError(f"organisation: no organisation {options['organisation']!r}")
        password = self._password(options)
        try:
            user = services.user_create(
                actor=None,
                username=options["username"],
                password=password,
                role=options["role"],
                unit=unit,
                organisation=organisation,
                full_name=options["full_name"],
                email=options["email"],
            )
        except ValidationFailed as error:
            details = "; ".join(f"{f}: {' '.join(m)}" for f, m in error.fields.items())
            raise CommandError(details or str(error.message)) from error
        self.stdout.write(f"Created {user.username} ({options['role']}).")
