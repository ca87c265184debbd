"""The bienphong command, run as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

BIENPHONG = [sys.executable, "-m", "bienphong"]


def run(args, env=None, **kwargs):
    full_env = dict(os.environ)
    # What the test process set for itself must not leak into the command.
    for name in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY"):
        full_env.pop(name, None)
    full_env.update(env or {})
    return subprocess.run(
        BIENPHONG + args, capture_output=True, text=True, env=full_env, timeout=120, **kwargs
    )


def test_help_lists_our_commands_with_descriptions():
    result = run(["--help"])
    assert result.returncode == 0
    for command in ("serve", "demo", "createuser", "token", "audit", "migrate"):
        assert f"  {command} " in result.stdout


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = {
        "BIENPHONG_PRODUCTION": "1",
        "SECRET_KEY": "k" * 20 + "-production-like-secret-" + "x" * 30,
        "ALLOWED_HOSTS": "bienphong.example.vn",
        "BIENPHONG_VAR_DIR": str(tmp_path),
    }
    result = run(["check", "--deploy", "--fail-level", "WARNING"], env=env)
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = {"BIENPHONG_PRODUCTION": "1", "BIENPHONG_VAR_DIR": str(tmp_path), "SECRET_KEY": ""}
    result = run(["check"], env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.fixture
def fresh_install(tmp_path):
    env = {"BIENPHONG_VAR_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/t.db"}
    assert run(["migrate", "--verbosity", "0"], env=env).returncode == 0
    return env, tmp_path


def test_local_secret_key_is_generated_once_into_var(fresh_install):
    _env, var = fresh_install
    key_file = var / "secret_key"
    assert key_file.exists()
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_createuser_token_and_audit_verify(fresh_install):
    env, _var = fresh_install
    assert run(["demo"], env=env).returncode == 0
    created = run(
        [
            "createuser",
            "canbo.moi",
            "--role",
            "checkpoint_officer",
            "--unit",
            "CK-BL1",
            "--password-stdin",
        ],
        env=env,
        input="Bien-Gioi-Moi-2026\n",
    )
    assert created.returncode == 0, created.stderr
    bad_unit = run(
        ["createuser", "x", "--role", "checkpoint_officer", "--unit", "NOPE", "--password-stdin"],
        env=env,
        input="Bien-Gioi-Moi-2026\n",
    )
    assert bad_unit.returncode != 0 and "unit" in bad_unit.stderr
    weak = run(
        ["createuser", "y", "--role", "checkpoint_officer", "--unit", "CK-BL1", "--password-stdin"],
        env=env,
        input="123\n",
    )
    assert weak.returncode != 0 and "password" in weak.stderr
    token = run(["token", "create", "canbo.moi", "--name", "scanner"], env=env)
    assert token.returncode == 0 and token.stdout.strip().startswith("bp_")
    verified = run(["audit", "verify"], env=env)
    assert verified.returncode == 0 and "intact" in verified.stdout
