"""Checks and decisions at a land gate."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from bienphong.audit.models import AuditEntry
from bienphong.checkpoint import selectors
from bienphong.checkpoint.models import Crossing, Stay, Traveller
from bienphong.checkpoint.services import crossings
from bienphong.checkpoint.services.checks import run_check
from bienphong.errors import Conflict, NotFound, ValidationFailed
from bienphong.watchlists import services as wl_services
from tests.watchlists.conftest import row, watchlist  # noqa: F401  (fixture)

from .conftest import border_pass, korean, payload, vietnamese

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


def codes(result, status=None):
    return [i.code for i in result.items if status is None or i.status == status]


@time_machine.travel(NOW)
def test_clean_passport_can_be_admitted_with_visa_exemption(configured, users):
    result = run_check(actor=users["officer_a"], payload=payload(korean()))
    assert result.can_admit
    assert codes(result, "ok") == ["document", "watchlist", "visa"]
    assert result.permitted_until == dt.date(2027, 1, 12)  # 45 days


@time_machine.travel(NOW)
def test_admit_records_crossing_stay_and_audit(configured, users):
    crossing, created = crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(korean(), decision="admitted", purpose="tourism"),
        idempotency_key="k-1",
    )
    assert created and crossing.decision == "admitted"
    assert crossing.stay.permitted_until == dt.date(2027, 1, 12)
    assert AuditEntry.objects.filter(
        event="checkpoint.crossing.record", object_id=str(crossing.pk)
    ).exists()


@time_machine.travel(NOW)
def test_same_idempotency_key_never_records_twice(configured, users):
    body = payload(korean(), decision="admitted")
    first, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=body, idempotency_key="same"
    )
    again, created = crossings.crossing_record(
        actor=users["officer_a"], payload=body, idempotency_key="same"
    )
    assert not created and again.pk == first.pk and Crossing.objects.count() == 1
    with pytest.raises(Conflict):
        crossings.crossing_record(
            actor=users["officer_a"],
            idempotency_key="same",
            payload=payload(vietnamese(), decision="admitted"),
        )


def test_refuse_needs_a_reason_from_the_list(configured, users):
    with pytest.raises(ValidationFailed) as error:
        crossings.crossing_record(
            actor=users["officer_a"], payload=payload(korean(), decision="refused")
        )
    assert "reason_code" in error.value.fields
    with pytest.raises(ValidationFailed):
        crossings.crossing_record(
            actor=users["officer_a"],
            payload=payload(korean(), decision="refused", reason_code="made_up"),
        )
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(korean(), decision="refused", reason_code="no_visa"),
    )
    assert crossing.decision == "refused" and crossing.stay is None


def test_invalid_mrz_blocks_admission(configured, users):
    broken = korean().replace("M12345678", "M12345679")
    result = run_check(actor=users["officer_a"], payload=payload(broken))
    assert not result.can_admit and "document" in codes(result, "block")
    with pytest.raises(ValidationFailed):
        crossings.crossing_record(
            actor=users["officer_a"], payload=payload(broken, decision="admitted")
        )


def test_expired_passport_blocks(configured, users):
    result = run_check(actor=users["officer_a"], payload=payload(korean(expiry="200101")))
    assert "document" in codes(result, "block")


def test_unreviewed_hit_blocks_until_dismissed(configured, users, watchlist):  # noqa: F811
    body = payload(passport_mrz_for_listed(), direction="exit")
    result = run_check(actor=users["officer_a"], payload=body)
    assert "watchlist" in codes(result, "block")
    hit_id = result.hits[0]["hit_id"]
    assert result.hits[0]["listed"]["instruction"] == "refuse_exit"
    from bienphong.watchlists.models import ScreeningHit

    wl_services.hit_decide(
        actor=users["officer_a"],
        hit=ScreeningHit.objects.get(pk=hit_id),
        decision="dismissed",
        reason="Khác người",
    )
    assert "watchlist" not in codes(run_check(actor=users["officer_a"], payload=body), "block")


def passport_mrz_for_listed():
    from bienphong.documents.specimens import passport_mrz

    return passport_mrz(
        surname="NGUYEN",
        given_names="VAN AN",
        number="B9999999",
        nationality="VNM",
        birth="800512",
        sex="M",
        expiry="320101",
    )


@time_machine.travel(NOW)
def test_single_entry_pass_used_twice_is_flagged(configured, users):
    first = border_pass()
    first["decision"] = "admitted"
    crossings.crossing_record(actor=users["officer_a"], payload=first)
    again = run_check(actor=users["officer_a"], payload=border_pass())
    assert "single_entry_used" in codes(again, "block")
    multiple = border_pass(entries="multiple", number="GT0099999")
    assert run_check(actor=users["officer_a"], payload=multiple).can_admit


@time_machine.travel(NOW)
def test_border_pass_rules_and_gate_scope(configured, users):
    too_long = border_pass()
    too_long["document"]["expiry_date"] = "2027-11-20"
    result = run_check(actor=users["officer_a"], payload=too_long)
    assert "document" in codes(result, "block")
    assert result.document.errors[0]["code"] == "validity_too_long"


def test_short_form_errors_name_every_field(configured, users):
    with pytest.raises(ValidationFailed) as error:
        run_check(
            actor=users["officer_a"],
            payload={
                "gate": "CK-A",
                "direction": "entry",
                "document": {
                    "doc_type": "border_area_pass",
                    "number": "",
                    "nationality": "Atlantis",
                    "expiry_date": "31/02/2027",
                },
            },
        )
    assert {"number", "full_name", "nationality", "expiry_date", "issue_date", "entries"} <= set(
        error.value.fields
    )


def test_overstayer_exiting_is_flagged(configured, users):
    entered = timezone.now() - dt.timedelta(days=60)
    crossings.crossing_record(
        actor=users["officer_a"], at=entered, payload=payload(korean(), decision="admitted")
    )
    assert [s.traveller.full_name for s in selectors.overstays(actor=users["officer_a"])] == [
        "PARK JIHOON"
    ]
    result = run_check(actor=users["officer_a"], payload=payload(korean(), direction="exit"))
    assert "overstay" in codes(result, "warning")
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), direction="exit", decision="admitted")
    )
    assert crossing.overstay_days == 15
    assert not selectors.overstays(actor=users["officer_a"]).exists()


def test_exit_without_entry_is_listed(configured, users):
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(vietnamese(), direction="exit", decision="admitted"),
    )
    assert crossing.no_entry_record
    assert list(selectors.exits_without_entry(actor=users["commander_a"])) == [crossing]
    assert not selectors.exits_without_entry(actor=users["officer_b"]).exists()


def test_same_person_with_a_new_passport_is_the_same_traveller(configured, users):
    crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(vietnamese("C1111111"), direction="exit", decision="admitted"),
    )
    crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(vietnamese("C2222222"), direction="entry", decision="admitted"),
    )
    assert Traveller.objects.count() == 1
    assert Traveller.objects.get().documents.count() == 2


def test_merge_and_split_are_audited(configured, users):
    a, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(vietnamese(), decision="admitted")
    )
    b, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    merge = crossings.traveller_merge(
        actor=users["commander_a"],
        survivor=a.traveller,
        duplicate=b.traveller,
        reason="Cùng một người",
    )
    result = run_check(actor=users["officer_a"], payload=payload(korean()))
    assert result.traveller.pk == a.traveller.pk
    crossings.traveller_split(actor=users["commander_a"], merge=merge, reason="Nhầm")
    assert (
        AuditEntry.objects.filter(
            event__in=["checkpoint.traveller.merge", "checkpoint.traveller.split"]
        ).count()
        == 2
    )


def test_correction_is_a_new_record(configured, users):
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    with pytest.raises(ValidationFailed):
        crossings.crossing_correct(
            actor=users["officer_a"],
            crossing=crossing,
            changes={"decision": "refused"},
            reason="Nhập nhầm",
        )
    fresh = crossings.crossing_correct(
        actor=users["officer_a"],
        crossing=crossing,
        changes={"decision": "refused", "reason_code": "no_visa"},
        reason="Nhập nhầm",
    )
    assert Crossing.objects.count() == 2 and fresh.corrects == crossing
    assert list(selectors.crossing_list(actor=users["officer_a"])) == [fresh]


def test_other_post_cannot_check_at_this_gate_or_see_records(configured, users):
    with pytest.raises(NotFound):
        run_check(actor=users["officer_b"], payload=payload(korean()))
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    with pytest.raises(NotFound):
        selectors.crossing_get(actor=users["officer_b"], pk=crossing.pk)
    assert Stay.objects.count() == 1


def test_today_counts(configured, users):
    crossings.crossing_record(
        actor=users["officer_a"], payload=payload(korean(), decision="admitted")
    )
    crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(vietnamese(), decision="refused", reason_code="other"),
    )
    assert selectors.today_counts(gate_code="CK-A", lane="3") == {
        "entry": 1,
        "exit": 0,
        "refused": 1,
        "referred": 0,
        "lane": 2,
    }
