"""Authoring in the browser: command staff create a resolution with an area and a
target; a post commander builds the post's program from the command's item, adds a
task with a milestone, attaches a document file and downloads it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bienphong.resolutions.models import Resolution

from .test_browser_resolutions import sign_in, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDF = b"%PDF-1.4\nchuong trinh hanh dong"


def submit(form):
    form.locator("button[type=submit]").click()


def test_staff_author_a_resolution_and_a_post_builds_its_program(live_server, page, tree, users):
    base = live_server.url
    sign_in(page, base, "staff")
    page.goto(f"{base}/resolutions/")
    page.get_by_test_id("new-resolution").click()
    form = page.get_by_test_id("resolution-form")
    form.locator("[name=code]").fill("NQ-19")
    form.locator("[name=title]").fill("Nghị quyết Đại hội XIX")
    form.locator("[name=issuing_body]").fill("Đảng bộ BĐBP tỉnh")
    form.locator("[name=term_start]").fill("2025")
    form.locator("[name=term_end]").fill("2030")
    form.locator("[name=issued_on]").fill("2025-09-01")
    submit(form)

    area_form = page.get_by_test_id("area-form")
    area_form.locator("[name=a-kind]").select_option("breakthrough")
    area_form.locator("[name=a-code]").fill("ĐP1")
    area_form.locator("[name=a-title]").fill("Cải cách hành chính")
    submit(area_form)
    expect(page.get_by_test_id("areas")).to_contain_text("ĐP1")

    target_form = page.get_by_test_id("target-form")
    target_form.locator("[name=t-code]").fill("CT1")
    target_form.locator("[name=t-title]").fill("Thủ tục điện tử")
    target_form.locator("[name=t-area]").select_option(index=1)
    target_form.locator("[name=t-measure_unit]").fill("%")
    target_form.locator("[name=t-baseline]").fill("60")
    target_form.locator("[name=t-target_value]").fill("95")
    target_form.locator("[name=t-direction]").select_option("at_least")
    target_form.locator("[name=t-deadline]").fill("2030-12-31")
    submit(target_form)
    expect(page.get_by_test_id("target-list")).to_contain_text("CT1")

    page.get_by_test_id("program-link").click()
    program_form = page.get_by_test_id("program-form")
    program_form.locator("[name=p-title]").fill("CTHĐ của Bộ Chỉ huy")
    submit(program_form)
    item_form = page.get_by_test_id("item-form")
    item_form.locator("[name=i-code]").fill("1")
    item_form.locator("[name=i-title]").fill("Số hóa thủ tục")
    item_form.locator("[name=i-area]").select_option(index=1)
    submit(item_form)
    expect(page.get_by_test_id("items")).to_contain_text("Số hóa thủ tục")
    sign_out(page)

    resolution = Resolution.objects.get(code="NQ-19")
    sign_in(page, base, "commander_a")
    page.goto(f"{base}/resolutions/{resolution.pk}/program/?unit=DBP-A")
    program_form = page.get_by_test_id("program-form")
    program_form.locator("[name=p-title]").fill("CTHĐ của Đồn A")
    program_form.locator("[name=p-parent]").select_option(index=1)
    submit(program_form)
    item_form = page.get_by_test_id("item-form")
    item_form.locator("[name=i-code]").fill("1.1")
    item_form.locator("[name=i-title]").fill("Số hóa thủ tục tại Đồn A")
    item_form.locator("[name=i-parent]").select_option(index=1)
    submit(item_form)
    expect(page.get_by_test_id("items")).to_contain_text("Số hóa thủ tục tại Đồn A")

    task_form = page.get_by_test_id("task-form")
    task_form.locator("[name=t-title]").fill("Triển khai phần mềm")
    task_form.locator("[name=t-owner]").select_option("commander_a")
    task_form.locator("[name=t-start]").fill("2025-09-01")
    task_form.locator("[name=t-deadline]").fill("2026-06-30")
    submit(task_form)
    expect(page.get_by_test_id("task-title")).to_have_text("Triển khai phần mềm")
    milestone_form = page.get_by_test_id("milestone-form")
    milestone_form.locator("[name=title]").fill("Cài đặt thử nghiệm")
    milestone_form.locator("[name=due]").fill("2025-12-01")
    submit(milestone_form)
    expect(page.get_by_test_id("milestones")).to_contain_text("Cài đặt thử nghiệm")

    page.goto(f"{base}/resolutions/{resolution.pk}/manage/")
    document_form = page.get_by_test_id("document-form")
    document_form.locator("[name=d-unit]").select_option("DBP-A")
    document_form.locator("[name=d-kind]").select_option("action_program")
    document_form.locator("[name=d-number]").fill("12/CTr-ĐBP")
    document_form.locator("[name=d-issued_on]").fill("2025-09-15")
    document_form.locator("[name=d-signer]").fill("Đồn trưởng")
    document_form.locator("[name=d-title]").fill("Chương trình hành động của Đồn A")
    submit(document_form)
    expect(page.get_by_test_id("document-title")).to_contain_text("12/CTr-ĐBP")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "ctr-don-a.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.locator("input[name=file]").locator("xpath=..").locator("button").click()
    expect(page.get_by_test_id("attachments")).to_contain_text("ctr-don-a.pdf")
    with page.expect_download() as download:
        page.get_by_test_id("attachments").get_by_role("link", name="ctr-don-a.pdf").click()
    assert download.value.suggested_filename == "ctr-don-a.pdf"
    with open(download.value.path(), "rb") as handle:
        assert handle.read() == PDF
