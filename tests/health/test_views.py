"""Screens without a browser: the public page (CSRF, languages, rate limit, receipt),
staff pages by role, the purge command and the demo loader."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from bienphong.audit.models import AuditEntry
from bienphong.health import services
from bienphong.health.models import HealthDeclaration, HealthMeasure

from .conftest import declaration_data
from .factories import make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2026, 11, 28, 2, tzinfo=UTC)):
        yield


def form(**overrides):
    data = declaration_data(**overrides)
    post = {k: v for k, v in data.items() if k not in ("vaccinations", "travel_countries")}
    post["travel_countries"] = ", ".join(data["travel_countries"])
    post["contact_with_case"] = "yes" if data["contact_with_case"] else "no"
    post["consent"] = "yes" if data["consent"] else ""
    post["vaccine_1"] = "yellow_fever"
    post["vaccine_date_1"] = "2020-01-02"
    return post


def test_public_page_speaks_three_languages(tree):
    client = Client()
    for lang, title in [
        ("vi", "Khai báo y tế khi qua cửa khẩu"),
        ("en", "Health declaration for crossing the border"),
        ("zh", "出入境健康申报"),
    ]:
        response = client.get("/health/declare/", {"lang": lang})
        assert response.status_code == 200
        assert title in response.content.decode()
    assert (
        "出入境健康申报"
        in Client(HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9").get("/health/declare/").content.decode()
    )
    # The staff UI is still Vietnamese afterwards.
    assert client.get("/accounts/login/").headers["Content-Language"] == "vi"


def test_public_page_is_csrf_protected(tree):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/health/declare/", form()).status_code == 403
    assert HealthDeclaration.objects.count() == 0


def test_public_submission_receipt_and_rate_limit(tree, monkeypatch):
    monkeypatch.setenv("BIENPHONG_DECLARATION_RATE", "2/hour")
    client = Client()
    bad = client.post("/health/declare/?lang=en", {**form(), "full_name": "", "email": "x"})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "Enter your full name as written in your document." in text
    assert "Enter a valid email address." in text
    ok = client.post("/health/declare/", {**form(), "lang": "en"})
    assert ok.status_code == 302
    declaration = HealthDeclaration.objects.get()
    receipt = client.get(ok.headers["Location"])
    assert receipt.status_code == 200
    assert declaration.display_code in receipt.content.decode()
    assert "<svg" in receipt.content.decode()
    # The receipt is only for the browser that submitted it.
    assert Client().get(ok.headers["Location"]).status_code == 404
    limited = client.post("/health/declare/?lang=en", form())
    assert limited.status_code == 429
    assert "Too many declarations" in limited.content.decode()
    assert HealthDeclaration.objects.count() == 1


def test_staff_pages_by_role(tree, users):
    measure = make_measure(users["staff"])
    declaration = services.declaration_submit(actor=None, data=declaration_data())
    officer = Client()
    officer.force_login(users["officer_a"])
    assert officer.get("/health/").status_code == 200
    assert officer.get("/health/measures/new/").status_code == 403
    page = officer.get(f"/health/measures/{measure.pk}/").content.decode()
    assert 'data-testid="measure-readonly"' in page
    assert (
        officer.post(
            f"/health/measures/{measure.pk}/", {"action": "switch", "active": "0"}
        ).status_code
        == 403
    )
    listing = officer.get("/health/declarations/", {"symptoms": "yes"})
    assert declaration.display_code in listing.content.decode()
    found = officer.get("/health/declarations/", {"code": declaration.code.lower()})
    assert found.headers["Location"] == f"/health/declarations/{declaration.code}/"
    assert officer.get(found.headers["Location"]).status_code == 200
    other = Client()
    other.force_login(users["officer_b"])
    assert other.get(f"/health/declarations/{declaration.code}/").status_code == 404
    agent = Client()
    agent.force_login(users["agent_a"])
    assert agent.get("/health/").status_code == 403
    assert Client().get("/health/").status_code == 302


def test_staff_edit_and_switch_measures(tree, users):
    staff = Client()
    staff.force_login(users["staff"])
    created = staff.post(
        "/health/measures/new/",
        {
            "title": "Sốt vàng",
            "requirement": "vaccination",
            "disease": "yellow_fever",
            "valid_from": "2026-01-01T00:00",
            "travel_countries": "NGA, Brazil",
            "directions": ["entry"],
            "is_active": "1",
            "lookback_days": "6",
        },
    )
    assert created.status_code == 302, created.content.decode()
    measure = HealthMeasure.objects.get()
    assert measure.travel_countries == ["NGA", "BRA"] and measure.lookback_days == 6
    bad = staff.post(f"/health/measures/{measure.pk}/", {"title": "", "requirement": "vaccination"})
    assert "Give the measure a title." in bad.content.decode() or "Đặt tên" in bad.content.decode()
    staff.post(f"/health/measures/{measure.pk}/", {"action": "switch", "active": "0"})
    measure.refresh_from_db()
    assert measure.is_active is False


def test_officer_takes_a_declaration_at_the_gate(tree, users):
    officer = Client()
    officer.force_login(users["officer_a"])
    response = officer.post("/health/declarations/new/", form())
    assert response.status_code == 302
    declaration = HealthDeclaration.objects.get()
    assert declaration.source == "gate" and declaration.created_by == users["officer_a"]


def test_purge_command_reports_counts(tree):
    services.declaration_submit(actor=None, data=declaration_data())
    out = io.StringIO()
    call_command("health", "purge", "--dry-run", "--today", "2027-06-01", stdout=out)
    assert "1 would be anonymised; 1 kept" in out.getvalue()
    out = io.StringIO()
    call_command("health", "purge", "--today", "2027-06-01", stdout=out)
    assert "1 anonymised; 0 kept" in out.getvalue()
    assert AuditEntry.objects.filter(event="health.declaration.anonymise").count() == 1


def test_demo_loader_is_idempotent(db):
    from bienphong.health import demo as health_demo
    from bienphong.org import demo as org_demo
    from bienphong.org.demo import DemoReport

    org_demo.load(DemoReport())
    health_demo.load(DemoReport())
    counts = (
        HealthMeasure.objects.count(),
        HealthDeclaration.objects.count(),
        AuditEntry.objects.count(),
    )
    assert counts[:2] == (3, 3)
    health_demo.load(DemoReport())
    assert (
        HealthMeasure.objects.count(),
        HealthDeclaration.objects.count(),
        AuditEntry.objects.count(),
    ) == counts
    covid = HealthMeasure.objects.get(title__startswith="Khai báo y tế phòng chống COVID-19")
    assert covid.is_active is False
    assert covid.valid_until.date().isoformat() in ("2022-04-26", "2022-04-27")
    sick = HealthDeclaration.objects.get(document_number="C7654321")
    check = services.evaluate_crossing(
        gate="CK-BL1",
        direction="entry",
        at=datetime.now(UTC) + timedelta(days=1, hours=2),
        nationality="VNM",
        travel_countries=[],
        category="",
        declaration_code=sick.code,
    )
    statuses = {o["requirement"]: o["status"] for o in check.outcomes}
    assert statuses == {"vaccination": "met", "medical_check": "officer_check"}
