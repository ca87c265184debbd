"""Every registered list exports the rows its screen shows, within the user's scope."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.http import QueryDict

from bienphong.exports import registry, services
from bienphong.exports.writers import text_cell
from bienphong.org.models import User

from .conftest import make_crossings

pytestmark = pytest.mark.django_db

COVERED = {
    "audit.entries",
    "checkpoint.crossings",
    "checkpoint.exits_without_entry",
    "checkpoint.overdue_vehicles",
    "checkpoint.overstays",
    "checkpoint.vehicle_crossings",
    "health.declarations",
    "ports.filings",
    "ports.permits",
    "ports.queue",
    "resolutions.overdue_tasks",
    "watchlists.entries",
    "watchlists.hits",
}
DEMO_USERS = ("canbo.mongcai", "thammuu.bch", "daily.quangninh", "kiemtra.bch", "quantri")


def exported(job) -> list[list[str]]:
    text = (Path(settings.VAR_DIR) / job.file_path).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_main_lists_are_registered():
    assert {e.name for e in registry.all_lists()} >= COVERED


def test_each_list_exports_the_same_rows_as_its_selector_for_each_demo_role():
    call_command("demo", stdout=io.StringIO())
    exported_lists = set()
    for username in DEMO_USERS:
        user = User.objects.get(username=username)
        for entry in registry.available_for(user):
            if entry.name not in COVERED:
                continue  # lists other apps register test themselves
            params = {"status": "all"} if entry.name == "watchlists.hits" else {}
            if entry.name == "watchlists.entries":
                params = {"watchlist": "CAMNC"}
            job = services.export_start(
                actor=user, list_name=entry.name, file_format="csv", params=params
            )
            expected = list(entry.rows(user, services.as_querydict(params)))
            if entry.name == "audit.entries":  # the export's own "done" entry came after it
                expected = [
                    e
                    for e in expected
                    if (e.event, e.object_id) != ("exports.job.done", str(job.pk))
                ]
            rows = exported(job)
            assert job.status == "done", (entry.name, username, job.error)
            assert rows[0] == entry.headers()
            first = entry.columns[0].value
            assert [r[0] for r in rows[1:]] == [text_cell(first(r)) for r in expected]
            assert job.rows_done == len(expected)
            exported_lists.add(entry.name)
    # The demo gives every covered list to at least one role.
    assert exported_lists >= COVERED - {"ports.filings"}


def test_crossing_export_matches_the_screen_page(client, tree, users, gate_b):
    make_crossings(tree.gate_a, 30, officer=users["officer_a"], nationality="KOR")
    make_crossings(tree.gate_a, 10, officer=users["officer_a"], nationality="CHN")
    make_crossings(gate_b, 20, officer=users["officer_b"], nationality="KOR")
    client.force_login(users["commander_a"])
    query = "nationality=kor&direction=entry&gate=CK-A"
    html = client.get(f"/checkpoint/crossings/?{query}").content.decode()
    on_screen = [int(pk) for pk in re.findall(r'href="/checkpoint/crossings/(\d+)/"', html)]
    job = services.export_start(
        actor=users["commander_a"],
        list_name="checkpoint.crossings",
        file_format="csv",
        params=QueryDict(query),
    )
    assert [int(r[0]) for r in exported(job)[1:]] == on_screen and len(on_screen) == 30


def test_post_officer_never_exports_another_posts_rows(tree, users, gate_b):
    mine = make_crossings(tree.gate_a, 5, officer=users["officer_a"])
    make_crossings(gate_b, 7, officer=users["officer_b"])
    # Even naming the other post's gate in the filters gives nothing.
    for params in ({}, {"gate": "CK-B"}):
        job = services.export_start(
            actor=users["officer_a"],
            list_name="checkpoint.crossings",
            file_format="csv",
            params=params,
        )
        ids = {int(r[0]) for r in exported(job)[1:]}
        assert ids <= {c.pk for c in mine}
        assert len(ids) == (5 if not params else 0)
