"""The screens people work in: task updates rolling up, overdue tasks on both
dashboards, the emulation workflow, and a commendation going up two levels."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from bienphong.org.roles import Role
from bienphong.resolutions import services
from bienphong.resolutions.models import CriterionKind
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}/")


def sign_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


def test_post_leader_updates_a_task_and_the_command_rollup_changes(live_server, page, live_plan):
    url = f"{live_server.url}/resolutions/{live_plan.resolution.pk}/"
    sign_in(page, live_server.url, "staff")
    page.goto(url)
    expect(page.get_by_test_id("overall-formula")).to_have_text("(1×20,0 + 1×100,0) ÷ 2 = 60,0")
    sign_out(page)

    sign_in(page, live_server.url, "commander_a")
    page.locator("nav.mainnav").get_by_role("link", name="Nghị quyết").click()
    page.get_by_role("link", name=live_plan.resolution.code, exact=False).click()
    page.get_by_role("link", name="Rà soát biên chế").click()
    page.fill("input[name=progress]", "80")
    page.fill("input[name=comment]", "Đã rà soát 4/5 tổ công tác")
    page.get_by_role("button", name="Lưu tiến độ").click()
    expect(page.get_by_test_id("task-progress")).to_have_text("80")
    expect(page.get_by_text("Đã rà soát 4/5 tổ công tác")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server.url, "staff")
    page.goto(url)
    expect(page.get_by_test_id("overall-value")).to_have_text("70,0%")
    expect(page.get_by_test_id("overall-formula")).to_have_text("(1×40,0 + 1×100,0) ÷ 2 = 70,0")
    item = page.get_by_test_id(f"row-I{live_plan.i1a.pk}")
    expect(item).to_contain_text("(1×0,0 + 1×80,0) ÷ 2 = 40,0")


def test_an_overdue_task_appears_in_both_dashboards(live_server, page, live_plan):
    title = live_plan.task_overdue.title
    sign_in(page, live_server.url, "commander_a")
    page.goto(f"{live_server.url}/resolutions/{live_plan.resolution.pk}/")
    expect(page.get_by_test_id("overall")).to_contain_text("Tiến độ của Đơn vị DBP-A")
    expect(page.get_by_test_id("overdue-list")).to_contain_text(title)
    expect(page.get_by_test_id("overdue-by-unit")).to_contain_text("Đơn vị DBP-A")
    sign_out(page)

    sign_in(page, live_server.url, "staff")
    page.goto(f"{live_server.url}/resolutions/{live_plan.resolution.pk}/")
    expect(page.get_by_test_id("overall")).to_contain_text("Tổng quan thực hiện Nghị quyết")
    expect(page.get_by_test_id("overdue-list")).to_contain_text(title)
    expect(page.get_by_test_id("status-counts")).to_contain_text("Quá hạn: 1")
    expect(page.get_by_test_id("targets")).to_contain_text("CT1")
    page.goto(f"{live_server.url}/resolutions/")
    expect(page.get_by_test_id("overdue-tasks")).to_contain_text(title)


def test_self_assessment_is_reviewed_approved_locked_and_ranked(live_server, page, tree, users):
    staff = users["staff"]
    movement = services.movement_create(
        actor=staff,
        unit=tree.command,
        title="Thi đua Quyết thắng",
        start=tree_today(),
        end=tree_today(),
    )
    services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC1",
        name="Hoàn thành nhiệm vụ",
        kind=CriterionKind.POINTS,
        max_points=Decimal(50),
    )
    services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC2",
        name="Vi phạm kỷ luật",
        kind=CriterionKind.PENALTY,
        max_points=Decimal(10),
    )
    services.registration_create(actor=staff, movement=movement, unit=tree.post_a)
    url = f"{live_server.url}/resolutions/movements/{movement.pk}/?period=2025"

    sign_in(page, live_server.url, "commander_a")
    page.goto(url)
    form = page.get_by_test_id("self-assessment")
    form.get_by_label("TC1").fill("48")
    form.get_by_label("TC2").fill("2")
    form.get_by_role("button", name="Gửi kết quả tự chấm").click()
    expect(page.get_by_test_id("sheets")).to_contain_text("Tự chấm")
    expect(page.get_by_test_id("ranking")).to_contain_text("Chưa có kết quả đã khóa")
    sign_out(page)

    sign_in(page, live_server.url, "staff")
    page.goto(url)
    page.get_by_test_id("sheets").get_by_role("link").click()
    page.get_by_label("TC1").fill("45")
    page.get_by_role("button", name="Lưu thẩm định").click()
    expect(page.get_by_test_id("sheet-state")).to_have_text("Cấp trên đã thẩm định")
    expect(page.get_by_test_id("computed-score")).to_have_text("43,00")
    page.get_by_role("button", name="Phê duyệt điểm").click()
    expect(page.get_by_test_id("approved-score")).to_have_text("43,00")
    page.get_by_role("button", name="Khóa kết quả").click()
    expect(page.get_by_test_id("sheet-state")).to_have_text("Đã khóa")
    page.goto(url)
    expect(page.get_by_test_id("ranking")).to_contain_text("Đơn vị DBP-A")
    expect(page.get_by_test_id("ranking")).to_contain_text("43")


def tree_today():
    from django.utils import timezone

    return timezone.localdate()


def test_a_commendation_goes_up_two_levels_and_gets_its_decision(live_server, page, tree, users):
    gate_leader = make_user(Role.POST_COMMANDER, tree.gate_a, username="to_truong")
    proposal = services.proposal_create(
        actor=gate_leader,
        proposing_unit=tree.gate_a,
        nominee_unit=tree.gate_a,
        nominee_person=gate_leader,
        form="Chiến sĩ thi đua cơ sở",
        level="Bộ Chỉ huy",
        year=2025,
        reason="Hoàn thành xuất sắc nhiệm vụ kiểm soát xuất nhập cảnh",
    )
    url = f"{live_server.url}/resolutions/proposals/{proposal.pk}/"

    sign_in(page, live_server.url, "to_truong")
    page.goto(url)
    page.get_by_role("button", name="Chuyển lên cấp trên").click()
    expect(page.get_by_test_id("proposal-holder")).to_have_text("Đơn vị DBP-A")
    sign_out(page)

    sign_in(page, live_server.url, "commander_a")
    page.goto(f"{live_server.url}/resolutions/proposals/")
    page.get_by_test_id("proposals").get_by_role("link", name="Chiến sĩ thi đua cơ sở").click()
    page.get_by_role("button", name="Chuyển lên cấp trên").click()
    expect(page.get_by_test_id("proposal-holder")).to_have_text("Đơn vị QN")
    expect(page.get_by_role("button", name="Chuyển lên cấp trên")).to_have_count(0)
    sign_out(page)

    sign_in(page, live_server.url, "staff")
    page.goto(url)
    page.get_by_role("button", name="Duyệt").click()
    expect(page.get_by_test_id("proposal-state")).to_have_text("Đã duyệt")
    page.fill("input[name=decision_number]", "215/QĐ-BCH")
    page.get_by_role("button", name="Ghi nhận quyết định").click()
    expect(page.get_by_test_id("decision")).to_contain_text("215/QĐ-BCH")
    transitions = page.get_by_test_id("transitions")
    expect(transitions.locator("tbody tr")).to_have_count(5)
    with page.expect_download() as download:
        page.get_by_test_id("decision-pdf").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
