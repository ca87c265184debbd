"""The ports API: agents' systems file, officers answer; errors keep one shape."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from bienphong.org import services as org_services
from bienphong.ports import lists

from .conftest import IMO, crew_rows

pytestmark = pytest.mark.django_db


def token_client(user):
    _token, clear = org_services.token_create(actor=user, user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {clear}")


def assert_error(response, status, code):
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert body["code"] == code and set(body) == {"code", "message", "fields"}
    return body


def start_filing(agent):
    vessel = agent.post(
        "/api/v1/ports/vessels",
        {
            "imo_number": IMO,
            "name": "Hạ Long Star",
            "flag": "VNM",
            "vessel_type": "bulk",
            "gross_tonnage": 20000,
            "net_tonnage": 12000,
        },
        content_type="application/json",
    )
    assert vessel.status_code == 201, vessel.content
    eta = timezone.now() + dt.timedelta(hours=5)
    call = agent.post(
        "/api/v1/ports/calls",
        {
            "vessel_id": vessel.json()["id"],
            "port": "VNCLN",
            "eta": eta.isoformat(),
            "etd": (eta + dt.timedelta(days=1)).isoformat(),
            "purpose": "cargo",
            "previous_port": "CNSHA",
        },
        content_type="application/json",
    )
    assert call.status_code == 201, call.content
    filing = agent.post(
        "/api/v1/ports/filings",
        {"port_call_id": call.json()["id"], "kind": "arrival", "cargo_description": "Than"},
        content_type="application/json",
    )
    assert filing.status_code == 201, filing.content
    return filing.json()["id"]


def test_full_flow_over_the_api(users, ports):
    agent = token_client(users["agent_a"])
    officer = token_client(users["officer_a"])
    filing_id = start_filing(agent)
    bad = crew_rows(2)
    bad[1]["sex"] = "?"
    bad[1]["nationality"] = "Mars"
    response = agent.put(
        f"/api/v1/ports/filings/{filing_id}/lists/crew", bad, content_type="application/json"
    )
    body = assert_error(response, 400, "validation_error")
    assert set(body["fields"]) == {"crew.2.sex", "crew.2.nationality"}
    upload = agent.post(
        f"/api/v1/ports/filings/{filing_id}/lists/crew/upload",
        {"file": _csv_file(crew_rows(3))},
    )
    assert upload.status_code == 200, upload.content
    assert upload.json() == {"kind": "crew", "rows": 3}
    submitted = agent.post(f"/api/v1/ports/filings/{filing_id}/submit")
    assert submitted.json()["status"] == "submitted" and submitted.json()["crew_count"] == 3
    queue = officer.get("/api/v1/ports/queue").json()
    assert [f["id"] for f in queue["items"]] == [filing_id]
    assert token_client(users["officer_b"]).get("/api/v1/ports/queue").json()["count"] == 0
    detail = officer.get(f"/api/v1/ports/filings/{filing_id}").json()
    assert "screening_hits" in detail["crew"][0] and detail["differences"]["added"] == []
    agent_view = agent.get(f"/api/v1/ports/filings/{filing_id}").json()
    assert "screening_hits" not in agent_view["crew"][0] and "differences" not in agent_view
    corrected = officer.post(
        f"/api/v1/ports/filings/{filing_id}/request-correction",
        {"items": [{"list_kind": "crew", "row": 2, "message": "Sai ngày sinh"}]},
        content_type="application/json",
    )
    assert corrected.status_code == 200, corrected.content
    assert agent.get(f"/api/v1/ports/filings/{filing_id}").json()["corrections"][0]["row"] == 2
    assert_error(officer.post(f"/api/v1/ports/filings/{filing_id}/approve"), 409, "conflict")
    agent.post(f"/api/v1/ports/filings/{filing_id}/submit")
    approved = officer.post(f"/api/v1/ports/filings/{filing_id}/approve").json()
    assert approved["status"] == "approved" and approved["clearance_number"]
    start = timezone.now()
    issued = officer.post(
        f"/api/v1/ports/filings/{filing_id}/permits/shore-leave",
        {
            "positions": [1, 2],
            "valid_from": start.isoformat(),
            "valid_until": (start + dt.timedelta(hours=8)).isoformat(),
            "area": "Hạ Long",
        },
        content_type="application/json",
    )
    assert issued.status_code == 201, issued.content
    token = issued.json()[0]["token"]
    verdict = officer.get("/api/v1/permits/verify", {"token": token}).json()
    assert verdict["verdict"] == "valid" and verdict["holder"] == "Nguyễn Văn Minh"
    assert officer.get("/api/v1/permits/verify", {"token": token + "x"}).json()["verdict"] == (
        "forged"
    )
    pdf = agent.get(issued.json()[0]["pdf_url"])
    assert pdf.status_code == 403 or pdf.status_code == 302  # the PDF is a web page, not API
    stats = officer.get(
        "/api/v1/ports/stats",
        {
            "date_from": timezone.localdate().isoformat(),
            "date_to": timezone.localdate().isoformat(),
        },
    ).json()
    assert stats[0]["answered"] == 1


def _csv_file(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    keys = [key for key, _label in lists.CREW_COLUMNS]
    lines = [",".join(keys)] + [",".join(str(r.get(k, "")) for k in keys) for r in rows]
    return SimpleUploadedFile("crew.csv", "\n".join(lines).encode(), content_type="text/csv")


def test_bad_input_is_4xx_with_the_error_shape(users, ports):
    agent = token_client(users["agent_a"])
    assert_error(
        agent.post(
            "/api/v1/ports/vessels", {"imo_number": "1234567"}, content_type="application/json"
        ),
        422,
        "validation_error",
    )
    body = assert_error(
        agent.post(
            "/api/v1/ports/vessels",
            {
                "imo_number": "1234568",
                "name": "X",
                "flag": "VNM",
                "vessel_type": "bulk",
                "gross_tonnage": 1,
                "net_tonnage": 1,
            },
            content_type="application/json",
        ),
        400,
        "validation_error",
    )
    assert "imo_number" in body["fields"]
    assert_error(agent.get("/api/v1/ports/filings/999999"), 404, "not_found")
    assert_error(
        agent.post(
            "/api/v1/ports/filings",
            {"port_call_id": 1, "kind": "cruise"},
            content_type="application/json",
        ),
        422,
        "validation_error",
    )
    filing_id = start_filing(agent)
    assert_error(agent.post(f"/api/v1/ports/filings/{filing_id}/submit"), 400, "validation_error")
    assert_error(
        agent.post(f"/api/v1/ports/filings/{filing_id}/lists/crew/upload", {"file": _bad_file()}),
        400,
        "validation_error",
    )
    assert_error(agent.post(f"/api/v1/ports/filings/{filing_id}/approve"), 403, "permission_denied")
    other = token_client(users["agent_b"])
    assert_error(other.get(f"/api/v1/ports/filings/{filing_id}"), 404, "not_found")
    assert_error(Client().get("/api/v1/ports/filings"), 401, "unauthenticated")
    assert_error(agent.get("/api/v1/ports/stats"), 422, "validation_error")


def _bad_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("crew.xlsx", b"PK\x03\x04broken", content_type="application/zip")


def test_openapi_lists_the_ports_paths(users):
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/ports/filings/{filing_id}/lists/{kind}/upload" in schema["paths"]
    assert "/api/v1/permits/verify" in schema["paths"]


def test_attachments_are_type_and_size_checked(users, ports):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agent = token_client(users["agent_a"])
    filing_id = start_filing(agent)
    url = f"/api/v1/ports/filings/{filing_id}/attachments/fal3"
    fake = SimpleUploadedFile("stores.pdf", b"MZ not a pdf", content_type="application/pdf")
    assert_error(agent.post(url, {"file": fake}), 400, "validation_error")
    big = SimpleUploadedFile("s.pdf", b"%PDF" + b"0" * (5 * 1024 * 1024), "application/pdf")
    assert_error(agent.post(url, {"file": big}), 400, "validation_error")
    good = SimpleUploadedFile("stores.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    response = agent.post(url, {"file": good})
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "fal3" and response.json()["size"] == 12


def test_filing_create_is_idempotent(users, ports):
    from bienphong.ports.models import Filing, PortCall

    agent = token_client(users["agent_a"])
    start_filing(agent)  # registers the vessel and a call
    call = PortCall.objects.get()
    body = {"port_call_id": call.pk, "kind": "departure"}
    first = agent.post(
        "/api/v1/ports/filings", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    again = agent.post(
        "/api/v1/ports/filings", body, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Filing.objects.filter(kind="departure").count() == 1
    other = token_client(users["agent_b"])
    response = other.post("/api/v1/ports/filings", body, content_type="application/json")
    assert response.status_code in (403, 404)
