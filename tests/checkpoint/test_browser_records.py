"""The lists around the checkpoint screen: crossings, corrections, travellers, vehicles."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienphong.checkpoint.services import crossings
from tests.web.test_browser_home import sign_in

from .conftest import korean, payload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(page, base_url, username="officer_a"):
    sign_in(page, base_url, username)
    page.wait_for_url(f"{base_url}/")


def test_correct_a_crossing_from_the_list(live_server, page, configured, users):
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    signed_in(page, live_server.url)
    page.goto(f"{live_server.url}/checkpoint/crossings/?nationality=KOR")
    table = page.get_by_test_id("crossing-table")
    expect(table).to_contain_text("PARK JIHOON")
    table.get_by_role("link").first.click()
    page.select_option("select[name=decision]", "refused")
    page.fill("input[name=correction_reason]", "Bấm nhầm phím")
    page.get_by_role("button", name="Ghi đính chính").click()
    expect(page.get_by_role("alert")).to_contain_text("Phải nêu lý do")
    page.select_option("select[name=decision]", "refused")
    page.select_option("select[name=reason_code]", "no_visa")
    page.fill("input[name=correction_reason]", "Bấm nhầm phím")
    page.get_by_role("button", name="Ghi đính chính").click()
    expect(page.locator(".notice")).to_contain_text(f"#{crossing.pk}")
    page.goto(f"{live_server.url}/checkpoint/crossings/")
    expect(page.get_by_test_id("crossing-table")).to_contain_text("đính chính")


def test_record_a_vehicle_with_a_bad_plate_then_a_good_one(live_server, page, configured, users):
    driver, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    signed_in(page, live_server.url)
    page.goto(f"{live_server.url}/checkpoint/vehicles/")
    form = page.get_by_test_id("vehicle-form")
    form.locator("input[name=plate]").fill("桂I12345")
    form.locator("input[name=vehicle_type]").fill("Xe tải")
    form.locator("input[name=driver_crossing]").fill(str(driver.pk))
    form.get_by_role("button", name="Ghi nhận").click()
    expect(page.get_by_role("alert").first).to_contain_text("Không phải biển số Trung Quốc")
    form = page.get_by_test_id("vehicle-form")
    form.locator("input[name=plate]").fill("14A-123.45")
    form.locator("input[name=vehicle_type]").fill("Xe con")
    form.locator("input[name=driver_crossing]").fill(str(driver.pk))
    form.get_by_role("button", name="Ghi nhận").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận phương tiện")
    expect(page.locator("table").last).to_contain_text("14A-123.45")


def test_traveller_page_shows_documents_and_history(live_server, page, configured, users):
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    signed_in(page, live_server.url)
    page.goto(f"{live_server.url}/checkpoint/travellers/{crossing.traveller_id}/")
    expect(page.locator("h1")).to_have_text("PARK JIHOON")
    expect(page.locator("body")).to_contain_text("M12345678")
    page.fill("input[name=duplicate]", "999999")
    page.fill("input[name=reason]", "Thử")
    page.get_by_role("button", name="Gộp", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Không có hồ sơ này")
