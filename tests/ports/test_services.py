"""Filings through their statuses, the answer clock, scoping, differences, screening."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.notifications.models import Notification
from bienphong.ports import lists, selectors, services
from bienphong.ports.models import TRANSITIONS, FilingStatus
from bienphong.watchlists.models import ScreeningHit
from tests.watchlists.conftest import watchlist  # noqa: F401  (fixture)

from .conftest import IMO, crew_row, crew_rows, make_filing, make_vessel

pytestmark = pytest.mark.django_db


def test_transitions_table_is_closed():
    for source, targets in TRANSITIONS.items():
        assert source in FilingStatus.values
        assert targets <= set(FilingStatus.values)
    assert TRANSITIONS[FilingStatus.APPROVED] == frozenset()


def test_unapproved_organisation_cannot_file(tree, users, ports):
    with pytest.raises(PermissionDenied) as caught:
        make_vessel(users["agent_b"])
    assert str(caught.value.message) == str(services.E_NOT_APPROVED)


def test_vessel_validation(users, ports):
    with pytest.raises(ValidationFailed) as caught:
        services.vessel_register(
            actor=users["agent_a"],
            imo_number="9074728",
            name="X",
            flag="Narnia",
            vessel_type="bulk",
            gross_tonnage=10,
            net_tonnage=5,
        )
    assert set(caught.value.fields) == {"imo_number", "flag"}
    vessel = make_vessel(users["agent_a"])
    again = make_vessel(users["agent_a"], imo=f"IMO {IMO}", name="Ha Long Star II")
    assert again.pk == vessel.pk and again.name == "HA LONG STAR II" and again.flag == "VNM"


def test_port_call_validation(users, ports):
    vessel = make_vessel(users["agent_a"])
    eta = timezone.now()
    with pytest.raises(ValidationFailed) as caught:
        services.port_call_create(
            actor=users["agent_a"],
            vessel=vessel,
            port="VNCLN",
            eta=eta,
            etd=eta - dt.timedelta(hours=1),
            purpose="cargo",
            previous_port="Shanghai",
        )
    assert set(caught.value.fields) == {"etd", "previous_port"}
    with pytest.raises(ValidationFailed):
        services.port_call_create(
            actor=users["agent_a"],
            vessel=vessel,
            port="CK-A",
            eta=eta,
            etd=eta,
            purpose="cargo",
        )


def test_list_with_errors_imports_nothing(users, ports):
    filing = make_filing(users["agent_a"], crew=0)
    bad = crew_rows(3)
    bad[1]["nationality"] = "Atlantis"
    bad[2]["birth_date"] = "1990/13/45"
    with pytest.raises(lists.ListInvalid) as caught:
        services.list_replace(
            actor=users["agent_a"],
            filing=filing,
            kind="crew",
            rows=lists.rows_from_people("crew", bad),
        )
    assert set(caught.value.fields) == {"crew.2.nationality", "crew.3.birth_date"}
    assert filing.people.count() == 0


def test_submit_starts_the_clock_and_notifies(users, ports):
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        filing = make_filing(users["agent_a"], submit=True)
    assert filing.status == FilingStatus.SUBMITTED
    assert filing.due_at == now + dt.timedelta(hours=1)
    assert filing.master_name == "Nguyễn Văn Minh"
    assert Notification.objects.filter(recipient=users["agent_a"], kind="ports.filing").exists()
    assert Notification.objects.filter(recipient=users["officer_a"], kind="ports.queue").exists()
    assert not selectors.is_overdue(filing, now + dt.timedelta(minutes=59))
    assert selectors.is_overdue(filing, now + dt.timedelta(minutes=61))


def test_submit_needs_crew(users, ports):
    filing = make_filing(users["agent_a"], crew=0)
    with pytest.raises(ValidationFailed) as caught:
        services.filing_submit(actor=users["agent_a"], filing=filing)
    assert "crew" in caught.value.fields


def test_scoping_agents_and_officers(users, ports):
    a = make_filing(users["agent_a"], submit=True)
    assert list(selectors.filings_for(users["agent_a"])) == [a]
    assert list(selectors.filings_for(users["agent_b"])) == []
    assert list(selectors.queue(users["officer_a"])) == [a]
    assert list(selectors.queue(users["officer_b"])) == []
    assert list(selectors.queue(users["staff"])) == [a]
    with pytest.raises(NotFound):
        selectors.get_filing_for(users["officer_b"], a.pk)
    with pytest.raises(NotFound):
        services.filing_approve(actor=users["officer_b"], filing=a)
    with pytest.raises(PermissionDenied):
        services.filing_approve(actor=users["auditor"], filing=a)
    with pytest.raises(PermissionDenied):
        services.filing_approve(actor=users["agent_a"], filing=a)


def test_correction_round_trip_then_approve(users, ports):
    mail.outbox.clear()
    filing = make_filing(users["agent_a"], submit=True)
    with pytest.raises(ValidationFailed):
        services.filing_request_correction(
            actor=users["officer_a"],
            filing=filing,
            items=[{"list_kind": "crew", "row": 9, "message": "?"}],
        )
    created = services.filing_request_correction(
        actor=users["officer_a"],
        filing=filing,
        items=[
            {"list_kind": "crew", "row": 2, "message": "Số hộ chiếu sai"},
            {"field": "cargo_description", "message": "Ghi rõ hàng"},
        ],
    )
    assert [(c.row, c.field) for c in created] == [(2, ""), (None, "cargo_description")]
    filing.refresh_from_db()
    assert filing.status == FilingStatus.CORRECTION_REQUESTED and filing.first_answered_at
    with pytest.raises(Conflict):
        services.filing_approve(actor=users["officer_a"], filing=filing)
    rows = crew_rows(3)
    rows[1]["doc_number"] = "C7777777"
    services.list_replace(
        actor=users["agent_a"],
        filing=filing,
        kind="crew",
        rows=lists.rows_from_people("crew", rows),
    )
    filing = services.filing_submit(actor=users["agent_a"], filing=filing)
    assert filing.status == FilingStatus.RESUBMITTED
    assert not filing.corrections.filter(resolved_at__isnull=True).exists()
    filing = services.filing_approve(actor=users["officer_a"], filing=filing)
    assert filing.clearance_number.startswith("BP-VNCLN-")
    assert filing.status == FilingStatus.APPROVED
    with pytest.raises(Conflict):
        services.list_replace(
            actor=users["agent_a"],
            filing=filing,
            kind="crew",
            rows=lists.rows_from_people("crew", rows),
        )
    titles = list(
        Notification.objects.filter(recipient=users["agent_a"], kind="ports.filing")
        .order_by("pk")
        .values_list("title", flat=True)
    )
    assert len(titles) == 4  # submitted, correction requested, resubmitted, approved
    assert filing.clearance_number in titles[-1]


def test_status_changes_are_emailed(users, ports, django_capture_on_commit_callbacks):
    users["agent_a"].email = "agent@example.vn"
    users["agent_a"].save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_filing(users["agent_a"], submit=True)
    assert [m.to for m in mail.outbox] == [["agent@example.vn"]]


def test_refuse_needs_a_reason(users, ports):
    filing = make_filing(users["agent_a"], submit=True)
    with pytest.raises(ValidationFailed):
        services.filing_refuse(actor=users["officer_a"], filing=filing, reason=" ")
    filing = services.filing_refuse(actor=users["officer_a"], filing=filing, reason="Thiếu giấy tờ")
    assert filing.status == FilingStatus.REFUSED and filing.decided_at


def test_new_call_starts_from_last_crew_list_and_differences(users, ports):
    first = make_filing(users["agent_a"], crew=3, submit=True)
    services.filing_approve(actor=users["officer_a"], filing=first)
    vessel = first.port_call.vessel
    second = services.filing_create(
        actor=users["agent_a"],
        port_call=__import__("tests.ports.conftest", fromlist=["make_call"]).make_call(
            users["agent_a"], vessel, eta=timezone.now() + dt.timedelta(days=10)
        ),
        kind="arrival",
    )
    assert second.previous_filing_id == first.pk
    assert [p.doc_number for p in selectors.people(second, "crew")] == [
        "C1000001",
        "C1000002",
        "C1000003",
    ]
    assert selectors.crew_diff(second).empty
    rows = [crew_row(1), crew_row(2, rank="Bosun"), crew_row(4)]  # 3 left, 4 joined, 2 promoted
    services.list_replace(
        actor=users["agent_a"],
        filing=second,
        kind="crew",
        rows=lists.rows_from_people("crew", rows),
    )
    diff = selectors.crew_diff(second)
    assert [p.doc_number for p in diff.added] == ["C1000004"]
    assert [p.doc_number for p in diff.removed] == ["C1000003"]
    assert [(p.doc_number, f) for p, f in diff.changed] == [("C1000002", ["rank"])]


def test_screening_on_submit_reaches_officers_only(users, ports, watchlist):  # noqa: F811
    rows = crew_rows(2)
    rows.append(
        crew_row(
            3,
            family_name="Nguyễn",
            given_names="Văn An",
            birth_date="12/05/1980",
            nationality="VNM",
            doc_number="C1234567",
        )
    )
    filing = make_filing(users["agent_a"], crew=0)
    services.list_replace(
        actor=users["agent_a"],
        filing=filing,
        kind="crew",
        rows=lists.rows_from_people("crew", rows),
    )
    services.filing_submit(actor=users["agent_a"], filing=filing)
    hits = ScreeningHit.objects.filter(context="port", context_ref=f"filing:{filing.pk}:crew:3")
    assert hits.exists()
    person = filing.people.get(position=3)
    assert person.screening_blocking and person.screening_hits >= 1
    assert not filing.people.get(position=1).screening_hits
    assert not Notification.objects.filter(
        recipient=users["agent_a"], title__icontains="hit"
    ).exists()


def test_processing_stats(users, ports):
    start = timezone.now().replace(hour=3, minute=0)
    with time_machine.travel(start, tick=False):
        quick = make_filing(users["agent_a"], submit=True)
        slow = make_filing(users["agent_a"], submit=True)
        make_filing(users["agent_a"], submit=True)  # unanswered
    with time_machine.travel(start + dt.timedelta(minutes=20), tick=False):
        services.filing_approve(actor=users["officer_a"], filing=quick)
    with time_machine.travel(start + dt.timedelta(minutes=100), tick=False):
        services.filing_refuse(actor=users["officer_a"], filing=slow, reason="Không đủ")
    day = timezone.localdate(start)
    (row,) = selectors.processing_stats(users["staff"], day, day)
    assert row["port"] == "CANG-X"
    assert (row["submitted"], row["answered"], row["within_hour"]) == (3, 2, 1)
    assert row["median_minutes"] == 60.0 and row["within_hour_share"] == 0.5
    assert selectors.processing_stats(users["officer_b"], day, day) == []
