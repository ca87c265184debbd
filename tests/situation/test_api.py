from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from bienphong.audit.models import AuditEntry

from .conftest import add_crossings, local

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 20)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


BODY = {
    "kind": "illegal_crossing",
    "title": "Xuất cảnh trái phép",
    "occurred_at": "2026-11-20T03:10:00+07:00",
    "unit": "CK-A",
    "place": "Khu vực mốc 1330",
    "people_count": 3,
    "direction": "out",
    "people": [{"name": "Lò Thị Mai", "document": "", "nationality": "VNM", "role": "đối tượng"}],
    "vehicles": [{"plate": "29A-123.45"}],
}


def test_incident_api_flow_and_scoping(users):
    a = client_for(users["officer_a"])
    created = post(a, "/api/v1/incidents", BODY)
    assert created.status_code == 201, created.content
    incident = created.json()
    assert incident["unit"] == "CK-A" and incident["people"][0]["name"] == "Lò Thị Mai"
    pk = incident["id"]
    listed = a.get("/api/v1/incidents", {"kind": "illegal_crossing", "limit": 10}).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == pk
    b = client_for(users["officer_b"])
    assert b.get(f"/api/v1/incidents/{pk}").status_code == 404
    assert b.get("/api/v1/incidents").json()["count"] == 0
    assert post(b, f"/api/v1/incidents/{pk}/follow-ups", {"note": "x"}).status_code == 404
    follow = post(a, f"/api/v1/incidents/{pk}/follow-ups", {"note": "Đã trao trả"})
    assert follow.status_code == 201
    closed = post(client_for(users["commander_a"]), f"/api/v1/incidents/{pk}/close", {"note": ""})
    assert closed.json()["status"] == "closed"
    auditor = client_for(users["auditor"])
    assert auditor.get(f"/api/v1/incidents/{pk}").status_code == 200
    assert post(auditor, "/api/v1/incidents", BODY).status_code == 403
    assert AuditEntry.objects.filter(event="situation.incident.view").count() >= 2


def test_incident_api_errors_name_the_field(users):
    a = client_for(users["officer_a"])
    response = post(a, "/api/v1/incidents", {**BODY, "people_count": None, "unit": "NOPE"})
    assert response.status_code == 400
    assert "unit" in response.json()["error"]["fields"]
    response = post(a, "/api/v1/incidents", {**BODY, "people_count": None})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"people_count"}
    response = post(a, "/api/v1/incidents", {**BODY, "vehicles": [{"plate": "???"}]})
    assert "vehicles.0.plate" in response.json()["error"]["fields"]
    response = post(a, "/api/v1/incidents", {**BODY, "occurred_at": "not a time"})
    assert response.status_code == 422 and "occurred_at" in response.json()["error"]["fields"]


def test_attachment_upload_and_download_are_scoped(users):
    a = client_for(users["officer_a"])
    pk = post(a, "/api/v1/incidents", BODY).json()["id"]
    fake = SimpleUploadedFile("photo.jpg", b"GIF89a-not-a-jpeg", content_type="image/jpeg")
    response = a.post(f"/api/v1/incidents/{pk}/attachments", {"file": fake})
    assert response.status_code == 400 and "file" in response.json()["error"]["fields"]
    jpeg = SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + b"1" * 50)
    response = a.post(f"/api/v1/incidents/{pk}/attachments", {"file": jpeg})
    assert response.status_code == 201
    att = response.json()["id"]
    download = a.get(f"/api/v1/incidents/attachments/{att}")
    assert download.status_code == 200 and download["Content-Type"] == "image/jpeg"
    assert "attachment" in download["Content-Disposition"]
    assert (
        client_for(users["officer_b"]).get(f"/api/v1/incidents/attachments/{att}").status_code
        == 404
    )
    assert AuditEntry.objects.filter(event="situation.attachment.view").count() == 1


def test_report_api_flow(users, tree):
    add_crossings(tree.gate_a, 4, at=local(DAY, 9))
    officer = client_for(users["officer_a"])
    created = post(
        officer,
        "/api/v1/reports",
        {"unit": "DBP-A", "period_kind": "daily", "period_start": DAY.isoformat()},
    )
    assert created.status_code == 201, created.content
    report = created.json()
    assert report["figures"]["crossings"]["totals"]["total"] == 4
    pk = report["id"]
    again = post(
        officer,
        "/api/v1/reports",
        {"unit": "DBP-A", "period_kind": "daily", "period_start": DAY.isoformat()},
    )
    assert again.status_code == 409
    patched = officer.patch(
        f"/api/v1/reports/{pk}",
        {"notable_events": "Tình hình ổn định."},
        content_type="application/json",
    )
    assert patched.json()["notable_events"] == "Tình hình ổn định."
    assert post(officer, f"/api/v1/reports/{pk}/submit").json()["status"] == "submitted"
    assert post(officer, f"/api/v1/reports/{pk}/sign-off").status_code == 403
    commander = client_for(users["commander_a"])
    signed = post(commander, f"/api/v1/reports/{pk}/sign-off").json()
    assert signed["status"] == "signed_off" and signed["decided_by"] == "commander_a"
    pdf = officer.get(f"/api/v1/reports/{pk}/export.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    xlsx = officer.get(f"/api/v1/reports/{pk}/export.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    load_workbook(io.BytesIO(xlsx.content))
    other = client_for(users["officer_b"])
    assert other.get(f"/api/v1/reports/{pk}").status_code == 404
    assert other.get(f"/api/v1/reports/{pk}/export.pdf").status_code == 404
    assert other.get("/api/v1/reports").json()["count"] == 0
    assert officer.get(f"/api/v1/reports/{pk}/export.doc").status_code == 400
