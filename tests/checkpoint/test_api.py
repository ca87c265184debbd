from __future__ import annotations

import pytest
from django.test import Client

from bienphong.checkpoint.models import Crossing

from .conftest import korean, payload

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post(client, path, body, **headers):
    return client.post(path, body, content_type="application/json", **headers)


def test_check_writes_no_crossing(configured, users):
    body = post(
        client_for(users["officer_a"]), "/api/v1/checkpoint/checks", payload(korean())
    ).json()
    assert body["can_admit"] is True and body["document"]["full_name"] == "PARK JIHOON"
    assert {c["code"] for c in body["checks"]} == {"document", "watchlist", "visa"}
    assert Crossing.objects.count() == 0


def test_record_with_idempotency_key_then_list(configured, users):
    client = client_for(users["officer_a"])
    body = payload(korean(), decision="admitted", purpose="tourism")
    first = post(client, "/api/v1/crossings", body, HTTP_IDEMPOTENCY_KEY="abc-1")
    retry = post(client, "/api/v1/crossings", body, HTTP_IDEMPOTENCY_KEY="abc-1")
    assert (first.status_code, retry.status_code) == (201, 200)
    assert first.json()["id"] == retry.json()["id"]
    listed = client.get("/api/v1/crossings", {"direction": "entry", "nationality": "kor"}).json()
    assert listed["count"] == 1 and listed["items"][0]["traveller_name"] == "PARK JIHOON"
    assert client_for(users["officer_b"]).get("/api/v1/crossings").json()["count"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"gate": "CK-A", "direction": "entry", "decision": "admitted"}, "mrz"),
        ({"gate": "NOPE", "direction": "entry", "mrz": "x", "decision": "admitted"}, "gate"),
        (
            {"gate": "CK-A", "direction": "sideways", "mrz": "x", "decision": "admitted"},
            "direction",
        ),
    ],
)
def test_bad_input_names_the_field(configured, users, body, field):
    response = post(client_for(users["officer_a"]), "/api/v1/crossings", body)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_refusal_without_reason_is_rejected(configured, users):
    response = post(
        client_for(users["officer_a"]), "/api/v1/crossings", payload(korean(), decision="refused")
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["reason_code"]


def test_correction_and_overstays_endpoints(configured, users):
    client = client_for(users["officer_a"])
    created = post(client, "/api/v1/crossings", payload(korean(), decision="admitted")).json()
    corrected = post(
        client,
        f"/api/v1/crossings/{created['id']}/corrections",
        {"reason": "Chọn nhầm", "changes": {"lane": "4"}},
    )
    assert corrected.status_code == 201 and corrected.json()["corrects"] == created["id"]
    assert client.get("/api/v1/overstays").json()["count"] == 0
    assert client.get("/api/v1/exits-without-entry").json()["count"] == 0


def test_vehicle_crossing_with_permit_and_overdue(configured, users):
    client = client_for(users["officer_a"])
    driver = post(client, "/api/v1/crossings", payload(korean(), decision="admitted")).json()
    bad = post(
        client,
        "/api/v1/vehicle-crossings",
        {
            "gate": "CK-A",
            "direction": "entry",
            "plate": "桂I12345",
            "vehicle_type": "truck",
            "driver_crossing": driver["id"],
        },
    )
    assert bad.status_code == 400 and "plate" in bad.json()["error"]["fields"]
    no_permit = post(
        client,
        "/api/v1/vehicle-crossings",
        {
            "gate": "CK-A",
            "direction": "entry",
            "plate": "桂A12345",
            "vehicle_type": "truck",
            "driver_crossing": driver["id"],
        },
    )
    assert "permit" in no_permit.json()["error"]["fields"]
    ok = post(
        client,
        "/api/v1/vehicle-crossings",
        {
            "gate": "CK-A",
            "direction": "entry",
            "plate": "桂A12345",
            "vehicle_type": "truck",
            "driver_crossing": driver["id"],
            "cargo": "Hoa quả",
            "permit": {
                "number": "TN-01",
                "valid_from": "2026-01-01",
                "exit_deadline": "2026-01-10",
            },
        },
        HTTP_IDEMPOTENCY_KEY="veh-1",
    )
    assert ok.status_code == 201 and ok.json()["plate"] == "桂A·12345"
    overdue = client.get("/api/v1/vehicles/overdue").json()
    assert [v["permit"] for v in overdue] == ["TN-01"]
    vn = post(
        client,
        "/api/v1/vehicle-crossings",
        {
            "gate": "CK-A",
            "direction": "exit",
            "plate": "14A-123.45",
            "vehicle_type": "car",
            "driver_crossing": driver["id"],
        },
    )
    assert vn.status_code == 201


def test_check_token_is_trusted_only_for_the_same_document(configured, users):
    client = client_for(users["officer_a"])
    checked = post(client, "/api/v1/checkpoint/checks", payload(korean())).json()
    expired = korean(number="M99999999", expiry="200101")
    reused = post(
        client,
        "/api/v1/crossings",
        {**payload(expired, decision="admitted"), "check_token": checked["check_token"]},
    )
    assert reused.status_code == 400  # re-checked in full: the expired passport is blocked
    forged = post(
        client,
        "/api/v1/crossings",
        {**payload(korean(), decision="admitted"), "check_token": checked["check_token"] + "x"},
    )
    assert forged.status_code == 201  # a bad signature only means every check runs again
    other_officer = client_for(users["commander_a"])
    again = post(
        other_officer,
        "/api/v1/crossings",
        {
            **payload(korean(number="M22222222"), decision="admitted"),
            "check_token": checked["check_token"],
        },
    )
    assert again.status_code == 201


def test_record_with_token_skips_the_second_screening(configured, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(users["officer_a"])
    checked = post(client, "/api/v1/checkpoint/checks", payload(korean())).json()
    body = {**payload(korean(), decision="admitted"), "check_token": checked["check_token"]}
    with CaptureQueriesContext(connection) as with_token:
        assert post(client, "/api/v1/crossings", body).status_code == 201
    body = payload(korean(number="M33333333"), decision="admitted")
    with CaptureQueriesContext(connection) as without:
        assert post(client, "/api/v1/crossings", body).status_code == 201
    assert len(with_token.captured_queries) < len(without.captured_queries)


def test_administrator_edits_a_visa_rule_and_it_is_audited(configured, users):
    from bienphong.audit.models import AuditEntry
    from bienphong.checkpoint.models import VisaRule

    rule = VisaRule.objects.get(nationality="KOR", is_active=True)
    admin = client_for(users["admin"])
    page = admin.get(f"/admin/checkpoint/visarule/{rule.pk}/change/")
    assert page.status_code == 200
    response = admin.post(
        f"/admin/checkpoint/visarule/{rule.pk}/change/",
        {
            "nationality": "KOR",
            "document_type": "",
            "visa_required": "",
            "stay_days": "30",
            "note": "Thử nghiệm",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.stay_days == 30
    entry = AuditEntry.objects.filter(event="admin.checkpoint.visarule.update").get()
    assert entry.before["stay_days"] == 45 and entry.after["stay_days"] == 30
    assert client_for(users["officer_a"]).get("/admin/checkpoint/visarule/").status_code == 302
