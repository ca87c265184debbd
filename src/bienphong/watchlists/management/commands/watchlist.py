"""Watchlist administration from a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit, User
from bienphong.org.roles import Role
from bienphong.watchlists import imports, services
from bienphong.watchlists.importers import detect_format, read_rows
from bienphong.watchlists.models import ListType, Watchlist
from bienphong.watchlists.runtime import holder


def _command_user(username: str | None) -> User:
    qs = User.objects.filter(is_active=True, memberships__role=Role.COMMAND_STAFF)
    user = qs.filter(username=username).first() if username else qs.order_by("pk").first()
    if user is None:
        raise CommandError("--as: no active command staff user to act as")
    return user


class Command(BaseCommand):
    help = (
        "Watchlists: 'watchlist import FILE --list CODE', 'watchlist lists', 'watchlist reindex'."
    )

    def add_arguments(self, parser: Any) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="import CSV, XLSX or FollowTheMoney JSON lines")
        imp.add_argument("file")
        imp.add_argument("--list", required=True, dest="code", help="watchlist code")
        imp.add_argument("--format", choices=["csv", "xlsx", "ftm"])
        imp.add_argument("--create", action="store_true", help="create the list if missing")
        imp.add_argument("--type", default=ListType.OTHER, choices=ListType.values)
        imp.add_argument("--name", default="")
        imp.add_argument("--owner", default="", help="owner unit code (with --create)")
        imp.add_argument("--as", dest="username", help="command staff user recorded as actor")
        sub.add_parser("lists", help="list the watchlists")
        sub.add_parser("reindex", help="rebuild the screening index file new processes load")

    def handle(self, *args: Any, **options: Any) -> None:
        getattr(self, f"_{options['action']}")(options)

    def _lists(self, options: dict[str, Any]) -> None:
        for wl in Watchlist.objects.order_by("code"):
            count = wl.entries.filter(is_active=True).count()
            self.stdout.write(f"{wl.code:<16} {wl.list_type:<10} {count:>9}  {wl.name}")

    def _reindex(self, options: dict[str, Any]) -> None:
        path = holder.save()
        self.stdout.write(f"Screening index written to {path}")

    def _import(self, options: dict[str, Any]) -> None:
        actor = _command_user(options["username"])
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"file: {path} does not exist")
        fmt = options["format"] or detect_format(path.name)
        if fmt is None:
            raise CommandError("file: use .csv, .xlsx or .json/.jsonl (or --format)")
        watchlist = Watchlist.objects.filter(code=options["code"].upper()).first()
        if watchlist is None:
            if not options["create"]:
                raise CommandError(f"list: no watchlist {options['code']!r} (use --create)")
            owner = (
                Unit.objects.filter(code=options["owner"]).first()
                or Unit.objects.filter(parent__isnull=True).first()
            )
            if owner is None:
                raise CommandError("owner: no unit")
            watchlist = services.watchlist_create(
                actor=actor,
                code=options["code"],
                name=options["name"] or options["code"],
                list_type=options["type"],
                owner_unit=owner,
            )
        with path.open("rb") as stream:
            total = sum(1 for _ in read_rows(stream, fmt))
        try:
            with (
                path.open("rb") as stream,
                tqdm(total=total, unit="row", desc="checking", file=self.stderr) as bar,
            ):
                report = imports.import_file(
                    actor=actor,
                    watchlist=watchlist,
                    stream=stream,
                    file_format=fmt,
                    file_name=path.name,
                    progress=bar.update,
                )
        except imports.ImportRejected as rejected:
            for error in rejected.row_errors:
                self.stderr.write(f"row {error.row}: {error.field}: {error.message}")
            raise CommandError(f"{len(rejected.row_errors)} errors; nothing imported") from None
        except ValidationFailed as error:
            raise CommandError(str(error.fields)) from error
        self.stdout.write(
            f"{watchlist.code}: {report.created} created, {report.updated} updated, "
            f"{report.skipped} skipped (not persons)."
        )
