from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from bienphong.situation.models import Incident, SituationReport

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 20)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


FORM = {
    "kind": "search_rescue",
    "title": "Cứu nạn trên sông Ka Long",
    "occurred_at": "2026-11-20T06:30",
    "place": "Bến đò Hải Hoà",
    "actions_taken": "Đưa 2 người vào bờ an toàn.",
    "people": "Phạm Thị Thu; 012345678901; VNM; người bị nạn",
    "vehicles": "",
}


def test_record_from_the_form_and_view_it(users, tree):
    client = client_for(users["officer_a"])
    page = client.get("/situation/incidents/new/")
    assert page.status_code == 200 and "DBP-B" not in page.content.decode()
    response = client.post("/situation/incidents/new/", {**FORM, "unit": tree.gate_a.pk})
    assert response.status_code == 302, response.content.decode()[:2000]
    incident = Incident.objects.get()
    assert incident.occurred_at.utcoffset() is not None
    assert incident.occurred_at.isoformat().startswith("2026-11-19T23:30")
    detail = client.get(response["Location"]).content.decode()
    assert "Phạm Thị Thu" in detail and "Cứu nạn trên sông Ka Long" in detail


def test_form_errors_name_the_field_and_write_nothing(users, tree):
    client = client_for(users["officer_a"])
    body = {**FORM, "kind": "smuggling", "unit": tree.post_a.pk, "vehicles": "XYZ"}
    response = client.post("/situation/incidents/new/", body)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="error-goods"' in html and 'data-testid="error-vehicles"' in html
    assert not Incident.objects.exists()
    # A unit of another post is not even a choice.
    response = client.post("/situation/incidents/new/", {**FORM, "unit": tree.post_b.pk})
    assert 'data-testid="error-unit"' in response.content.decode()


def test_list_and_detail_are_scoped(users, tree, record):
    mine = record()
    theirs = record(unit=tree.post_b, actor=users["officer_b"], title="Vụ của đồn B")
    client = client_for(users["officer_a"])
    listing = client.get("/situation/incidents/").content.decode()
    assert mine.title in listing and "Vụ của đồn B" not in listing
    assert client.get(f"/situation/incidents/{theirs.pk}/").status_code == 404
    assert (
        client.post(f"/situation/incidents/{theirs.pk}/follow-up/", {"note": "x"}).status_code
        == 404
    )
    staff = client_for(users["staff"]).get("/situation/incidents/?unit=DBP-B").content.decode()
    assert "Vụ của đồn B" in staff and mine.title not in staff
    assert client_for(users["auditor"]).get("/situation/incidents/new/").status_code == 403


def test_report_screens(users, tree):
    officer = client_for(users["officer_a"])
    response = officer.post(
        "/situation/reports/new/",
        {"unit": tree.post_a.pk, "period_kind": "daily", "period_start": DAY.isoformat()},
    )
    assert response.status_code == 302
    report = SituationReport.objects.get()
    officer.post(
        f"/situation/reports/{report.pk}/save/",
        {"notable_events": "Không có sự việc đặc biệt.", "submit": "1"},
    )
    report.refresh_from_db()
    assert report.status == "submitted" and report.notable_events
    commander = client_for(users["commander_a"])
    page = commander.get(f"/situation/reports/{report.pk}/").content.decode()
    assert 'data-testid="sign-off"' in page
    assert (
        'data-testid="sign-off"'
        not in officer.get(f"/situation/reports/{report.pk}/").content.decode()
    )
    commander.post(f"/situation/reports/{report.pk}/decide/", {"decision": "sign"})
    report.refresh_from_db()
    assert report.status == "signed_off"
    assert client_for(users["officer_b"]).get(f"/situation/reports/{report.pk}/").status_code == 404
    pdf = officer.get(f"/situation/reports/{report.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_dashboard_shows_open_incidents_in_scope(users, tree, record):
    record(title="Vụ ở đồn A")
    record(unit=tree.post_b, actor=users["officer_b"], title="Vụ ở đồn B")
    staff = client_for(users["staff"]).get("/command/").content.decode()
    assert "Vụ ở đồn A" in staff and "Vụ ở đồn B" in staff
    commander = client_for(users["commander_a"]).get("/command/")
    if commander.status_code == 200:
        html = commander.content.decode()
        assert "Vụ ở đồn A" in html and "Vụ ở đồn B" not in html


def test_bad_filter_names_the_field(users):
    response = client_for(users["staff"]).get("/situation/incidents/?from=20-11-2026")
    assert response.status_code == 400
    assert 'data-testid="filter-errors"' in response.content.decode()
