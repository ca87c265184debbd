"""The health-control API: measures, public declarations (rate-limited), lookup, evaluate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from bienphong.audit.models import AuditEntry
from bienphong.health.models import HealthDeclaration

from .conftest import declaration_data
from .factories import make_measure

pytestmark = pytest.mark.django_db
BASE = "/api/v1/health-control"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2026, 11, 28, 2, tzinfo=UTC)):
        yield


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def send(client, method, path, body=None, **extra):
    return getattr(client, method)(f"{BASE}{path}", body, content_type="application/json", **extra)


def assert_error(response, status, code, *fields):
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert set(fields) <= set(error["fields"])
    return error


def test_measure_crud_for_command_staff_only(tree, users):
    staff = client_for(users["staff"])
    body = {
        "title": "Sốt vàng",
        "requirement": "vaccination",
        "disease": "yellow_fever",
        "valid_from": "2026-01-01",
        "directions": ["entry"],
        "travel_countries": ["NGA", "BRA"],
        "gates": ["CK-A"],
    }
    created = send(staff, "post", "/measures", body)
    assert created.status_code == 201, created.content
    measure = created.json()
    assert measure["gates"] == ["CK-A"] and measure["owner_unit"] == "QN"
    officer = client_for(users["officer_a"])
    assert_error(send(officer, "post", "/measures", body), 403, "permission_denied")
    listed = officer.get(f"{BASE}/measures").json()
    assert [m["id"] for m in listed["items"]] == [measure["id"]]
    assert_error(client_for(users["agent_a"]).get(f"{BASE}/measures"), 403, "permission_denied")
    assert_error(client_for().get(f"{BASE}/measures"), 401, "unauthenticated")
    off = send(staff, "patch", f"/measures/{measure['id']}", {"is_active": False})
    assert off.json()["is_active"] is False and off.json()["title"] == "Sốt vàng"
    assert_error(
        send(staff, "patch", f"/measures/{measure['id']}", {"valid_until": "2025-01-01"}),
        400,
        "validation_error",
        "valid_until",
    )
    assert_error(
        send(officer, "patch", f"/measures/{measure['id']}", {"is_active": True}),
        403,
        "permission_denied",
    )
    assert send(staff, "delete", f"/measures/{measure['id']}").status_code == 204
    assert_error(staff.get(f"{BASE}/measures/{measure['id']}"), 404, "not_found")
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {"health.measure.create", "health.measure.update", "health.measure.delete"} <= events


@pytest.mark.parametrize(
    "body",
    [
        {"title": "", "requirement": "nope", "valid_from": "x"},
        {"title": "x", "requirement": "test_certificate", "valid_from": "2026-01-01"},
        {
            "title": "x",
            "requirement": "medical_check",
            "valid_from": "2026-01-01",
            "lookback_days": "many",
        },
        {"title": ["not", "a", "string"]},
        "not json at all",
    ],
)
def test_bad_measure_input_is_a_4xx_in_the_error_shape(tree, users, body):
    client = client_for(users["staff"])
    if isinstance(body, str):
        response = client.post(f"{BASE}/measures", body, content_type="application/json")
    else:
        response = send(client, "post", "/measures", body)
    assert 400 <= response.status_code < 500, response.content
    assert set(response.json()["error"]) == {"code", "message", "fields"}


def test_public_declaration_create_lookup_and_list(tree, users):
    public = client_for()
    created = send(public, "post", "/declarations", declaration_data())
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    assert created.json()["display_code"] == f"{code[:4]}-{code[4:]}"
    declaration = HealthDeclaration.objects.get(code=code)
    assert declaration.source == "online" and declaration.created_by is None
    assert_error(public.get(f"{BASE}/declarations/{code}"), 401, "unauthenticated")
    officer = client_for(users["officer_a"])
    typed = f"{code[:4].lower()}-{code[4:]}"
    detail = officer.get(f"{BASE}/declarations/{typed}").json()
    assert detail["full_name"] == "Vương Tiểu Hồng" and detail["symptoms"] == ["fever"]
    assert AuditEntry.objects.filter(event="health.declaration.view").count() == 1
    assert_error(
        client_for(users["officer_b"]).get(f"{BASE}/declarations/{code}"), 404, "not_found"
    )
    listed = officer.get(f"{BASE}/declarations", {"symptoms": "true", "gate": "CK-A"}).json()
    assert [d["code"] for d in listed["items"]] == [code] and listed["count"] == 1
    assert officer.get(f"{BASE}/declarations", {"symptoms": "false"}).json()["count"] == 0


def test_bad_declaration_names_every_field_in_chinese(tree):
    response = send(
        client_for(),
        "post",
        "/declarations",
        {"full_name": "", "nationality": "Atlantis", "consent": False, "language": "zh"},
    )
    error = assert_error(
        response,
        400,
        "validation_error",
        "full_name",
        "document_type",
        "document_number",
        "nationality",
        "date_of_birth",
        "direction",
        "planned_date",
        "contact_with_case",
        "phone",
        "consent",
    )
    assert error["fields"]["full_name"] == ["请按证件填写全名。"]
    wrong_types = send(client_for(), "post", "/declarations", {"travel_days": "x", "symptoms": 5})
    assert wrong_types.status_code == 422
    assert set(wrong_types.json()["error"]["fields"]) == {"travel_days", "symptoms"}


def test_public_declarations_are_rate_limited(tree, monkeypatch):
    monkeypatch.setenv("BIENPHONG_DECLARATION_RATE", "3/hour")
    public = client_for()
    statuses = [
        send(public, "post", "/declarations", declaration_data()).status_code for _ in range(4)
    ]
    assert statuses == [201, 201, 201, 429]
    assert_error(
        send(public, "post", "/declarations", declaration_data()), 429, "too_many_requests"
    )
    other = send(public, "post", "/declarations", declaration_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 201
    assert HealthDeclaration.objects.count() == 4


def test_evaluate_for_the_checkpoint(tree, users):
    measure = make_measure(users["staff"], title="Khai báo y tế")
    code = send(client_for(), "post", "/declarations", declaration_data()).json()["code"]
    officer = client_for(users["officer_a"])
    body = {
        "gate": "CK-A",
        "direction": "entry",
        "at": "2026-11-29T09:00:00+07:00",
        "nationality": "CHN",
    }
    bare = send(officer, "post", "/evaluate", body).json()
    assert bare["blocking"] is True
    assert bare["outcomes"][0]["measure_id"] == measure.pk
    assert bare["outcomes"][0]["reason_codes"] == ["declaration_missing"]
    found = send(officer, "post", "/evaluate", {**body, "declaration_code": code}).json()
    assert found["blocking"] is False
    assert found["declaration"]["code"] == code
    assert found["outcomes"][0]["status"] == "officer_check"
    assert_error(
        send(officer, "post", "/evaluate", {**body, "direction": "up"}),
        400,
        "validation_error",
        "direction",
    )
    assert_error(
        send(officer, "post", "/evaluate", {"gate": "CK-A"}), 422, "validation_error", "direction"
    )
    assert_error(
        send(
            officer,
            "post",
            "/evaluate",
            {**body, "vaccinations": [{"disease": "yellow_fever", "date": "31/02/2020"}]},
        ),
        400,
        "validation_error",
        "vaccinations",
    )
    assert_error(
        send(client_for(users["agent_a"]), "post", "/evaluate", body), 403, "permission_denied"
    )


def test_openapi_documents_the_health_control_api(db):
    spec = Client().get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/v1/health-control/measures",
        "/api/v1/health-control/measures/{measure_id}",
        "/api/v1/health-control/declarations",
        "/api/v1/health-control/declarations/{code}",
        "/api/v1/health-control/evaluate",
    ):
        assert path in paths
    assert not paths["/api/v1/health-control/declarations"]["post"].get("security")
