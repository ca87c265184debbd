"""Sign-in, sign-out and lockout after repeated failures."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from bienphong.audit.models import AuditEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_login_then_home_then_logout(tree, users):
    client = Client()
    response = attempt(client, "officer_a", PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEntry.objects.filter(event="auth.login", actor_username="officer_a").exists()
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_wrong_password_shows_error_in_vietnamese(tree, users):
    response = attempt(Client(), "officer_a", "wrong-password")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert AuditEntry.objects.filter(event="auth.login_failed", object_id="officer_a").exists()


def test_lockout_after_repeated_failures_even_with_the_right_password(tree, users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "officer_a", "wrong-password")
    locked = attempt(client, "officer_a", PASSWORD)
    assert locked.status_code == 429
    assert "Tài khoản bị khóa" in locked.content.decode()
    assert client.get("/").status_code == 302  # not signed in


def test_lockout_is_per_user_name(tree, users):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "officer_a", "wrong-password")
    assert attempt(client, "officer_b", PASSWORD).status_code == 302


def test_home_page_per_role(tree, users):
    titles = {
        "officer_a": "Bàn làm việc kiểm soát",
        "commander_a": "Chỉ huy Đồn Biên phòng",
        "staff": "Bộ Chỉ huy tỉnh",
        "agent_a": "Cổng thông tin đại lý tàu biển",
        "auditor": "Kiểm tra, kiểm toán",
        "admin": "Quản trị hệ thống",
    }
    for username, title in titles.items():
        client = Client()
        client.force_login(users[username])
        assert title in client.get("/").content.decode(), username
