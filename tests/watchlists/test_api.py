from __future__ import annotations

import io

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_search_without_record_writes_nothing(tree, users, watchlist):
    from bienphong.watchlists.models import ScreeningHit

    body = post(
        client_for(users["officer_a"]),
        "/api/v1/screening/search",
        {"name": "NGUYEN VAN AN", "date_of_birth": "12/05/1980"},
    ).json()
    assert body["hits"][0]["listed"]["instruction"] == "refuse_exit"
    assert "reason" not in body["hits"][0]["listed"]
    assert body["hits"][0]["explanation"]
    assert ScreeningHit.objects.count() == 0


def test_search_with_record_then_review_through_the_api(tree, users, watchlist):
    officer = client_for(users["officer_a"])
    body = post(
        officer,
        "/api/v1/screening/search",
        {"name": "Nguyễn Văn An", "date_of_birth": "1980-05-12", "record": True, "unit": "CK-A"},
    ).json()
    assert body["blocking"] is True
    hit_id = body["hits"][0]["hit_id"]
    listed = officer.get("/api/v1/screening/hits", {"status": "pending"}).json()
    assert [h["id"] for h in listed["items"]] == [hit_id]
    assert client_for(users["officer_b"]).get(f"/api/v1/screening/hits/{hit_id}").status_code == 404
    missing_reason = post(
        officer,
        f"/api/v1/screening/hits/{hit_id}/decision",
        {"decision": "dismissed", "reason": ""},
    )
    assert missing_reason.status_code == 400
    assert "reason" in missing_reason.json()["error"]["fields"]
    done = post(
        officer,
        f"/api/v1/screening/hits/{hit_id}/decision",
        {"decision": "dismissed", "reason": "Khác người"},
    )
    assert done.json()["status"] == "dismissed"
    again = post(
        officer,
        f"/api/v1/screening/hits/{hit_id}/decision",
        {"decision": "confirmed", "reason": "x"},
    )
    assert again.status_code == 409


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "", "document_number": ""}, "name"),
        ({"name": "A B", "date_of_birth": "31/02/1980"}, "date_of_birth"),
        ({"name": "A B", "nationality": "Atlantis"}, "nationality"),
        ({"name": "A B", "record": True, "unit": "DBP-B"}, "unit"),
    ],
)
def test_bad_search_input_names_the_field(tree, users, watchlist, payload, field):
    response = post(client_for(users["officer_a"]), "/api/v1/screening/search", payload)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_agents_and_auditors_cannot_screen(tree, users, watchlist):
    for who in ("agent_a", "auditor"):
        response = post(client_for(users[who]), "/api/v1/screening/search", {"name": "A"})
        assert response.status_code == 403


def test_files_only_for_command_staff_and_designated(tree, users, watchlist):
    from bienphong.watchlists import services

    officer = client_for(users["officer_a"])
    assert officer.get("/api/v1/watchlists").status_code == 403
    services.designation_grant(actor=users["staff"], user=users["officer_a"])
    officer = client_for(users["officer_a"])
    lists = officer.get("/api/v1/watchlists").json()
    assert lists[0]["code"] == "HX" and lists[0]["entry_count"] == 3
    entries = officer.get("/api/v1/watchlists/HX/entries", {"q": "C1234567"}).json()
    assert entries["items"][0]["reason"].startswith("Quyết định")


def test_import_through_the_api_reports_every_bad_row(tree, users, watchlist):
    staff = client_for(users["staff"])
    bad = io.BytesIO(b"reference,full_name,date_of_birth\nA1,,1980\nA2,Ok Name,1980-99\n")
    bad.name = "list.csv"
    job = staff.post("/api/v1/watchlists/HX/imports", {"file": bad}).json()
    assert job["state"] == "failed"
    assert [(e["row"], e["field"]) for e in job["errors"]] == [
        (2, "full_name"),
        (3, "date_of_birth"),
    ]
    good = io.BytesIO("reference,full_name,date_of_birth\nA1,Đinh Văn Tốt,1980\n".encode())
    good.name = "list.csv"
    created = staff.post("/api/v1/watchlists/HX/imports", {"file": good})
    assert created.status_code == 201 and created.json()["created"] == 1
    status = staff.get(f"/api/v1/watchlists/imports/{created.json()['id']}").json()
    assert status["state"] == "done" and status["percent"] == 100
