"""Filter the crossings list, export it as XLSX, watch the progress bar, download it."""

from __future__ import annotations

import pytest
from django.http import QueryDict
from openpyxl import load_workbook
from playwright.sync_api import expect

from bienphong.checkpoint import selectors
from tests.web.test_browser_home import sign_in

from .conftest import make_crossings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_export_xlsx_progress_and_download(live_server, page, tree, users, settings):
    # A real background job (not inline) in small chunks, so the page polls its progress.
    settings.BIENPHONG_INLINE_JOBS = False
    settings.BIENPHONG_EXPORT_CHUNK = 100
    make_crossings(tree.gate_a, 600, officer=users["officer_a"], nationality="KOR")
    make_crossings(tree.gate_a, 40, officer=users["officer_a"], nationality="CHN", name="Lý Văn")
    sign_in(page, live_server.url, "officer_a")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/checkpoint/crossings/")
    page.fill("input[name=nationality]", "CHN")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**nationality=CHN**")
    expect(page.get_by_test_id("crossing-table").locator("tbody tr")).to_have_count(40)

    page.get_by_test_id("export-xlsx").click()
    page.wait_for_url("**/exports/*/")
    progress = page.get_by_test_id("export-progress")
    expect(progress).to_have_attribute("data-status", "done", timeout=30_000)
    expect(page.get_by_test_id("export-bar")).to_have_attribute("value", "100")
    expect(page.get_by_test_id("export-percent")).to_have_text("100 %")

    with page.expect_download() as download_info:
        page.get_by_test_id("export-download").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    with open(download.path(), "rb") as stream:
        rows = list(load_workbook(stream, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Số", "Thời gian", "Cửa khẩu")
    expected = list(
        selectors.crossings_from_params(users["officer_a"], QueryDict("nationality=CHN"))
    )
    assert [r[0] for r in rows[1:]] == [c.pk for c in expected] and len(expected) == 40
    assert all(r[5].startswith("Lý Văn") for r in rows[1:])

    # The whole list, big enough to see the bar move before it completes.
    page.goto(f"{live_server.url}/checkpoint/crossings/")
    page.get_by_test_id("export-csv").click()
    page.wait_for_url("**/exports/*/")
    expect(page.get_by_test_id("export-progress")).to_have_attribute(
        "data-status", "done", timeout=30_000
    )
    expect(page.get_by_test_id("export-percent")).to_have_text("100 %")
    page.goto(f"{live_server.url}/exports/")
    expect(page.get_by_test_id("export-table").locator("tbody tr")).to_have_count(2)
