"""In a browser: an agency applies, command staff approve, the agent signs in to the portal."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.web.test_browser_home import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Tau-bien-2026!x"


def _apply(page, url: str) -> None:
    """The public application form, filled in for the Cái Lân agency and sent."""
    page.goto(f"{url}/accounts/login/")
    page.get_by_test_id("apply-link").click()
    page.fill("#f_name", "Đại lý Hàng hải Cái Lân")
    page.fill("#f_tax_code", "5701234567")
    page.fill("#f_address", "1 Bến Đoan, Hạ Long")
    page.fill("#f_email", "info@cailan.example")
    page.fill("#f_phone", "0203 3812345")
    page.select_option("#f_ports", ["CANG-X"])
    page.fill("#f_full_name", "Trần Văn Bình")
    page.fill("#f_username", "binh_cl")
    page.fill("#f_user_email", "binh@cailan.example")
    page.fill("#f_password", PASSWORD)
    page.get_by_role("button", name="Gửi đơn đăng ký").click()
    page.get_by_test_id("applied").wait_for()


def test_reject_needs_a_reason_and_the_agency_applies_again(live_server, page, ports, users):
    cache.clear()
    _apply(page, live_server.url)
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ports/applications/")
    row = page.locator("[data-testid^=application-]", has_text="Cái Lân")
    row.get_by_role("button", name="Từ chối").click()
    page.wait_for_url(f"{live_server.url}/ports/applications/")
    assert "Nêu lý do từ chối." in page.locator(".msg-error").inner_text()
    row = page.locator("[data-testid^=application-]", has_text="Cái Lân")
    row.locator("input[name=reason]").fill("Mã số thuế không khớp giấy phép")
    row.get_by_role("button", name="Từ chối").click()
    page.wait_for_url(f"{live_server.url}/ports/applications/")
    assert page.locator("[data-testid^=application-]", has_text="Cái Lân").count() == 0

    page.context.clear_cookies()
    cache.clear()  # the public form is rate-limited per address
    _apply(page, live_server.url)  # the same tax code and user name: applying again
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ports/applications/")
    row = page.locator("[data-testid^=application-]", has_text="Cái Lân")
    assert "Mã số thuế không khớp giấy phép" in row.inner_text()


def test_apply_approve_sign_in(live_server, page, ports, users):
    cache.clear()
    _apply(page, live_server.url)

    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ports/applications/")
    row = page.locator("[data-testid^=application-]", has_text="Cái Lân")
    row.get_by_role("button", name="Duyệt").click()
    page.wait_for_url(f"{live_server.url}/ports/applications/")
    page.context.clear_cookies()

    sign_in(page, live_server.url, "binh_cl", PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_test_id("home-title").inner_text() == "Cổng thông tin đại lý tàu biển"

    # Command staff see the organisation with its decided application.
    page.context.clear_cookies()
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ports/organisations/")
    assert "5701234567" in page.get_by_test_id("organisations").inner_text()

    # The approved agent adds a colleague; a weak password is refused on its field.
    page.context.clear_cookies()
    sign_in(page, live_server.url, "binh_cl", PASSWORD)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/ports/filings/")
    page.get_by_test_id("org-users-link").click()
    page.fill("#u_full_name", "Lê Thị Hoa")
    page.fill("#u_username", "hoa_cl")
    page.fill("#u_user_email", "hoa@cailan.example")
    page.fill("#u_password", "123")
    page.get_by_test_id("org-user-add").click()
    assert page.locator("p.error").count() >= 1
    assert "hoa_cl" not in page.get_by_test_id("org-users").inner_text()
    page.fill("#u_password", PASSWORD + "2")
    page.get_by_test_id("org-user-add").click()
    page.wait_for_url(f"{live_server.url}/ports/my-users/")
    assert "hoa_cl" in page.get_by_test_id("org-users").inner_text()
