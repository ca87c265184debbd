from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_auditor_browses_and_filters_the_log(tree, users):
    client = login(users["auditor"])
    page = client.get("/audit/", {"event": "org.user.create", "user": ""})
    assert page.status_code == 200
    text = page.content.decode()
    assert "org.user.create" in text
    assert "org.unit.create" not in text


def test_officer_cannot_read_the_log(tree, users):
    assert login(users["officer_a"]).get("/audit/").status_code == 403
    response = login(users["officer_a"]).get("/api/v1/audit/entries")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_audit_api_filters(tree, users):
    body = login(users["auditor"]).get("/api/v1/audit/entries", {"event": "org.unit"}).json()
    assert body["count"] == 4
    assert {item["event"] for item in body["items"]} == {"org.unit.create"}


def test_writes_record_client_address(tree, users):
    client = login(users["officer_a"])
    client.post(
        "/api/v1/tokens", {"name": "x"}, content_type="application/json", REMOTE_ADDR="10.1.2.3"
    )
    from bienphong.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(event="org.token.create").latest("id")
    assert entry.client_address == "10.1.2.3"
    assert entry.unit_code == "DBP-A"
