from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError
from django.utils import timezone

from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.notifications.models import Notification
from bienphong.situation import selectors
from bienphong.situation.models import SituationReport
from bienphong.situation.services import reports as services

from .conftest import add_crossings, local

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def day_records(tree, users, record):
    add_crossings(tree.gate_a, 5, at=local(DAY, 9), direction="entry", nationality="CHN")
    add_crossings(tree.gate_a, 3, at=local(DAY, 14), direction="exit")
    add_crossings(
        tree.gate_a, 2, at=local(DAY, 15), decision="refused", reason="health", nationality="CHN"
    )
    # Outside the day (the evening before, local time) and at the other post.
    add_crossings(tree.gate_a, 4, at=local(DAY - dt.timedelta(days=1), 23))
    add_crossings(tree.post_b, 7, at=local(DAY, 10))
    record(occurred_at=local(DAY, 8))
    record(occurred_at=local(DAY, 20), kind="other", goods="", quantity=None, unit_of_measure="")
    record(unit=tree.post_b, actor=users["officer_b"], occurred_at=local(DAY, 9))


def daily(actor, unit, day=DAY):
    return services.report_create(actor=actor, unit=unit, period_kind="daily", period_start=day)


def test_compile_numbers_equal_what_was_recorded(day_records, users, tree):
    report = daily(users["commander_a"], tree.post_a)
    c = report.figures["crossings"]["totals"]
    assert c == {
        "entries": 7,
        "exits": 3,
        "admitted": 8,
        "refused": 2,
        "referred": 0,
        "total": 10,
    }
    by_nat = {r["key"]: r["total"] for r in report.figures["crossings"]["by_nationality"]}
    assert by_nat == {"CHN": 7, "VNM": 3}
    reasons = report.figures["crossings"]["refusals_referrals"]
    assert [(r["key"], r["refused"]) for r in reasons] == [("health", 2)]
    assert report.figures["health"]["refused"] == 2
    assert report.figures["incidents"]["total"] == 2
    assert {i["kind"] for i in report.figures["incidents"]["items"]} == {"smuggling", "other"}
    command = daily(users["staff"], tree.command)
    assert command.figures["crossings"]["totals"]["total"] == 17
    assert command.figures["incidents"]["total"] == 3


def test_monthly_sums_the_period(day_records, users, tree):
    report = services.report_create(
        actor=users["staff"],
        unit=tree.command,
        period_kind="monthly",
        period_start=DAY.replace(day=1),
    )
    assert report.period_end == dt.date(2026, 11, 30)
    assert report.figures["crossings"]["totals"]["total"] == 21


def test_period_start_must_align(users, tree):
    with pytest.raises(ValidationFailed) as error:
        services.report_create(
            actor=users["staff"], unit=tree.command, period_kind="weekly", period_start=DAY
        )
    assert "period_start" in error.value.fields
    with pytest.raises(ValidationFailed):
        services.report_create(
            actor=users["staff"], unit=tree.command, period_kind="monthly", period_start=DAY
        )


def test_unique_per_unit_kind_and_start(users, tree):
    daily(users["commander_a"], tree.post_a)
    with pytest.raises(Conflict):
        daily(users["officer_a"], tree.post_a)
    report = SituationReport.objects.get()
    with pytest.raises(IntegrityError):
        SituationReport.objects.create(
            unit=tree.post_a,
            period_kind="daily",
            period_start=DAY,
            period_end=DAY,
            author=report.author,
        )


def test_submit_freezes_the_figures(day_records, users, tree, record):
    report = daily(users["officer_a"], tree.post_a)
    with pytest.raises(ValidationFailed):  # no narrative yet
        services.report_submit(actor=users["officer_a"], report=report)
    services.report_update_narrative(
        actor=users["officer_a"], report=report, notable_events="Bắt giữ 120 bao thuốc lá."
    )
    services.report_submit(actor=users["officer_a"], report=report)
    frozen = SituationReport.objects.get(pk=report.pk).figures
    # Later records of the same day, and a change to an incident of that day.
    add_crossings(tree.gate_a, 6, at=local(DAY, 16))
    record(occurred_at=local(DAY, 21))
    incident = selectors.incidents(users["staff"]).filter(occurred_at=local(DAY, 8)).get()
    incident.title = "Đã sửa"
    incident.save()
    report.refresh_from_db()
    assert report.figures == frozen
    assert report.figures["crossings"]["totals"]["total"] == 10
    assert "Đã sửa" not in str(report.figures)
    with pytest.raises(Conflict):
        services.report_recompile(actor=users["officer_a"], report=report)
    with pytest.raises(Conflict):
        services.report_update_narrative(actor=users["officer_a"], report=report, proposals="x")
    # A fresh compile of the same day does see the new records.
    draft = services.report_create(
        actor=users["staff"], unit=tree.command, period_kind="daily", period_start=DAY
    )
    assert draft.figures["crossings"]["totals"]["total"] == 17 + 6


def test_sign_off_permissions_and_notifications(users, tree):
    report = daily(users["officer_a"], tree.post_a)
    services.report_update_narrative(actor=users["officer_a"], report=report, proposals="Không")
    services.report_submit(actor=users["officer_a"], report=report)
    assert Notification.objects.filter(
        recipient=users["commander_a"], kind="situation.report.submitted"
    ).exists()
    for who, error in (("officer_a", PermissionDenied), ("staff", PermissionDenied)):
        with pytest.raises(error):
            services.report_sign_off(actor=users[who], report=report)
    with pytest.raises(NotFound):
        services.report_sign_off(actor=users["officer_b"], report=report)
    services.report_sign_off(actor=users["commander_a"], report=report)
    report.refresh_from_db()
    assert report.status == "signed_off"
    assert report.decided_by == users["commander_a"] and report.decided_at is not None
    assert Notification.objects.filter(
        recipient=users["officer_a"], kind="situation.report.signed_off"
    ).exists()
    with pytest.raises(Conflict):
        services.report_sign_off(actor=users["commander_a"], report=report)


def test_command_report_is_signed_by_command_staff_and_can_be_returned(users, tree):
    report = daily(users["staff"], tree.command)
    with pytest.raises(NotFound):  # the command is outside a post's scope
        daily(users["commander_a"], tree.command, DAY - dt.timedelta(days=1))
    services.report_update_narrative(
        actor=users["staff"], report=report, situation_inside="Ổn định"
    )
    services.report_submit(actor=users["staff"], report=report)
    with pytest.raises(NotFound):
        services.report_return(actor=users["commander_a"], report=report, comment="x")
    with pytest.raises(PermissionDenied):
        services.report_return(actor=users["auditor"], report=report, comment="x")
    with pytest.raises(ValidationFailed) as error:
        services.report_return(actor=users["staff"], report=report, comment="")
    assert "comment" in error.value.fields
    services.report_return(actor=users["staff"], report=report, comment="Bổ sung số liệu tàu.")
    report.refresh_from_db()
    assert report.status == "returned" and report.is_editable
    services.report_recompile(actor=users["staff"], report=report)


def test_reports_are_scoped(users, tree):
    a = daily(users["commander_a"], tree.post_a)
    b = services.report_create(
        actor=users["officer_b"], unit=tree.post_b, period_kind="daily", period_start=DAY
    )
    assert list(selectors.reports(users["officer_a"])) == [a]
    assert list(selectors.reports(users["officer_b"])) == [b]
    assert set(selectors.reports(users["auditor"])) == {a, b}
    with pytest.raises(NotFound):
        selectors.report_get(actor=users["officer_a"], pk=b.pk)
    with pytest.raises(NotFound):
        daily(users["officer_a"], tree.post_b, DAY - dt.timedelta(days=1))
    with pytest.raises(PermissionDenied):
        daily(users["auditor"], tree.post_a, DAY - dt.timedelta(days=2))


def test_gate_is_not_a_reporting_unit(users, tree):
    with pytest.raises(ValidationFailed) as error:
        daily(users["commander_a"], tree.gate_a)
    assert "unit" in error.value.fields
    assert timezone.now()


def test_compile_query_count_does_not_grow_with_the_records(tree, users, record):
    """Every figure is a grouped query: ten times the rows, the same number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bienphong.situation.compile import compile_figures

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            compile_figures(tree.command, DAY, DAY)
        return len(captured.captured_queries)

    add_crossings(tree.gate_a, 10, at=local(DAY, 9))
    record(occurred_at=local(DAY, 8))
    few = queries()
    add_crossings(tree.gate_a, 100, at=local(DAY, 10), nationality="CHN")
    add_crossings(tree.post_b, 100, at=local(DAY, 11), decision="referred", reason="health")
    for hour in (12, 13, 14):
        record(occurred_at=local(DAY, hour))
    assert queries() == few
