"""Each role signs in through the real login page and lands on its Vietnamese home page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME_TITLES = {
    "officer_a": "Bàn làm việc kiểm soát",
    "commander_a": "Chỉ huy Đồn Biên phòng",
    "staff": "Bộ Chỉ huy tỉnh",
    "agent_a": "Cổng thông tin đại lý tàu biển",
    "auditor": "Kiểm tra, kiểm toán",
    "admin": "Quản trị hệ thống",
}


def sign_in(page, base_url, username, password=PASSWORD):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("username", list(HOME_TITLES))
def test_each_role_sees_its_home_page_in_vietnamese(live_server, page, users, username):
    sign_in(page, live_server.url, username)
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_test_id("home-title").inner_text() == HOME_TITLES[username]
    assert "Đăng xuất" in page.locator("header").inner_text()


def test_navigation_follows_the_role(live_server, page, users):
    sign_in(page, live_server.url, "auditor")
    page.wait_for_url(f"{live_server.url}/")
    nav = page.locator("nav.mainnav").inner_text()
    assert "Nhật ký kiểm toán" in nav
    page.locator("nav.mainnav").get_by_role("link", name="Nhật ký kiểm toán").click()
    expect(page.get_by_test_id("audit-table")).to_be_visible()
    sign_out = page.get_by_role("button", name="Đăng xuất")
    sign_out.click()
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    assert "Nhật ký kiểm toán" not in page.locator("nav.mainnav").inner_text()


def test_language_switch_in_the_browser(live_server, page, users):
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.get_by_role("button", name="EN").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("home-title")).to_have_text("Provincial command")
    page.get_by_role("button", name="VI").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("home-title")).to_have_text("Bộ Chỉ huy tỉnh")


def test_wrong_password_then_token_page(live_server, page, users):
    sign_in(page, live_server.url, "officer_a", "sai-mat-khau")
    expect(page.get_by_role("alert")).to_be_visible()
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/account/tokens/")
    page.fill("#id_name", "Máy quét làn 2")
    page.get_by_role("button", name="Tạo mã truy cập").click()
    expect(page.get_by_test_id("new-token")).to_contain_text(re.compile(r"bp_[0-9a-f]{8}_"))
    page.reload()
    assert page.get_by_test_id("new-token").count() == 0  # shown once


def test_units_pages_show_only_the_officers_scope(live_server, page, users):
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.locator("nav.mainnav").get_by_role("link", name="Đơn vị").click()
    table = page.get_by_test_id("unit-table")
    expect(table).to_contain_text("CK-A")
    expect(table).not_to_contain_text("DBP-B")
    table.get_by_role("link", name="DBP-A").click()
    expect(page.get_by_test_id("unit-name")).to_have_text("Đơn vị DBP-A")
    page.goto(f"{live_server.url}/units/DBP-B/")
    expect(page.locator("h1")).to_have_text("Không tìm thấy")
