from __future__ import annotations

import pytest
from django.test import Client

from bienphong.org import services

pytestmark = pytest.mark.django_db


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_me_with_bearer_token(tree, users):
    _row, clear = services.token_create(actor=None, user=users["commander_a"], name="t")
    body = Client().get("/api/v1/me", **bearer(clear)).json()
    assert body["username"] == "commander_a"
    assert body["roles"] == ["post_commander"]
    assert body["units"] == ["DBP-A"]


def test_revoked_or_wrong_token_is_401_in_error_shape(tree, users):
    row, clear = services.token_create(actor=None, user=users["officer_a"], name="t")
    services.token_revoke(actor=None, token=row)
    for token in (clear, "bp_nothing_here"):
        response = Client().get("/api/v1/me", **bearer(token))
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthenticated"


def test_token_create_and_revoke_through_api(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    created = client.post(
        "/api/v1/tokens", {"name": "scanner lane 3"}, content_type="application/json"
    )
    assert created.status_code == 201
    token = created.json()["token"]
    assert Client().get("/api/v1/me", **bearer(token)).status_code == 200
    listed = client.get("/api/v1/tokens").json()
    assert "token" not in listed[0]
    revoked = client.delete(f"/api/v1/tokens/{created.json()['id']}")
    assert revoked.status_code == 200
    assert Client().get("/api/v1/me", **bearer(token)).status_code == 401


def test_other_users_token_cannot_be_revoked(tree, users):
    row, _clear = services.token_create(actor=None, user=users["officer_a"], name="t")
    client = Client()
    client.force_login(users["officer_b"])
    assert client.delete(f"/api/v1/tokens/{row.pk}").status_code == 404
