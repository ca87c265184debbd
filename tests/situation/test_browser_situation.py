"""The situation log and a daily report, driven through the real screens."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bienphong.situation.models import SituationReport
from tests.web.test_browser_home import sign_in

from .conftest import add_crossings, local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


def test_incident_recorded_at_a_post_appears_on_the_command_dashboard(live_server, page, users):
    base = live_server.url
    sign_in(page, base, "commander_a")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/situation/incidents/new/")
    when = timezone.localtime() - dt.timedelta(hours=1)
    page.select_option("#id_kind", "illegal_crossing")
    page.fill("#id_title", "Hai người nhập cảnh trái phép")
    page.fill("#id_occurred_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_unit", label="CK-A — Đơn vị CK-A")
    page.fill("#id_place", "Đường mòn gần mốc 1325")
    page.fill("#id_people_count", "2")
    page.select_option("#id_direction", "in")
    page.get_by_test_id("save-incident").click()
    expect(page.get_by_test_id("incident-status")).to_have_text("Mới")
    sign_out(page)
    sign_in(page, base, "staff")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/command/")
    panel = page.get_by_test_id("open-incidents")
    expect(panel).to_contain_text("Hai người nhập cảnh trái phép")
    expect(page.get_by_test_id("open-incident-count")).to_have_text("1")


def test_daily_report_compile_edit_submit_freeze_sign_and_export(live_server, page, users, tree):
    base = live_server.url
    day = timezone.localdate() - dt.timedelta(days=1)
    add_crossings(tree.gate_a, 3, at=local(day, 9))
    sign_in(page, base, "officer_a")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/situation/reports/")
    form = page.get_by_test_id("new-report")
    form.locator("#id_unit").select_option(label="DBP-A — Đơn vị DBP-A")
    form.locator("#id_period_kind").select_option("daily")
    form.locator("#id_period_start").fill(day.isoformat())
    page.get_by_test_id("compile-report").click()
    expect(page.get_by_test_id("crossing-total")).to_have_text("3")
    page.fill("#id_notable_events", "Bắt giữ 2 đối tượng vượt biên trái phép.")
    page.get_by_test_id("save-narrative").click()
    expect(page.locator("#id_notable_events")).to_have_value(
        "Bắt giữ 2 đối tượng vượt biên trái phép."
    )
    page.get_by_test_id("submit-report").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã gửi")
    report_url = page.url
    # A crossing recorded later for the same day does not change the submitted report.
    add_crossings(tree.gate_a, 5, at=local(day, 11))
    page.reload()
    expect(page.get_by_test_id("crossing-total")).to_have_text("3")
    sign_out(page)
    sign_in(page, base, "commander_a")
    page.wait_for_url(f"{base}/")
    page.goto(report_url)
    page.get_by_test_id("sign-off").click()
    expect(page.get_by_test_id("report-status")).to_have_text("Đã ký duyệt")
    expect(page.get_by_test_id("signed-by")).to_be_visible()
    with page.expect_download() as pdf_download:
        page.get_by_test_id("export-pdf").click()
    assert pdf_download.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as xlsx_download:
        page.get_by_test_id("export-xlsx").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    report = SituationReport.objects.get()
    for suffix, content_type in (
        ("report.pdf", "application/pdf"),
        ("report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        response = page.request.get(f"{base}/situation/reports/{report.pk}/{suffix}")
        assert response.ok and response.headers["content-type"] == content_type
    assert report.status == "signed_off"
    assert report.figures["crossings"]["totals"]["total"] == 3
