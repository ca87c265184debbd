"""Settings of the production server and its database connection, from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from bienphong.web.management.commands import serve


@pytest.fixture
def launched(monkeypatch, settings, tmp_path):
    """The gunicorn command line `bienphong serve` would exec (nothing is started)."""
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text("{}")
    calls: list[list[str]] = []
    monkeypatch.setattr(serve.shutil, "which", lambda *_a, **_k: "/bin/gunicorn")
    monkeypatch.setattr(serve.os, "execv", lambda _path, argv: calls.append(list(argv)))
    monkeypatch.delenv("BIENPHONG_ACCESS_LOG", raising=False)

    def launch(*args: str) -> list[str]:
        call_command("serve", *args)
        return calls[-1]

    return launch


def test_serve_logs_every_request_by_default(launched):
    argv = launched()
    assert argv[argv.index("--access-logfile") + 1] == "-"


@pytest.mark.parametrize("value", ["0", "off", "false"])
def test_the_access_log_can_be_switched_off_by_environment(launched, monkeypatch, value):
    monkeypatch.setenv("BIENPHONG_ACCESS_LOG", value)
    argv = launched()
    assert "--access-logfile" not in argv
    assert argv[argv.index("--workers") + 1]  # the rest of the command line is unchanged


def test_the_access_log_can_be_switched_off_by_option(launched):
    assert "--access-logfile" not in launched("--no-access-log")
    assert "--access-logfile" in launched("--access-log")


def _settings_process(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A fresh Python process that loads the settings from ``env`` and prints OPTIONS."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("BIENPHONG_DB_")}
    full_env.update(env, DJANGO_SETTINGS_MODULE="bienphong.settings.base")
    script = (
        "import json; from django.conf import settings;"
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], env=full_env, capture_output=True, text=True, timeout=60
    )


def _database_options(env: dict[str, str]) -> dict[str, object]:
    """The default database's OPTIONS as a fresh process computes them from ``env``."""
    out = _settings_process(env)
    assert out.returncode == 0, out.stderr
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def test_postgresql_prepares_statements_by_default(tmp_path):
    url = "postgres://u:p@127.0.0.1:5432/db"
    base = {"DATABASE_URL": url, "BIENPHONG_VAR_DIR": str(tmp_path)}
    options = _database_options(base)
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 2
    options = _database_options({**base, "BIENPHONG_DB_PREPARE_THRESHOLD": "5"})
    assert options["prepare_threshold"] == 5
    # Behind a transaction-mode pooler: client-side binding, nothing prepared.
    options = _database_options({**base, "BIENPHONG_DB_PREPARED_STATEMENTS": "0"})
    assert "server_side_binding" not in options and "prepare_threshold" not in options


def test_sqlite_options_are_not_touched(tmp_path):
    options = _database_options(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "BIENPHONG_VAR_DIR": str(tmp_path)}
    )
    assert "server_side_binding" not in options and options["transaction_mode"] == "IMMEDIATE"


def test_a_bad_prepare_threshold_is_refused_by_name(tmp_path):
    out = _settings_process(
        {
            "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/db",
            "BIENPHONG_VAR_DIR": str(tmp_path),
            "BIENPHONG_DB_PREPARE_THRESHOLD": "two",
        }
    )
    assert out.returncode != 0
    assert "BIENPHONG_DB_PREPARE_THRESHOLD must be a whole number" in out.stderr
