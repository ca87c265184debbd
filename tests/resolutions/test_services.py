"""Services: the cascade, scope and roles, progress, audit, inspections, emulation,
commendations, reminders, indicator snapshots, reports and the demo."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from bienphong.audit.models import AuditEntry
from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.notifications.models import Notification
from bienphong.org.roles import Role
from bienphong.resolutions import selectors, services
from bienphong.resolutions.access import NOT_IN_CHAIN
from bienphong.resolutions.attachments import BAD_TYPE, MISMATCH, TOO_LARGE
from bienphong.resolutions.models import (
    Assessment,
    CriterionKind,
    IndicatorSnapshot,
    ProposalState,
    SheetState,
)
from bienphong.resolutions.selectors.progress import progress, ranking, targets
from bienphong.resolutions.services.jobs import send_reminders, take_snapshots
from tests.factories import make_user

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def test_the_rollup_follows_the_cascade(plan, tree):
    state = progress(resolution=plan.resolution, unit=tree.command, today=TODAY)
    # ĐP1: item 1 <- item 1.1 <- tasks (40 %, 0 %) = 20; ĐP2: item 2 <- task done = 100.
    assert state.value == pytest.approx(60)
    assert state.formula == "(1×20.0 + 1×100.0) ÷ 2 = 60.0"
    assert state.status_counts == {
        "done_on_time": 1,
        "done_late": 0,
        "open_within_deadline": 1,
        "open_overdue": 1,
    }
    assert [t.pk for t in state.overdue] == [plan.task_overdue.pk]
    post = progress(resolution=plan.resolution, unit=tree.post_a, today=TODAY)
    assert post.value == pytest.approx(10)  # only ĐP1 has post A items; ĐP2 counts 0


def test_a_unit_cannot_link_outside_its_chain_of_command(plan, tree, users):
    staff = users["staff"]
    # Post B may not build its program from post A's program (a sibling, not a superior).
    with pytest.raises(ValidationFailed) as error:
        services.program_create(
            actor=staff,
            resolution=plan.resolution,
            unit=tree.post_b,
            title="CTHĐ Đồn B",
            parent=plan.post_program,
        )
    assert error.value.fields == {"parent": [str(NOT_IN_CHAIN)]}
    program_b = services.program_create(
        actor=staff,
        resolution=plan.resolution,
        unit=tree.post_b,
        title="CTHĐ Đồn B",
        parent=plan.command_program,
    )
    with pytest.raises(ValidationFailed) as error:
        services.item_create(actor=staff, program=program_b, code="1.1", title="x", parent=plan.i1a)
    assert error.value.fields == {"parent": [str(NOT_IN_CHAIN)]}
    with pytest.raises(ValidationFailed) as error:  # below the command an item links up
        services.item_create(actor=staff, program=program_b, code="9", title="x", area=plan.b1)
    assert "parent" in error.value.fields
    ok = services.item_create(actor=staff, program=program_b, code="1.2", title="x", parent=plan.i1)
    assert ok.area == plan.b1


def test_roles_and_scope(plan, tree, users):
    with pytest.raises(NotFound):  # commander A cannot plan for post B
        services.program_create(
            actor=users["commander_a"],
            resolution=plan.resolution,
            unit=tree.post_b,
            title="x",
            parent=plan.command_program,
        )
    with pytest.raises(PermissionDenied):  # auditors read only
        services.task_update_progress(actor=users["auditor"], task=plan.task_post, progress=90)
    with pytest.raises(PermissionDenied):  # officers do not update the post's tasks
        services.task_update_progress(actor=users["officer_a"], task=plan.task_post, progress=90)
    with pytest.raises(NotFound):  # agents see nothing of this module
        selectors.resolution_list(actor=users["agent_a"])
    assert selectors.task_list(actor=users["officer_b"]).count() == 0
    assert set(selectors.task_list(actor=users["commander_a"])) == {
        plan.task_post,
        plan.task_overdue,
    }
    assert selectors.task_list(actor=users["auditor"]).count() == 3
    assert list(selectors.resolution_list(actor=users["officer_b"])) == [plan.resolution]
    with pytest.raises(NotFound):
        selectors.task_get(actor=users["officer_b"], pk=plan.task_post.pk)


def test_progress_update_is_audited_and_closes_the_task(plan, users):
    commander = users["commander_a"]
    before = AuditEntry.objects.filter(event="resolutions.task.progress").count()
    services.task_update_progress(
        actor=commander, task=plan.task_overdue, progress=100, comment="Xong", today=TODAY
    )
    plan.task_overdue.refresh_from_db()
    assert plan.task_overdue.completed_on == TODAY
    entry = AuditEntry.objects.filter(event="resolutions.task.progress").latest("id")
    assert AuditEntry.objects.filter(event="resolutions.task.progress").count() == before + 1
    assert entry.before["progress"] == 0 and entry.after["progress"] == 100
    with pytest.raises(Conflict):
        services.task_update_progress(actor=commander, task=plan.task_overdue, progress=100)
    with pytest.raises(ValidationFailed) as error:
        services.task_update_progress(actor=commander, task=plan.task_post, progress=10)
    assert "comment" in error.value.fields
    with pytest.raises(ValidationFailed):
        services.task_update_progress(actor=commander, task=plan.task_post, progress=101)


def test_manual_assessment_stands_beside_the_computed_value(plan, tree, users):
    services.assessment_add(
        actor=users["staff"], area=plan.b1, progress=80, comment="Hội nghị sơ kết"
    )
    state = progress(resolution=plan.resolution, unit=tree.command, today=TODAY)
    b1 = state.areas[0]
    assert b1.value == pytest.approx(20)  # computed value unchanged
    assert b1.assessment is not None and b1.assessment.progress == 80
    assert b1.assessment.assessed_by == users["staff"]
    with pytest.raises(ValidationFailed):
        services.assessment_add(actor=users["staff"], area=plan.b1, progress=80, comment=" ")
    assert Assessment.objects.count() == 1


def test_owner_must_belong_to_the_task_unit(plan, tree, users):
    with pytest.raises(ValidationFailed) as error:
        services.task_create(
            actor=users["staff"],
            item=plan.i1a,
            unit=tree.post_a,
            owner=users["officer_b"],
            title="x",
            start=TODAY,
            deadline=TODAY,
        )
    assert "owner" in error.value.fields
    with pytest.raises(ValidationFailed) as error:
        services.task_create(
            actor=users["staff"],
            item=plan.i1a,
            unit=tree.post_b,
            owner=users["staff"],
            title="x",
            start=TODAY,
            deadline=TODAY,
        )
    assert "unit" in error.value.fields


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def test_attachments_are_size_and_type_checked(plan, users):
    commander = users["commander_a"]
    attachment = services.attachment_add(
        actor=commander, task=plan.task_post, name="bien-ban.pdf", data=PDF
    )
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    assert attachment.file.read() == PDF
    cases = [
        ("script.exe", b"MZ\x90\x00", BAD_TYPE),
        ("fake.pdf", b"<html>not a pdf</html>", MISMATCH),
        ("photo.png", PDF, MISMATCH),
        ("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), TOO_LARGE),
    ]
    for name, data, message in cases:
        with pytest.raises(ValidationFailed) as error:
            services.attachment_add(actor=commander, task=plan.task_post, name=name, data=data)
        assert error.value.fields == {"file": [str(message)]}


def test_inspection_recommendation_becomes_a_follow_up_task(plan, tree, users):
    staff = users["staff"]
    inspection = services.inspection_create(
        actor=staff,
        inspecting_unit=tree.command,
        inspected_unit=tree.post_a,
        team="Ủy ban Kiểm tra",
        scope="Khâu đột phá 1",
        start=TODAY,
        end=TODAY,
        resolution=plan.resolution,
    )
    finding = services.finding_add(actor=staff, inspection=inspection, text="Thiếu hồ sơ")
    recommendation = services.recommendation_add(
        actor=staff,
        inspection=inspection,
        finding=finding,
        text="Bổ sung hồ sơ",
        owner=users["commander_a"],
        start=TODAY,
        deadline=TODAY + timedelta(days=10),
    )
    task = recommendation.follow_up
    assert task.unit == tree.post_a and task.item is None
    assert task in selectors.task_list(actor=users["commander_a"], resolution=plan.resolution)
    with pytest.raises(ValidationFailed):  # a post does not inspect its superior
        services.inspection_create(
            actor=staff,
            inspecting_unit=tree.post_a,
            inspected_unit=tree.command,
            team="x",
            scope="x",
            start=TODAY,
            end=TODAY,
        )


@pytest.fixture
def movement(tree, users):
    staff = users["staff"]
    movement = services.movement_create(
        actor=staff, unit=tree.command, title="Thi đua Quyết thắng", start=TODAY, end=TODAY
    )
    c1 = services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC1",
        name="Nhiệm vụ",
        kind=CriterionKind.POINTS,
        max_points=Decimal(50),
    )
    c2 = services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC2",
        name="Vi phạm",
        kind=CriterionKind.PENALTY,
        max_points=Decimal(10),
    )
    return movement, c1, c2


def test_emulation_self_assessment_review_approval_lock_ranking(movement, tree, users):
    movement, c1, c2 = movement
    staff, commander = users["staff"], users["commander_a"]
    registration = services.registration_create(actor=staff, movement=movement, unit=tree.post_a)
    sheet = services.sheet_self_assess(
        actor=commander,
        registration=registration,
        period="2025",
        points={c1.pk: Decimal(48), c2.pk: Decimal(2)},
    )
    assert sheet.state == SheetState.SUBMITTED and sheet.computed_score == Decimal(46)
    with pytest.raises(PermissionDenied):  # a unit does not review itself
        services.sheet_review(actor=commander, sheet=sheet, points={})
    with pytest.raises(PermissionDenied):  # nor does staff self-assess for the post
        services.sheet_self_assess(actor=staff, registration=registration, period="2025", points={})
    with pytest.raises(ValidationFailed):
        services.sheet_review(actor=staff, sheet=sheet, points={c1.pk: Decimal(60)})
    sheet = services.sheet_review(actor=staff, sheet=sheet, points={c1.pk: Decimal(45)})
    assert sheet.computed_score == Decimal(43)
    assert ranking(movement=movement, period="2025") == []  # not locked: not published
    with pytest.raises(ValidationFailed):  # overriding needs a reason
        services.sheet_approve(actor=staff, sheet=sheet, score=Decimal(44))
    sheet = services.sheet_approve(
        actor=staff, sheet=sheet, score=Decimal(44), reason="Thành tích đột xuất"
    )
    assert sheet.computed_score == Decimal(43) and sheet.approved_score == Decimal(44)
    assert sheet.approved_by == staff
    services.sheet_lock(actor=staff, sheet=sheet)
    with pytest.raises(Conflict):
        services.sheet_lock(actor=staff, sheet=sheet)
    with pytest.raises(Conflict):
        services.sheet_self_assess(
            actor=commander, registration=registration, period="2025", points={}
        )
    ((entry, ranked),) = ranking(movement=movement, period="2025")
    assert entry.rank == 1 and entry.score == 44 and ranked == sheet
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {"resolutions.sheet.approve", "resolutions.sheet.lock"} <= events


def test_commendation_goes_up_two_levels_with_a_transitions_history(tree, users):
    gate_leader = make_user(Role.POST_COMMANDER, tree.gate_a, username="to_truong")
    commander, staff = users["commander_a"], users["staff"]
    proposal = services.proposal_create(
        actor=gate_leader,
        proposing_unit=tree.gate_a,
        nominee_unit=tree.gate_a,
        nominee_person=gate_leader,
        form="Chiến sĩ thi đua cơ sở",
        level="Bộ Chỉ huy",
        year=2025,
        reason="Xuất sắc",
    )
    services.proposal_forward(actor=gate_leader, proposal=proposal)
    with pytest.raises(PermissionDenied):  # only the holder (post A) acts now
        services.proposal_approve(actor=staff, proposal=proposal)
    proposal = services.proposal_forward(actor=commander, proposal=proposal)
    assert proposal.holder == tree.command
    proposal = services.proposal_return(
        actor=staff, proposal=proposal, comment="Bổ sung minh chứng"
    )
    assert proposal.holder == tree.post_a and proposal.state == ProposalState.RETURNED
    proposal = services.proposal_forward(actor=commander, proposal=proposal)
    with pytest.raises(Conflict):
        services.proposal_forward(actor=staff, proposal=proposal)  # top of the chain
    with pytest.raises(Conflict):
        services.proposal_decide(
            actor=staff, proposal=proposal, decision_number="1", decision_date=TODAY
        )
    services.proposal_approve(actor=staff, proposal=proposal)
    proposal = services.proposal_decide(
        actor=staff, proposal=proposal, decision_number="215/QĐ-BCH", decision_date=TODAY
    )
    assert proposal.state == ProposalState.DECIDED and proposal.decided_by_unit == tree.command
    history = list(proposal.transitions.values_list("action", "to_unit__code"))
    assert history == [
        ("create", "CK-A"),
        ("forward", "DBP-A"),
        ("forward", "QN"),
        ("return", "DBP-A"),
        ("forward", "QN"),
        ("approve", "QN"),
        ("decide", "QN"),
    ]
    from bienphong.resolutions.exports import decision_pdf

    assert decision_pdf(proposal).startswith(b"%PDF")


def test_reminders_notify_owner_and_commanders_once_a_day(plan, tree, users):
    mail.outbox.clear()
    staff_task_owner = users["staff"]
    report = send_reminders(today=TODAY, days=7)
    # task_overdue (owner commander A) is overdue; task_post due 31/12 is not due soon.
    assert report.tasks == 1
    notes = Notification.objects.filter(kind="resolutions.task_overdue")
    assert {n.recipient.username for n in notes} == {"commander_a"}
    again = send_reminders(today=TODAY, days=7)
    assert again.notices == 0
    assert Notification.objects.filter(kind__startswith="resolutions.").count() == 1
    owner_b = make_user(Role.CHECKPOINT_OFFICER, tree.gate_a, username="officer_gate")
    task = services.task_create(
        actor=staff_task_owner,
        item=plan.i1a,
        unit=tree.gate_a,
        owner=owner_b,
        title="Sắp đến hạn",
        start=TODAY,
        deadline=TODAY + timedelta(days=3),
    )
    send_reminders(today=TODAY + timedelta(days=1), days=7)
    due = Notification.objects.filter(kind="resolutions.task_due", url__endswith=f"/{task.pk}/")
    # the owner and the commander of post A above the gate
    assert {n.recipient.username for n in due} == {"officer_gate", "commander_a"}


def test_remind_command(plan):
    out = io.StringIO()
    call_command("resolutions", "remind", "--days", "3", "--date", "2025-06-15", stdout=out)
    assert "1 tasks" in out.getvalue()


def test_snapshots_give_targets_history_and_trend(plan, tree, users):
    take_snapshots(today=TODAY - timedelta(days=1), units=[tree.command])
    services.task_update_progress(
        actor=users["commander_a"], task=plan.task_overdue, progress=100, today=TODAY
    )
    take_snapshots(today=TODAY, units=[tree.command])
    take_snapshots(today=TODAY, units=[tree.command])  # idempotent per day
    assert IndicatorSnapshot.objects.filter(indicator="resolutions.tasks_overdue").count() == 2
    (view,) = targets(resolution=plan.resolution, today=TODAY)
    assert view.source == "indicator" and len(view.history) == 2
    # The one task due in the last 30 days was done, but late.
    assert view.current == Decimal("0.00") and view.attainment == 0
    assert view.trend == Decimal(0)
    overdue = IndicatorSnapshot.objects.filter(indicator="resolutions.tasks_overdue")
    assert [s.value for s in overdue.order_by("taken_on")] == [Decimal(1), Decimal(0)]
    out = io.StringIO()
    call_command("resolutions", "snapshot", "--date", "2025-06-15", stdout=out)
    assert "indicator values stored" in out.getvalue()


def test_report_is_frozen_when_submitted(plan, tree, users):
    report = services.report_submit(
        actor=users["commander_a"], resolution=plan.resolution, unit=tree.post_a, period_end=TODAY
    )
    frozen = report.data
    services.task_update_progress(actor=users["commander_a"], task=plan.task_post, progress=90)
    report.refresh_from_db()
    assert report.data == frozen and frozen["value"] == 10.0
    with pytest.raises(Conflict):
        services.report_submit(
            actor=users["commander_a"],
            resolution=plan.resolution,
            unit=tree.post_a,
            period_end=TODAY,
        )
    from bienphong.resolutions.exports import report_pdf, report_xlsx

    assert report_pdf(frozen, title="BÁO CÁO").startswith(b"%PDF")
    assert report_xlsx(frozen).startswith(b"PK")


def test_demo_loads_once(db):
    from bienphong.org import demo as org_demo
    from bienphong.org.demo import DemoReport
    from bienphong.resolutions import demo
    from bienphong.resolutions.models import Document, Program, Task

    org_demo.load(DemoReport())
    demo.load(DemoReport())
    counts = (Document.objects.count(), Program.objects.count(), Task.objects.count())
    assert Document.objects.filter(kind="regulation").count() == 12
    assert Document.objects.filter(kind="assignment_decision").count() == 2
    assert Document.objects.filter(kind="action_program").count() == 4
    report = DemoReport()
    demo.load(report)
    assert report.unchanged == 1
    assert (Document.objects.count(), Program.objects.count(), Task.objects.count()) == counts
    from bienphong.org.models import Unit
    from bienphong.resolutions.models import Resolution

    resolution = Resolution.objects.get()
    state = progress(resolution=resolution, unit=Unit.objects.get(code="QN"), today=date.today())
    assert all(count > 0 for count in state.status_counts.values())
    assert resolution.areas.filter(kind="breakthrough").count() == 3
