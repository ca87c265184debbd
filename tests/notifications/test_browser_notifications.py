"""A confirmed watchlist hit reaches the post commander's notifications."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienphong.watchlists import screening, services
from tests.watchlists.conftest import watchlist  # noqa: F401  (fixture)
from tests.web.test_browser_home import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_commander_sees_the_confirmed_hit(live_server, page, tree, users, watchlist):  # noqa: F811
    hit = (
        screening.screen_person(
            actor=users["officer_a"], unit=tree.gate_a, name="Nguyen Van An", dob="1980-05-12"
        )
        .outcomes[0]
        .hit
    )
    services.hit_decide(
        actor=users["officer_a"], hit=hit, decision="confirmed", reason="Trùng ảnh và số hộ chiếu"
    )
    sign_in(page, live_server.url, "commander_a")
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_test_id("unread-count")).to_have_text("1")
    page.locator("nav.mainnav").get_by_role("link", name="Thông báo").click()
    notes = page.get_by_test_id("notifications")
    expect(notes).to_contain_text("Xác nhận trùng khớp danh sách đối tượng")
    page.get_by_role("button", name="Đánh dấu đã đọc tất cả").click()
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    notes.get_by_role("link").first.click()
    expect(page.locator("h1")).to_contain_text("Đã xác nhận")
