from __future__ import annotations

from bienphong.exports.models import ExportJob

from .conftest import make_crossings


def test_export_button_carries_filters_and_leads_to_the_progress_page(client, tree, users):
    make_crossings(tree.gate_a, 4, officer=users["officer_a"], nationality="KOR")
    make_crossings(tree.gate_a, 1, officer=users["officer_a"], nationality="CHN")
    client.force_login(users["officer_a"])
    page = client.get("/checkpoint/crossings/?nationality=KOR&page=1").content.decode()
    assert 'data-testid="export-xlsx"' in page
    assert 'name="query" value="nationality=KOR"' in page
    response = client.post(
        "/exports/start/",
        {"list": "checkpoint.crossings", "format": "csv", "query": "nationality=KOR"},
    )
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exports/{job.pk}/"
    assert job.params == {"nationality": "KOR"} and job.rows_done == 4
    progress = client.get(f"/exports/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'data-status="done"' in progress and "hx-trigger" not in progress
    assert f"/exports/{job.pk}/file/" in progress
    listing = client.get("/exports/").content.decode()
    assert f"/exports/{job.pk}/" in listing


def test_running_job_page_polls(client, tree, users):
    client.force_login(users["officer_a"])
    job = ExportJob.objects.create(
        created_by=users["officer_a"],
        list_name="checkpoint.crossings",
        file_format="csv",
        status=ExportJob.Status.RUNNING,
        rows_done=250,
        rows_total=1000,
        expires_at="2999-01-01T00:00:00Z",
    )
    page = client.get(f"/exports/{job.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and 'value="25"' in page and "25 %" in page


def test_bad_filter_from_the_screen_is_shown_not_a_500(client, tree, users):
    client.force_login(users["officer_a"])
    response = client.post(
        "/exports/start/",
        {"list": "checkpoint.crossings", "format": "csv", "query": "date_from=yesterday"},
        HTTP_REFERER="http://testserver/checkpoint/crossings/?date_from=yesterday",
        follow=True,
    )
    assert response.status_code == 200
    assert "date_from" in response.content.decode()
    assert not ExportJob.objects.exists()
    screen = client.get("/checkpoint/crossings/?date_from=yesterday")
    assert screen.status_code == 200 and 'data-field="date_from"' in screen.content.decode()


def test_buttons_hidden_for_roles_that_may_not_export(client, users):
    client.force_login(users["agent_a"])
    assert client.get("/checkpoint/crossings/").status_code == 403
    client.force_login(users["auditor"])
    assert 'data-testid="export-csv"' in client.get("/audit/").content.decode()


def test_my_exports_is_in_everyones_navigation(client, users):
    for name in ("officer_a", "agent_a", "auditor", "admin"):
        client.force_login(users[name])
        assert 'href="/exports/"' in client.get("/exports/").content.decode()
