"""Agent self-registration: validation, approval/rejection, scoping, rate limit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from bienphong.audit.models import AuditEntry
from bienphong.errors import PermissionDenied, ValidationFailed
from bienphong.org.models import Organisation, User
from bienphong.ports import applications
from bienphong.ports.application_models import ApplicationStatus

pytestmark = pytest.mark.django_db
PASSWORD = "Tau-bien-2026!x"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    from django.core.cache import cache

    cache.clear()


def data(**overrides):
    base = {
        "name": "Đại lý Hàng hải Hạ Long",
        "tax_code": "5701234567",
        "address": "1 Bến Đoan, Hạ Long",
        "email": "info@halong.example",
        "phone": "0203 3812345",
        "ports": ["CANG-X"],
        "full_name": "Trần Văn Bình",
        "username": "binh_halong",
        "user_email": "binh@halong.example",
        "password": PASSWORD,
    }
    base.update(overrides)
    return base


def test_submit_creates_pending_org_and_inactive_user(ports):
    application = applications.application_submit(actor=None, data=data())
    assert application.status == ApplicationStatus.PENDING
    assert not application.organisation.is_approved
    assert not application.applicant.is_active
    assert not application.applicant.memberships.exists()
    assert AuditEntry.objects.filter(event="ports.application.submit").exists()


@pytest.mark.parametrize("tax_code", ["123", "57012345678", "5701234567-01", "570123456a"])
def test_tax_code_format(ports, tax_code):
    with pytest.raises(ValidationFailed) as error:
        applications.application_submit(actor=None, data=data(tax_code=tax_code))
    assert "tax_code" in error.value.fields


def test_branch_tax_code_accepted(ports):
    applications.application_submit(actor=None, data=data(tax_code="5701234567-001"))


def test_duplicates_and_weak_password_are_field_errors_and_write_nothing(ports, tree, users):
    count = Organisation.objects.count()
    with pytest.raises(ValidationFailed) as error:
        applications.application_submit(
            actor=None,
            data=data(tax_code=tree.org_a.tax_code, username="agent_a", password="123"),
        )
    assert {"tax_code", "username", "password"} <= set(error.value.fields)
    assert Organisation.objects.count() == count
    assert not User.objects.filter(username="binh_halong").exists()


def test_unknown_port_and_missing_fields(ports):
    with pytest.raises(ValidationFailed) as error:
        applications.application_submit(actor=None, data=data(ports=["NOPE"], name="", email="x"))
    assert {"ports", "name", "email"} <= set(error.value.fields)


def test_approve_makes_user_an_agent_who_can_file(ports, users, django_capture_on_commit_callbacks):
    application = applications.application_submit(actor=None, data=data())
    with pytest.raises(PermissionDenied):
        applications.application_approve(actor=users["agent_a"], application=application)
    with django_capture_on_commit_callbacks(execute=True):
        applications.application_approve(actor=users["staff"], application=application)
    user = User.objects.get(username="binh_halong")
    assert user.is_active
    from bienphong.ports.services import agent_organisation

    assert agent_organisation(user) == application.organisation
    assert mail.outbox and "binh@halong.example" in mail.outbox[-1].to


def test_reject_needs_reason_and_emails(ports, users, django_capture_on_commit_callbacks):
    application = applications.application_submit(actor=None, data=data())
    with pytest.raises(ValidationFailed):
        applications.application_reject(actor=users["staff"], application=application, reason=" ")
    with django_capture_on_commit_callbacks(execute=True):
        applications.application_reject(
            actor=users["staff"], application=application, reason="Mã số thuế không khớp"
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert not application.applicant.is_active
    assert "Mã số thuế không khớp" in mail.outbox[-1].body


def test_pending_user_cannot_sign_in(client, ports):
    applications.application_submit(actor=None, data=data())
    response = client.post(reverse("login"), {"username": "binh_halong", "password": PASSWORD})
    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session


def test_agent_users_scoped_to_own_org(ports, tree, users):
    tree.org_b.is_approved = True
    tree.org_b.save()
    colleague = applications.organisation_user_add(
        actor=users["agent_a"],
        data={
            "full_name": "Lê Thị Hoa",
            "username": "hoa_a",
            "user_email": "h@a.example",
            "password": PASSWORD,
        },
    )
    names = set(
        applications.organisation_users(actor=users["agent_a"]).values_list("username", flat=True)
    )
    assert colleague.username in names and "agent_b" not in names
    other = set(
        applications.organisation_users(actor=users["agent_b"]).values_list("username", flat=True)
    )
    assert "hoa_a" not in other


def test_apply_page_public_and_rate_limited(client, ports, monkeypatch, settings):
    monkeypatch.setenv("BIENPHONG_AGENT_APPLICATION_RATE", "2/hour")
    url = reverse("ports_apply")
    assert client.get(url).status_code == 200
    bad = client.post(url, {**data(tax_code="12"), "ports": "CANG-X"})
    assert bad.status_code == 400
    assert "tax_code" not in bad.content.decode() or b"10" in bad.content
    ok = client.post(url, {**data(), "ports": "CANG-X"})
    assert ok.status_code == 302
    limited = client.post(url, {**data(username="x2", tax_code="5709999999"), "ports": "CANG-X"})
    assert limited.status_code == 429


def test_honeypot_stores_nothing(client, ports):
    response = client.post(reverse("ports_apply"), {**data(), "ports": "CANG-X", "website": "spam"})
    assert response.status_code == 302
    assert not Organisation.objects.filter(tax_code="5701234567").exists()


def test_staff_approve_via_page(client, ports, users):
    application = applications.application_submit(actor=None, data=data())
    client.force_login(users["staff"])
    page = client.get(reverse("ports_applications"))
    assert "Hạ Long" in page.content.decode()
    client.post(
        reverse("ports_applications"), {"application": application.pk, "decision": "approve"}
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    client.force_login(users["agent_a"])
    assert client.get(reverse("ports_applications")).status_code == 403


def test_api_apply_and_approve(client, ports, users):
    response = client.post(
        "/api/v1/ports/agent-applications", data=data(), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    application_id = response.json()["id"]
    bad = client.post(
        "/api/v1/ports/agent-applications",
        data=data(tax_code="5701234567"),
        content_type="application/json",
    )
    assert bad.status_code == 400 and "tax_code" in bad.json()["error"]["fields"]
    client.force_login(users["agent_a"])
    url = f"/api/v1/ports/agent-applications/{application_id}/approve"
    assert client.post(url).status_code == 403
    client.force_login(users["staff"])
    assert client.post(url).json()["status"] == "approved"
