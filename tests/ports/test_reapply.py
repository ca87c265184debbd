"""Registration loose ends: applying again after a rejection, one approval path, and the
pending-applications count for command staff."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from bienphong.audit.models import AuditEntry
from bienphong.errors import ValidationFailed
from bienphong.org.models import Organisation, User
from bienphong.ports import applications
from bienphong.ports.application_models import AgentApplication, ApplicationStatus

from .test_applications import PASSWORD, data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    from django.core.cache import cache

    cache.clear()


def rejected(users, **overrides):
    application = applications.application_submit(actor=None, data=data(**overrides))
    applications.application_reject(
        actor=users["staff"], application=application, reason="Thiếu giấy phép kinh doanh"
    )
    return application


def test_rejection_email_says_how_to_apply_again(ports, users, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rejected(users)
    assert "apply again" in mail.outbox[-1].body or "nộp lại" in mail.outbox[-1].body


def test_rejected_applicant_applies_again_with_same_tax_code_and_user_name(ports, users):
    first = rejected(users)
    again = applications.application_submit(
        actor=None, data=data(name="Đại lý Hạ Long (bổ sung)", address="2 Bến Đoan")
    )
    assert again.pk == first.pk  # the same records, not a second organisation or user
    assert again.status == ApplicationStatus.PENDING and again.decided_at is None
    assert again.previous_reason == "Thiếu giấy phép kinh doanh" and again.reason == ""
    assert again.submissions == 2 and again.address == "2 Bến Đoan"
    assert Organisation.objects.filter(tax_code="5701234567").count() == 1
    assert again.organisation.name == "Đại lý Hạ Long (bổ sung)"
    assert not User.objects.get(username="binh_halong").is_active
    assert AuditEntry.objects.filter(
        event="ports.application.resubmit", object_id=str(first.pk)
    ).exists()
    applications.application_approve(actor=users["staff"], application=again)
    user = User.objects.get(username="binh_halong")
    assert user.is_active and user.check_password(PASSWORD)


def test_applying_again_may_change_user_name_and_frees_the_old_one(ports, users):
    first = rejected(users)
    again = applications.application_submit(
        actor=None, data=data(username="binh2", password="Khac-mat-khau-2026!")
    )
    assert again.pk == first.pk and again.applicant.username == "binh2"
    assert not User.objects.filter(username="binh_halong").exists()
    assert again.applicant.check_password("Khac-mat-khau-2026!")


def test_a_mistyped_tax_code_is_corrected_by_applying_again_with_the_user_name(ports, users):
    first = rejected(users, tax_code="5700000001")
    again = applications.application_submit(actor=None, data=data())
    assert again.pk == first.pk and again.organisation.tax_code == "5701234567"
    assert not Organisation.objects.filter(tax_code="5700000001").exists()


def test_pending_or_approved_tax_codes_and_names_stay_taken(ports, users, tree):
    pending = applications.application_submit(actor=None, data=data())
    with pytest.raises(ValidationFailed) as caught:
        applications.application_submit(actor=None, data=data())
    assert {"tax_code", "username"} <= set(caught.value.fields)
    applications.application_approve(actor=users["staff"], application=pending)
    with pytest.raises(ValidationFailed) as caught:
        applications.application_submit(actor=None, data=data(username="other_user"))
    assert set(caught.value.fields) == {"tax_code"}
    # A rejected application does not free someone else's user name.
    rejected(users, tax_code="5700000002", username="khac")
    with pytest.raises(ValidationFailed) as caught:
        applications.application_submit(
            actor=None, data=data(tax_code="5700000002", username=users["agent_a"].username)
        )
    assert set(caught.value.fields) == {"username"}
    assert AgentApplication.objects.get(organisation__tax_code="5700000002").status == "rejected"


def test_apply_again_on_the_public_page_and_the_api(client, ports, users):
    rejected(users)
    page = client.post(reverse("ports_apply"), {**data(), "ports": "CANG-X"})
    assert page.status_code == 302
    application = AgentApplication.objects.get()
    assert application.status == ApplicationStatus.PENDING
    applications.application_reject(actor=users["staff"], application=application, reason="Lần 2")
    response = client.post(
        "/api/v1/ports/agent-applications", data=data(), content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["id"] == application.pk
    client.force_login(users["staff"])
    listing = client.get(reverse("ports_applications")).content.decode()
    assert f'data-testid="reapplied-{application.pk}"' in listing and "Lần 2" in listing


def test_pending_count_in_navigation_and_ports_home_for_command_staff(client, ports, users):
    client.force_login(users["staff"])
    page = client.get(reverse("ports_queue")).content.decode()
    assert 'data-testid="nav-count-ports"' not in page
    assert 'data-testid="pending-applications"' not in page
    applications.application_submit(actor=None, data=data())
    applications.application_submit(
        actor=None, data=data(tax_code="5700000003", username="thu_hai")
    )
    page = client.get(reverse("ports"), follow=True).content.decode()
    assert 'data-testid="nav-count-ports">2<' in page
    assert 'data-testid="pending-applications"' in page
    assert 'data-testid="subnav-pending-applications">2<' in page
    client.force_login(users["officer_a"])  # officers do not decide applications
    page = client.get(reverse("ports_queue")).content.decode()
    assert 'data-testid="nav-count-ports"' not in page
    assert 'data-testid="pending-applications"' not in page


def test_organisations_page_lists_and_links_applications_without_a_second_approval(
    client, ports, users, tree
):
    application = applications.application_submit(actor=None, data=data())
    client.force_login(users["staff"])
    page = client.get(reverse("ports_organisations")).content.decode()
    assert tree.org_b.name in page and "Đại lý Hàng hải Hạ Long" in page
    assert f"#application-{application.pk}" in page
    response = client.post(reverse("ports_organisations"), {"organisation": tree.org_b.pk})
    assert response.status_code == 405
    tree.org_b.refresh_from_db()
    assert not tree.org_b.is_approved
    assert not hasattr(
        __import__("bienphong.ports.services").ports.services, "organisation_approve"
    )
    client.force_login(users["officer_a"])
    assert client.get(reverse("ports_organisations")).status_code == 403
