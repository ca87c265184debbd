"""The seaport portal in a browser: an agent files, an officer answers, permits verify."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienphong.ports import permits
from bienphong.ports.models import Permit
from tests.web.test_browser_home import sign_in

from .conftest import crew_rows, make_filing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "Họ / Family name,Tên / Given names,Chức danh / Rank,Quốc tịch / Nationality,"
HEADER += "Ngày sinh / Date of birth,Giới tính / Sex,Loại giấy tờ / Document type,"
HEADER += "Số giấy tờ / Document number,Ngày hết hạn / Expiry date"


def csv_of(rows):
    lines = [HEADER]
    for r in rows:
        lines.append(
            ",".join(
                r[k]
                for k in (
                    "family_name",
                    "given_names",
                    "rank",
                    "nationality",
                    "birth_date",
                    "sex",
                    "doc_type",
                    "doc_number",
                    "doc_expiry",
                )
            )
        )
    return "\n".join(lines).encode("utf-8")


def upload(page, content):
    page.set_input_files(
        "#id_crew_file", files=[{"name": "crew.csv", "mimeType": "text/csv", "buffer": content}]
    )
    page.get_by_test_id("upload-crew").click()


def test_agent_and_officer_clear_a_vessel(live_server, page, browser, users, ports):
    filing = make_filing(users["agent_a"], crew=0)
    base = live_server.url
    # The agent uploads a list with three mistakes on three rows and sees all of them.
    sign_in(page, base, "agent_a")
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/ports/filings/{filing.pk}/")
    bad = crew_rows(3)
    bad[0]["sex"] = "?"
    bad[1]["nationality"] = "Atlantis"
    bad[2]["birth_date"] = "31/02/1990"
    upload(page, csv_of(bad))
    expect(page.get_by_test_id("list-error")).to_have_count(3)
    expect(page.get_by_test_id("list-errors")).to_contain_text("Giới tính phải là M, F hoặc X.")
    expect(page.get_by_test_id("list-errors")).to_contain_text("Không nhận ra quốc tịch")
    expect(page.get_by_test_id("crew-table")).to_contain_text("Danh sách chưa có ai.")
    upload(page, csv_of(crew_rows(3)))
    expect(page.get_by_test_id("crew-table")).to_contain_text("NGUYEN VAN MINH")
    expect(page.get_by_test_id("crew-table")).to_contain_text("Nguyễn Văn Minh")
    page.get_by_test_id("submit-filing").click()
    expect(page.get_by_test_id("filing-status")).to_have_text("Đã gửi")

    # The officer sees it in the queue and asks for a correction of row 2.
    officer_context = browser.new_context(viewport={"width": 1280, "height": 900})
    officer = officer_context.new_page()
    officer.set_default_timeout(10_000)
    sign_in(officer, base, "officer_a")
    officer.wait_for_url(f"{base}/")
    officer.goto(f"{base}/ports/queue/")
    officer.get_by_test_id(f"queue-row-{filing.pk}").get_by_role("link").click()
    expect(officer.get_by_test_id("clock")).to_contain_text("phút")
    officer.fill("#id_c0_row", "2")
    officer.fill("#id_c0_message", "Sai số hộ chiếu")
    officer.get_by_test_id("request-correction").click()
    expect(officer.get_by_test_id("filing-status")).to_have_text("Yêu cầu bổ sung, sửa đổi")

    # The agent sees the comment on row 2, fixes that row in the table and resubmits.
    page.reload()
    expect(page.get_by_test_id("corrections")).to_contain_text("dòng 2: Sai số hộ chiếu")
    page.get_by_test_id("edit-crew").click()
    page.fill('input[name="r1-doc_number"]', "C7654321")
    page.get_by_test_id("save-list").click()
    expect(page.get_by_test_id("crew-table")).to_contain_text("C7654321")
    page.get_by_test_id("submit-filing").click()
    expect(page.get_by_test_id("filing-status")).to_have_text("Đã gửi lại")

    # The officer approves and issues shore-leave permits to the first two crew members.
    officer.reload()
    officer.get_by_test_id("approve").click()
    expect(officer.get_by_test_id("clearance-number")).to_contain_text("BP-VNCLN-")
    officer.locator('input[name="positions"][value="1"]').check()
    officer.locator('input[name="positions"][value="2"]').check()
    officer.get_by_test_id("issue-shore-leave").click()
    expect(officer.get_by_test_id("permits")).to_contain_text("DB-")

    # The agent downloads a permit as PDF.
    page.reload()
    expect(page.get_by_test_id("filing-status")).to_have_text("Đã chấp thuận")
    permit = Permit.objects.order_by("pk").first()
    with page.expect_download() as info:
        page.get_by_test_id(f"permit-pdf-{permit.number}").click()
    path = info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(4) == b"%PDF"

    # The QR token verifies; a forged one does not.
    token = permits.permit_token(permit)
    officer.goto(f"{base}/ports/permits/verify/?token={token}")
    expect(officer.get_by_test_id("verdict")).to_contain_text("Hợp lệ")
    expect(officer.get_by_test_id("verdict")).to_contain_text("Nguyễn Văn Minh")
    officer.goto(f"{base}/ports/permits/verify/?token={token[:-3]}abc")
    expect(officer.get_by_test_id("verdict")).to_contain_text("Giả mạo")
    officer_context.close()
