"""The ``bienphong`` command: Django's management commands under our name."""

from __future__ import annotations

import os
import sys


def _print_help() -> None:
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    ours: list[tuple[str, str]] = []
    theirs: list[tuple[str, str]] = []
    for name, app in sorted(get_commands().items()):
        try:
            help_text = load_command_class(app, name).help or ""
        except Exception:  # a broken third-party command must not break --help
            help_text = ""
        line = (help_text.strip().splitlines() or [""])[0]
        (ours if app.startswith("bienphong") else theirs).append((name, line))
    print("usage: bienphong <command> [options]   (bienphong help <command> for details)\n")
    print("bienphong commands:")
    for name, line in ours:
        print(f"  {name:<22} {line}")
    print("\nDjango and library commands:")
    for name, line in theirs:
        print(f"  {name:<22} {line}")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienphong.settings.base")
    args = list(sys.argv if argv is None else argv)
    args[0] = "bienphong"
    if len(args) == 1 or (len(args) == 2 and args[1] in {"-h", "--help", "help"}):
        _print_help()
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
