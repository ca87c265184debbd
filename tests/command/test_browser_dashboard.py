"""The dashboard in a browser: charts drawn, and a chart's table equals the API's numbers."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.web.test_browser_home import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chart_and_its_table_match_the_api(
    live_server: Any, page: Any, users: Any, traffic: Any
) -> None:
    sign_in(page, live_server.url, "staff")
    page.wait_for_url(f"{live_server.url}/")
    day = traffic["today"].isoformat()
    page.goto(f"{live_server.url}/command/?from={day}&to={day}")
    canvas = page.locator("#canvas-gate")
    expect(canvas).to_be_visible()
    # Chart.js has drawn into the canvas (it marks it once done).
    expect(canvas).to_have_attribute("data-drawn", "1")
    table = page.get_by_test_id("table-gate")
    expect(table).to_be_hidden()
    toggle = page.locator('[data-table-toggle="table-gate"]')
    toggle.click()
    expect(table).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    shown = {
        row.locator("th").inner_text(): [int(td.inner_text()) for td in row.locator("td").all()]
        for row in table.locator("tbody tr").all()
    }
    api = page.request.get(
        f"{live_server.url}/api/v1/stats/crossings?from={day}&to={day}&group_by=gate"
    ).json()
    assert shown == {row["label"]: [row["entries"], row["exits"]] for row in api}
    assert sum(sum(v) for v in shown.values()) == 9
