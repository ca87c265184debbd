"""Bad input gets a 4xx in one error shape, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def shape(response):
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "fields"}
    return body["error"]


def test_health_reports_database_and_migrations(db):
    body = Client().get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["database"] is True and body["migrations_applied"] is True
    assert body["version"]


def test_unauthenticated_is_401(db):
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert shape(response)["code"] == "unauthenticated"


def test_validation_error_names_the_field(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    response = client.post("/api/v1/tokens", {"nam": "x"}, content_type="application/json")
    assert response.status_code == 422
    error = shape(response)
    assert error["code"] == "validation_error"
    assert "name" in error["fields"]


def test_malformed_json_is_4xx(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    response = client.post("/api/v1/tokens", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500
    shape(response)


def test_domain_error_message_is_vietnamese_by_default(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    response = client.post("/api/v1/tokens", {"name": "   "}, content_type="application/json")
    assert response.status_code == 400
    error = shape(response)
    assert error["fields"]["name"] == ["Hãy đặt tên cho mã truy cập."]


def test_english_with_accept_language(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    response = client.post(
        "/api/v1/tokens", {"name": ""}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert shape(response)["fields"]["name"] == ["Give the token a name."]


def test_bad_pagination_and_unknown_path(tree, users):
    client = Client()
    client.force_login(users["staff"])
    assert client.get("/api/v1/units", {"limit": "abc"}).status_code == 422
    missing = client.get("/api/v1/no-such-thing")
    assert missing.status_code == 404
    assert shape(missing)["code"] == "not_found"


def test_openapi_document_is_served(db):
    spec = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/health" in spec["paths"]
    assert Client().get("/api/docs").status_code == 302
