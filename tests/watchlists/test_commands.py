from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_import_and_screen_from_the_terminal(tree, users, tmp_path):
    source = tmp_path / "truy-na.csv"
    source.write_text(
        "reference,full_name,date_of_birth,nationality\nT1,Hoàng Văn Thái,1966-06-06,VNM\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command(
        "watchlist",
        "import",
        str(source),
        "--list",
        "TN",
        "--create",
        "--type",
        "wanted",
        "--owner",
        "QN",
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "1 created" in out.getvalue()
    out = io.StringIO()
    call_command("screen", "HOANG VAN THAI", "--dob", "06/06/1966", "--json", stdout=out)
    hits = json.loads(out.getvalue())
    assert hits[0]["listed"]["reference"] == "T1"


def test_import_rejects_bad_rows_with_their_numbers(tree, users, tmp_path):
    source = tmp_path / "x.csv"
    source.write_text("reference,full_name\n,Không mã\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "watchlist",
            "import",
            str(source),
            "--list",
            "TN",
            "--create",
            stdout=io.StringIO(),
            stderr=err,
        )
    assert "row 2: reference" in err.getvalue()


def test_screen_validates_input(db):
    with pytest.raises(CommandError, match="date_of_birth"):
        call_command("screen", "A B", "--dob", "99/99/1999")
