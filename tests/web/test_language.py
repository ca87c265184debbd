from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_vietnamese_by_default_even_for_an_english_browser(db):
    page = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    text = page.content.decode()
    assert 'lang="vi"' in text
    assert "Đăng nhập" in text


def test_switch_to_english_and_back(db):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    text = client.get("/accounts/login/").content.decode()
    assert 'lang="en"' in text and "Sign in" in text and "Đăng nhập" not in text
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng nhập" in client.get("/accounts/login/").content.decode()


def test_unknown_language_cookie_falls_back_to_vietnamese(db):
    client = Client()
    client.cookies["bienphong_language"] = "xx"
    assert 'lang="vi"' in client.get("/accounts/login/").content.decode()
