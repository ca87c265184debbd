"""Watchlist screens: import with every error shown, screening, hit review."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienphong.watchlists import screening
from tests.web.test_browser_home import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_import_shows_every_bad_row_then_succeeds(live_server, page, users, watchlist, tmp_path):
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/watchlists/")
    page.get_by_role("link", name="HX").click()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "reference,full_name,date_of_birth,nationality\n"
        "B1,,1980,VNM\nB2,Hà Văn Hai,31/02/1980,Atlantis\n",
        encoding="utf-8",
    )
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Nhập dữ liệu", exact=True).click()
    errors = page.get_by_test_id("job-errors")
    expect(errors).to_be_visible()
    expect(errors.locator("tbody tr")).to_have_count(3)
    expect(errors).to_contain_text("Ngày sinh không hợp lệ")
    expect(errors).to_contain_text("Quốc tịch không xác định")
    good = tmp_path / "good.csv"
    good.write_text(
        "reference,full_name,date_of_birth,nationality\n"
        "B1,Hà Văn Một,1980,VNM\nB2,Hà Văn Hai,28/02/1980,Việt Nam\n",
        encoding="utf-8",
    )
    page.goto(f"{live_server.url}/watchlists/HX/")
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="Nhập dữ liệu", exact=True).click()
    expect(page.get_by_test_id("job-summary")).to_contain_text("Đã thêm 2 đối tượng")
    page.goto(f"{live_server.url}/watchlists/HX/?q=Hà Văn")
    expect(page.get_by_test_id("entry-table").locator("tbody tr")).to_have_count(2)


def test_officer_screens_and_sees_the_instruction_only(live_server, page, users, watchlist):
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.locator("nav.mainnav").get_by_role("link", name="Đối chiếu danh sách").click()
    page.fill("input[name=name]", "NGUYEN VAN AN")
    page.fill("input[name=date_of_birth]", "12/05/1980")
    page.keyboard.press("Enter")
    results = page.get_by_test_id("screen-results")
    expect(results.get_by_test_id("instruction")).to_contain_text("Không cho xuất cảnh")
    expect(results).not_to_contain_text("Quyết định số 12")
    page.fill("input[name=date_of_birth]", "31/02/1980")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Ngày sinh không hợp lệ")


def test_officer_reviews_a_hit(live_server, page, users, tree, watchlist):
    result = screening.screen_person(
        actor=users["officer_a"], unit=tree.gate_a, name="Nguyen Van An", dob="1980-05-12"
    )
    hit = result.outcomes[0].hit
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/watchlists/hits/")
    page.get_by_test_id("hit-table").get_by_role("link").first.click()
    expect(page.get_by_test_id("explanation")).to_contain_text("cùng chữ cái, khác dấu")
    page.fill("#id_reason", "   ")
    page.get_by_role("button", name="Loại trừ: không phải đối tượng").click()
    expect(page.get_by_role("alert")).to_contain_text("Phải nêu lý do")
    page.fill("#id_reason", "Khác quê quán, ảnh khác")
    page.get_by_role("button", name="Loại trừ: không phải đối tượng").click()
    expect(page.get_by_test_id("hit-table")).to_contain_text("Không có kết quả")
    hit.refresh_from_db()
    assert hit.status == "dismissed"


def test_staff_designate_an_officer_and_deactivate_an_entry(live_server, page, users, watchlist):
    from bienphong.watchlists.models import WatchlistEntry

    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/watchlists/designations/")
    page.fill("#id_username", "officer_a")
    page.get_by_role("button", name="Chỉ định").click()
    expect(page.locator("table")).to_contain_text("officer_a")
    entry = WatchlistEntry.objects.get(external_id="HX-2")
    page.goto(f"{live_server.url}/watchlists/entries/{entry.pk}/")
    expect(page.locator("h1")).to_have_text("Vương Tiểu Minh")
    page.fill("#id_reason", "Đã hết căn cứ")
    page.get_by_role("button", name="Hủy hiệu lực").click()
    expect(page.locator(".messages")).to_contain_text("Đã hủy hiệu lực đối tượng")
    entry.refresh_from_db()
    assert not entry.is_active
