from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from bienphong.notifications import services
from bienphong.notifications.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)


def test_notify_once_per_dedupe_key_and_email_after_commit(tree, users):
    officer = users["officer_a"]
    officer.email = "officer@example.vn"
    officer.save()
    services.notify(recipients=[officer], kind="test", title="Hạn nhiệm vụ", dedupe_key="k1")
    services.notify(recipients=[officer], kind="test", title="Hạn nhiệm vụ", dedupe_key="k1")
    assert Notification.objects.filter(recipient=officer).count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["officer@example.vn"]


def test_list_badge_and_mark_read(tree, users):
    services.notify(recipients=[users["officer_a"]], kind="test", title="Tin mới", email=False)
    client = Client()
    client.force_login(users["officer_a"])
    page = client.get("/notifications/").content.decode()
    assert "Tin mới" in page and 'data-testid="unread-count">1<' in page
    client.post("/notifications/read/")
    assert 'data-testid="unread-count"' not in client.get("/").content.decode()
    other = Client()
    other.force_login(users["officer_b"])
    assert "Tin mới" not in other.get("/notifications/").content.decode()
