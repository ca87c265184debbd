"""Create, list and revoke API tokens for machine clients."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from bienphong.errors import ValidationFailed
from bienphong.org import services
from bienphong.org.models import ApiToken, User


class Command(BaseCommand):
    help = "API tokens: token create USER [--name N] | token list [USER] | token revoke PREFIX."

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a token for USER; printed once")
        create.add_argument("username")
        create.add_argument("--name", default="cli", help="what the token is for")
        listing = sub.add_parser("list", help="list tokens (never their secrets)")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="revoke the token with this prefix")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            user = User.objects.filter(username=options["username"], is_active=True).first()
            if user is None:
                raise CommandError(f"user: no active user {options['username']!r}")
            try:
                _token, clear = services.token_create(actor=None, user=user, name=options["name"])
            except ValidationFailed as error:
                raise CommandError(str(error.fields)) from error
            self.stdout.write(clear)
        elif action == "list":
            rows = ApiToken.objects.select_related("user").order_by("user__username", "-created_at")
            if options["username"]:
                rows = rows.filter(user__username=options["username"])
            for row in rows:
                status = "revoked" if row.revoked_at else "active"
                self.stdout.write(f"{row.prefix}  {row.user.username:<20} {row.name:<24} {status}")
        else:
            token = ApiToken.objects.filter(prefix=options["prefix"]).first()
            if token is None:
                raise CommandError(f"prefix: no token {options['prefix']!r}")
            services.token_revoke(actor=None, token=token)
            self.stdout.write(f"Revoked {token.prefix}.")
