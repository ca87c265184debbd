"""`bienphong mrz`: JSON lines in input order, exit 0/1/2."""

from __future__ import annotations

import json
import os
import subprocess
import sys

VALID = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
WRONG_CHECK = VALID.replace("L898902C36", "L898902C37")
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)


def mrz(*args, stdin=""):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    return subprocess.run(
        [sys.executable, "-m", "bienphong", "mrz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_one_object_per_document_in_input_order_and_exit_1():
    result = mrz("--json", stdin=f"{VALID}\n\n{WRONG_CHECK}\r\n\r\n{TD1}\n")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["type"] for d in lines] == ["TD3", "TD3", "TD1"]
    assert [d["valid"] for d in lines] == [True, False, True]
    assert set(lines[0]) == {"type", "valid", "fields", "checks", "errors", "warnings", "repairs"}
    bad = lines[1]
    assert (
        bad["fields"]["surname"] == "ERIKSSON" and bad["fields"]["birth_date_iso"] == "1974-08-12"
    )
    wrong = [c for c in bad["checks"] if not c["ok"]]
    assert [(c["field"], c["given"], c["computed"]) for c in wrong] == [
        ("document_number", "7", "6"),
        ("composite", "0", "7"),
    ]
    assert bad["errors"][0] == {
        "code": "check_digit",
        "line": 2,
        "start": 10,
        "end": 10,
        "message": "Số kiểm tra không khớp với dữ liệu mà nó bảo vệ.",
    }


def test_all_valid_exits_0_and_table_output():
    result = mrz("--text", VALID)
    assert result.returncode == 0
    assert "TD3" in result.stdout and "ERIKSSON" in result.stdout


def test_scanner_without_line_break():
    result = mrz("--json", "--text", VALID.replace("\n", ""))
    assert result.returncode == 0
    assert json.loads(result.stdout)["warnings"][0]["code"] in {"line_breaks", "non_iso_code"}


def test_usage_errors_exit_2():
    assert mrz("--text", "").returncode == 2
    assert mrz("--no-such-option").returncode == 2
