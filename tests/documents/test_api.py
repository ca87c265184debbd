from __future__ import annotations

import pytest
from django.test import Client

from tests.documents.test_mrz_cli import VALID, WRONG_CHECK

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(users):
    c = Client()
    c.force_login(users["officer_a"])
    return c


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_mrz_api_returns_the_engine_result(client):
    body = post(client, "/api/v1/documents/mrz", {"text": VALID}).json()
    assert body["valid"] is True and body["type"] == "TD3"
    assert body["expiry"]["code"] == "expired"  # the specimen expired in 2012: a policy check
    bad = post(client, "/api/v1/documents/mrz", {"text": WRONG_CHECK}).json()
    assert bad["valid"] is False
    assert bad["errors"][0]["code"] == "check_digit" and bad["expiry"] is None


@pytest.mark.parametrize("payload", [{}, {"text": ""}, {"text": "X" * 5000}, {"text": 12}])
def test_mrz_api_bad_request_error_shape(client, payload):
    response = post(client, "/api/v1/documents/mrz", payload)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error" and "text" in error["fields"]


def test_mrz_api_requires_authentication(db):
    assert (
        Client()
        .post("/api/v1/documents/mrz", {"text": VALID}, content_type="application/json")
        .status_code
        == 401
    )


def test_border_area_pass_rules(client):
    body = post(
        client,
        "/api/v1/documents/border-area-pass/validate",
        {
            "number": "GT123456",
            "holder_name": "Lý Văn Phúc",
            "nationality": "VNM",
            "issue_date": "2026-11-01",
            "expiry_date": "2027-11-01",
            "entries": "single",
            "destination_areas": ["quang-ninh"],
        },
    ).json()
    codes = {e["code"] for e in body["errors"]}
    assert not body["valid"]
    assert {"validity_too_long", "area_not_opposite"} <= codes


def test_citizen_id(client):
    ok = post(
        client,
        "/api/v1/documents/citizen-id/validate",
        {"number": "022080000123", "birth_date": "1980-05-12", "sex": "M"},
    ).json()
    assert ok["valid"], ok
    bad = post(
        client,
        "/api/v1/documents/citizen-id/validate",
        {"number": "022180000123", "birth_date": "1980-05-12", "sex": "M"},
    ).json()
    assert {e["code"] for e in bad["errors"]} == {"sex_mismatch"}


def test_bad_date_in_document_is_422(client):
    response = post(
        client,
        "/api/v1/documents/seafarer-book/validate",
        {
            "number": "X1",
            "holder_name": "A",
            "nationality": "VNM",
            "issuing_state": "VNM",
            "issue_date": "2026-02-30",
            "expiry_date": "2030-01-01",
        },
    )
    assert response.status_code == 422
    assert "issue_date" in response.json()["error"]["fields"]
