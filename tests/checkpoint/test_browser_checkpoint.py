"""The checkpoint screen, driven by the keyboard as an officer at Bắc Luân works."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bienphong.checkpoint.services import crossings
from tests.watchlists.conftest import watchlist  # noqa: F401  (fixture)
from tests.web.test_browser_home import sign_in

from .conftest import border_pass, korean, payload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_station(page, base_url, direction="entry"):
    sign_in(page, base_url, "officer_a")
    page.wait_for_url(f"{base_url}/")
    page.goto(f"{base_url}/checkpoint/?gate=CK-A&lane=3&direction={direction}")
    expect(page.locator("#id_mrz")).to_be_focused()


def scan(page, mrz):
    # A keyboard-wedge scanner types the lines with a line break between them.
    line1, line2 = mrz.split("\n")
    page.keyboard.type(line1)
    page.keyboard.press("Enter")
    page.keyboard.type(line2)
    page.keyboard.press("Enter")


def test_scan_then_admit_with_keys_and_next(live_server, page, configured, users):
    open_station(page, live_server.url)
    scan(page, korean())
    expect(page.get_by_test_id("traveller-name")).to_have_text("PARK JIHOON")
    expect(page.get_by_test_id("checks")).to_contain_text("Miễn thị thực")
    page.keyboard.press("a")
    expect(page.get_by_test_id("recorded")).to_contain_text("Cho qua")
    expect(page.get_by_test_id("counts")).to_contain_text("1 nhập")
    expect(page.locator("#id_mrz")).to_be_focused()
    expect(page.locator("#id_mrz")).to_have_value("")


def test_refuse_without_reason_is_rejected(live_server, page, configured, users):
    open_station(page, live_server.url)
    scan(page, korean())
    expect(page.get_by_test_id("traveller-name")).to_have_text("PARK JIHOON")
    page.keyboard.press("r")
    expect(page.locator("#id_reason_code")).to_be_focused()
    page.get_by_role("button", name="[R] Từ chối").click()
    expect(page.get_by_test_id("decide-errors")).to_contain_text("Phải nêu lý do")
    page.select_option("#id_reason_code", "no_visa")
    page.get_by_role("button", name="[R] Từ chối").click()
    expect(page.get_by_test_id("recorded")).to_contain_text("Từ chối")


def test_unreviewed_hit_blocks_admission(live_server, page, configured, users, watchlist):  # noqa: F811
    from bienphong.documents.specimens import passport_mrz

    open_station(page, live_server.url, direction="exit")
    scan(
        page,
        passport_mrz(
            surname="NGUYEN",
            given_names="VAN AN",
            number="B9999999",
            nationality="VNM",
            birth="800512",
            sex="M",
            expiry="320101",
        ),
    )
    expect(page.get_by_test_id("checks")).to_contain_text("Trùng danh sách đối tượng, chờ xử lý")
    expect(page.get_by_test_id("watchlist-hit")).to_contain_text("Không cho xuất cảnh")
    expect(page.get_by_role("button", name="[A] Cho qua")).to_be_disabled()
    page.keyboard.press("a")
    expect(page.get_by_test_id("recorded")).to_have_count(0)


def test_single_entry_pass_used_twice_is_flagged(live_server, page, configured, users):
    used = border_pass()
    used["decision"] = "admitted"
    crossings.crossing_record(actor=users["officer_a"], payload=used)
    open_station(page, live_server.url)
    page.locator("#short-form summary").click()
    form = border_pass()["document"]
    page.select_option("select[name=doc_type]", "border_area_pass")
    page.fill("input[name=number]", form["number"])
    page.fill("input[name=full_name]", form["full_name"])
    page.fill("input[name=nationality]", "CHN")
    page.fill("input[name=birth_date]", "01/04/1979")
    page.fill("input[name=issue_date]", "20/11/2026")
    page.fill("input[name=expiry_date]", "19/12/2026")
    page.select_option("select[name=entries]", "single")
    page.select_option("select[name=areas]", ["quang-ninh"])
    page.get_by_role("button", name="Kiểm tra (Enter)").click()
    expect(page.get_by_test_id("checks")).to_contain_text("Giấy thông hành một lần đã sử dụng")
    expect(page.get_by_role("button", name="[A] Cho qua")).to_be_disabled()


def test_overstayer_exiting_is_flagged(live_server, page, configured, users):
    crossings.crossing_record(
        actor=users["officer_a"],
        at=timezone.now() - dt.timedelta(days=60),
        payload=payload(korean(), decision="admitted"),
    )
    open_station(page, live_server.url, direction="exit")
    scan(page, korean())
    expect(page.get_by_test_id("checks")).to_contain_text("Quá hạn tạm trú")
    page.keyboard.press("a")
    expect(page.get_by_test_id("overstay")).to_contain_text("15")
    page.goto(f"{live_server.url}/checkpoint/overstays/")
    expect(page.get_by_test_id("overstay-table")).not_to_contain_text("PARK")


def test_health_declaration_made_in_advance_is_found_by_its_code(
    live_server, page, configured, users
):
    from bienphong.health import services as health

    declaration = health.declaration_submit(
        actor=None,
        data={
            "full_name": "PARK JIHOON",
            "document_type": "passport",
            "document_number": "M12345678",
            "nationality": "KOR",
            "date_of_birth": "15/03/1985",
            "sex": "M",
            "direction": "entry",
            "gate": "CK-A",
            "planned_date": timezone.localdate().isoformat(),
            "category": "tourist",
            "travel_days": 14,
            "travel_countries": [],
            "symptoms": [],
            "contact_with_case": False,
            "vaccinations": [],
            "phone": "+82 10 1234 5678",
            "email": "",
            "consent": True,
        },
    )
    open_station(page, live_server.url)
    code = declaration.code
    page.fill("#id_declaration_code", f"{code[:4].lower()}-{code[4:]}")
    page.locator("#id_mrz").focus()
    scan(page, korean())
    expect(page.get_by_test_id("checks")).to_contain_text("Tìm thấy tờ khai y tế")
    expect(page.get_by_test_id("checks")).to_contain_text(code)
