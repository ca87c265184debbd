from __future__ import annotations

import csv
import io

import pytest

from bienphong.exports import services as exports
from bienphong.situation import selectors

pytestmark = pytest.mark.django_db


def test_incident_export_has_the_rows_of_the_screen(users, tree, record):
    record(title="Vụ A1")
    record(title="Vụ A2", kind="other", goods="", quantity=None, unit_of_measure="")
    record(unit=tree.post_b, actor=users["officer_b"], title="Vụ B1")
    params = {"kind": "smuggling"}
    job = exports.export_start(
        actor=users["officer_a"],
        list_name="situation.incidents",
        file_format="csv",
        params=params,
        run_inline=True,
    )
    _, path = exports.job_file(actor=users["officer_a"], pk=job.pk)
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    titles = [r[3] for r in rows[1:]]
    expected = [i.title for i in selectors.incidents_from_params(users["officer_a"], params)]
    assert titles == expected == ["Vụ A1"]
