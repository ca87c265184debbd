from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.http import QueryDict
from django.utils import timezone, translation
from openpyxl import load_workbook

from bienphong.audit.models import AuditEntry
from bienphong.checkpoint import selectors as checkpoint_selectors
from bienphong.checkpoint.models import Direction
from bienphong.errors import NotFound, ValidationFailed
from bienphong.exports import jobs, services
from bienphong.exports.models import ExportJob
from bienphong.exports.writers import safe_text

from .conftest import make_crossings


def read_csv(job: ExportJob) -> list[list[str]]:
    raw = (Path(settings.VAR_DIR) / job.file_path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with the UTF-8 BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def start(actor, list_name="checkpoint.crossings", file_format="csv", **params):
    return services.export_start(
        actor=actor, list_name=list_name, file_format=file_format, params=params
    )


def test_csv_has_bom_vietnamese_text_and_local_times(tree, users):
    at = dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.UTC)  # 06:30 on the 28th in Hà Nội
    make_crossings(tree.gate_a, 2, officer=users["officer_a"], name="Lường Thị Ngọc Ánh", at=at)
    with translation.override("vi"):
        job = start(users["officer_a"])
    assert job.status == ExportJob.Status.DONE and job.rows_done == 2
    rows = read_csv(job)
    assert rows[0][:3] == ["Số", "Thời gian", "Cửa khẩu"]
    assert rows[1][5].startswith("Lường Thị Ngọc Ánh")
    assert rows[1][1].startswith("2026-11-28 06:29")
    assert rows[1][4] == "Nhập cảnh"


def test_xlsx_opens_with_headers_in_the_users_language(tree, users):
    make_crossings(tree.gate_a, 3, officer=users["officer_a"])
    with translation.override("en"):
        job = start(users["officer_a"], file_format="xlsx")
    workbook = load_workbook(Path(settings.VAR_DIR) / job.file_path, read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:4] == ("Number", "Time", "Gate", "Lane")
    assert len(rows) == 4
    assert isinstance(rows[1][1], dt.datetime)


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x"])
def test_formula_injection_is_escaped(tree, users, value):
    make_crossings(tree.gate_a, 1, officer=users["officer_a"], name=value)
    job = start(users["officer_a"])
    assert read_csv(job)[1][5] == "'" + value + " " + read_csv(job)[1][5].rsplit(" ", 1)[1]
    xlsx = start(users["officer_a"], file_format="xlsx")
    sheet = load_workbook(Path(settings.VAR_DIR) / xlsx.file_path).active
    assert str(sheet.cell(row=2, column=6).value).startswith("'")
    assert safe_text("Hà Nội") == "Hà Nội"


def test_export_has_the_screens_rows_and_scope(tree, users, gate_b, client):
    make_crossings(tree.gate_a, 4, officer=users["officer_a"], nationality="KOR")
    make_crossings(tree.gate_a, 3, officer=users["officer_a"], nationality="CHN")
    make_crossings(gate_b, 5, officer=users["officer_b"], nationality="KOR")
    query = QueryDict("nationality=KOR&direction=entry")
    for user, expected in ((users["officer_a"], 4), (users["officer_b"], 5), (users["staff"], 9)):
        screen = list(checkpoint_selectors.crossings_from_params(user, query))
        job = start(user, nationality="KOR", direction="entry")
        exported = [int(row[0]) for row in read_csv(job)[1:]]
        assert exported == [c.pk for c in screen] and len(exported) == expected
        assert {c.unit_id for c in screen} == (
            {tree.gate_a.pk}
            if user == users["officer_a"]
            else {gate_b.pk}
            if user == users["officer_b"]
            else {tree.gate_a.pk, gate_b.pk}
        )


def test_audit_records_who_which_list_filters_and_rows(tree, users):
    make_crossings(tree.gate_a, 2, officer=users["officer_a"])
    services.export_start(
        actor=users["officer_a"],
        list_name="checkpoint.crossings",
        file_format="csv",
        params={"direction": "entry"},
        purpose="Báo cáo tuần",
    )
    entry = AuditEntry.objects.get(event="exports.job.done")
    assert entry.actor_username == "officer_a" and entry.action == "export"
    assert entry.after["list"] == "checkpoint.crossings"
    assert entry.after["params"] == {"direction": "entry"}
    assert entry.after["rows"] == 2 and entry.after["purpose"] == "Báo cáo tuần"
    assert AuditEntry.objects.filter(event="exports.job.create").count() == 1


def test_file_is_not_downloadable_by_another_user(tree, users, client):
    make_crossings(tree.gate_a, 1, officer=users["officer_a"])
    job = start(users["commander_a"])
    with pytest.raises(NotFound):
        services.job_file(actor=users["staff"], pk=job.pk)
    _, path = services.job_file(actor=users["commander_a"], pk=job.pk)
    assert path.is_file()
    client.force_login(users["staff"])
    assert client.get(f"/exports/{job.pk}/file/").status_code == 404
    assert client.get(f"/exports/{job.pk}/").status_code == 404
    client.force_login(users["commander_a"])
    response = client.get(f"/exports/{job.pk}/file/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xef\xbb\xbf")


def test_purge_deletes_expired_files(tree, users):
    make_crossings(tree.gate_a, 1, officer=users["officer_a"])
    job = start(users["officer_a"])
    path = Path(settings.VAR_DIR) / job.file_path
    assert path.is_file()
    assert services.purge_expired() == 0
    with time_machine.travel(timezone.now() + services.ttl() + dt.timedelta(minutes=1)):
        assert services.purge_expired() == 1
        with pytest.raises(NotFound):
            services.job_file(actor=users["officer_a"], pk=job.pk)
    assert not path.exists()
    job.refresh_from_db()
    assert job.purged_at and not job.file_path and not job.downloadable


def test_purge_command(tree, users):
    from django.core.management import call_command

    make_crossings(tree.gate_a, 1, officer=users["officer_a"])
    job = start(users["officer_a"])
    ExportJob.objects.filter(pk=job.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))
    out = io.StringIO()
    call_command("exports", "purge", stdout=out)
    assert "1" in out.getvalue()
    assert not (Path(settings.VAR_DIR) / job.file_path).exists()


def test_large_export_streams_in_chunks_with_progress(tree, users, settings, monkeypatch):
    settings.BIENPHONG_EXPORT_CHUNK = 2500
    make_crossings(tree.gate_a, 20_000, officer=users["officer_a"])
    seen: list[tuple[int, int]] = []
    chunk_sizes: list[int] = []
    real_update = ExportJob.objects.filter
    real_iterator = jobs._stream

    def spy_stream(rows, size):
        chunk_sizes.append(size)
        return real_iterator(rows, size)

    def spy_filter(*args, **kwargs):
        qs = real_update(*args, **kwargs)
        original = qs.update

        def update(**values):
            if "rows_done" in values:
                seen.append((values["rows_done"], values.get("rows_total", 0)))
            return original(**values)

        qs.update = update
        return qs

    monkeypatch.setattr(jobs, "_stream", spy_stream)
    monkeypatch.setattr(ExportJob.objects, "filter", spy_filter)
    job = start(users["officer_a"], direction=Direction.ENTRY)
    assert job.status == ExportJob.Status.DONE and job.rows_done == 20_000
    assert chunk_sizes == [2500]
    progress = [done for done, _ in seen]
    assert progress[:8] == [2500 * i for i in range(1, 9)]
    assert progress == sorted(progress) and seen[-1] == (20_000, 20_000)
    assert len(read_csv(job)) == 20_001


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"date_from": "28/11/2026"}, "date_from"),
        ({"direction": "sideways"}, "direction"),
        ({"q": "x" * 201}, "q"),
    ],
)
def test_bad_filter_names_the_field_and_writes_nothing(users, params, field):
    with pytest.raises(ValidationFailed) as error:
        start(users["officer_a"], **params)
    assert field in error.value.fields
    assert not ExportJob.objects.exists()


def test_unknown_or_forbidden_list_and_bad_format(users):
    with pytest.raises(ValidationFailed) as error:
        start(users["officer_a"], list_name="no.such.list")
    assert "list" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        start(users["agent_a"])  # agents may not see crossings
    assert "list" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        start(users["officer_a"], file_format="pdf")
    assert "format" in error.value.fields
    assert not ExportJob.objects.exists()


def test_watchlist_entries_only_for_those_who_may_see_files(tree, users):
    from bienphong.watchlists import services as wl_services

    watchlist = wl_services.watchlist_create(
        actor=users["staff"],
        code="WL1",
        name="Danh sách 1",
        list_type="other",
        owner_unit=tree.command,
    )
    with pytest.raises(ValidationFailed) as error:
        start(users["officer_a"], list_name="watchlists.entries", watchlist="WL1")
    assert "list" in error.value.fields  # not designated: may not see the files
    job = start(users["staff"], list_name="watchlists.entries", watchlist=watchlist.code)
    assert job.status == "done" and read_csv(job)[0][0] == "Mã tham chiếu"
    with pytest.raises(ValidationFailed) as error:
        start(users["staff"], list_name="watchlists.entries", watchlist="NOPE")
    assert "watchlist" in error.value.fields


def test_interrupted_job_fails_at_purge(tree, users):
    job = ExportJob.objects.create(
        created_by=users["officer_a"],
        list_name="checkpoint.crossings",
        file_format="csv",
        status=ExportJob.Status.RUNNING,
        expires_at=timezone.now() - dt.timedelta(minutes=1),
    )
    services.purge_expired()
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and job.error
