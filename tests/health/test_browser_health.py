"""Health control in the browser: a traveller declares in Chinese, an officer finds the
declaration by its code, command staff switch a measure off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bienphong.health import services
from bienphong.health.models import HealthDeclaration
from tests.web.test_browser_home import sign_in

from .conftest import declaration_data
from .factories import make_measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_traveller_declares_in_chinese_sees_every_error_then_gets_a_code(live_server, page, tree):
    page.goto(f"{live_server.url}/health/declare/")
    page.get_by_role("link", name="中文").click()
    expect(page.get_by_test_id("declare-title")).to_have_text("出入境健康申报")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    page.fill("#id_full_name", "王小红")
    page.select_option("#id_document_type", "passport")
    page.fill("#id_document_number", "EJ-12")
    page.fill("#id_nationality", "中国")
    page.fill("#id_date_of_birth", "31/02/1988")
    page.select_option("#id_direction", "entry")
    page.select_option("#id_gate", "CK-A")
    tomorrow = timezone.localdate() + timedelta(days=1)
    page.fill("#id_planned_date", tomorrow.isoformat())
    page.fill("#id_travel_countries", "尼日利亚, Narnia")
    page.get_by_label("发热").check()
    page.get_by_role("button", name="提交申报").click()
    summary = page.get_by_test_id("error-summary")
    expect(summary).to_contain_text("请更正6处错误")
    alerts = page.locator("form p.error")
    expect(alerts).to_have_count(6)
    for message in (
        "请填写证件号码",
        "请按 日/月/年",
        "无法识别的国家：Narnia",
        "请回答是或否",
        "请提供电话号码或电子邮箱地址",
        "您必须同意处理您的健康数据",
    ):
        expect(page.locator("form")).to_contain_text(message)
    # What was typed is kept.
    expect(page.locator("#id_full_name")).to_have_value("王小红")
    expect(page.get_by_label("发热")).to_be_checked()
    page.fill("#id_document_number", "EJ1234567")
    page.fill("#id_date_of_birth", "12/03/1988")
    page.fill("#id_travel_countries", "尼日利亚")
    page.locator("input[name=contact_with_case][value=no]").check()
    page.fill("#id_phone", "+86 138 0000 0000")
    page.locator("#id_consent").check()
    page.get_by_role("button", name="提交申报").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("您的申报已登记")
    shown = page.get_by_test_id("declaration-code").inner_text()
    declaration = HealthDeclaration.objects.get()
    assert shown == declaration.display_code
    assert declaration.language == "zh" and declaration.travel_countries == ["NGA"]
    assert declaration.symptoms == ["fever"]
    expect(page.get_by_test_id("declaration-qr").locator("svg")).to_be_visible()
    expect(page.get_by_role("button", name="打印")).to_be_visible()


def test_officer_finds_a_declaration_by_its_code(live_server, page, users, tree):
    data = declaration_data(planned_date=timezone.localdate().isoformat())
    declaration = services.declaration_submit(actor=None, data=data)
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.locator("nav.mainnav").get_by_role("link", name="Kiểm dịch y tế").click()
    page.get_by_role("link", name="Tờ khai", exact=True).click()
    code = declaration.code
    page.fill("#id_code", f"{code[:4].lower()} - {code[4:].lower()}")
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("declaration-code")).to_have_text(declaration.display_code)
    expect(page.get_by_test_id("declaration-name")).to_have_text("Vương Tiểu Hồng")
    expect(page.get_by_test_id("declaration-symptoms")).to_have_text("Sốt")
    from bienphong.audit.models import AuditEntry

    assert AuditEntry.objects.filter(
        event="health.declaration.view", actor_username="officer_a"
    ).exists()


def test_command_staff_switch_a_measure_off_and_the_evaluation_changes(live_server, page, users):
    make_measure(
        users["staff"],
        title="Khai báo y tế bắt buộc",
        valid_from=datetime.now(UTC) - timedelta(days=1),
    )
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    check_url = f"{live_server.url}/health/evaluate/?gate=CK-A&direction=entry&nationality=CHN"
    page.goto(check_url)
    outcomes = page.get_by_test_id("outcome-table")
    expect(outcomes).to_contain_text("Khai báo y tế bắt buộc")
    expect(outcomes).to_contain_text("Chưa đạt")
    expect(page.get_by_test_id("evaluation-verdict")).to_have_text("Chưa đáp ứng yêu cầu")
    page.goto(f"{live_server.url}/health/")
    page.get_by_role("link", name="Khai báo y tế bắt buộc").click()
    page.get_by_role("button", name="Dừng áp dụng").click()
    expect(page.get_by_test_id("measure-state")).to_have_text("Đã dừng áp dụng")
    page.goto(check_url)
    expect(page.get_by_test_id("evaluation-verdict")).to_have_text("Không có biện pháp nào áp dụng")
