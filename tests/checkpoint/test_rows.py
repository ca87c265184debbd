"""Fixed-SQL inserts write what the ORM would have written."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import time_machine
from django.db import IntegrityError, transaction

from bienphong.checkpoint.models import Crossing, TravelDocument, Traveller
from bienphong.checkpoint.rows import Rows
from bienphong.checkpoint.services import crossings
from bienphong.checkpoint.services.checks import run_check

from .conftest import korean, payload

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_insert_sets_the_key_and_round_trips_every_field(configured):
    traveller = Rows(Traveller).insert(
        Traveller(
            full_name="Park Jihoon",
            name_key="jihoon park",
            birth_date=dt.date(1985, 3, 15),
            birth_date_text="1985-03-15",
            nationality="KOR",
        )
    )
    document = Rows(TravelDocument).insert(
        TravelDocument(
            traveller=traveller,
            doc_type="passport",
            number="M1",
            issuing_state="KOR",
            expiry_date=dt.date(2030, 12, 31),
            areas=["CK-A", "CK-B"],
        )
    )
    assert traveller.pk and document.pk and not document._state.adding
    stored = TravelDocument.objects.select_related("traveller").get(pk=document.pk)
    assert stored.traveller.birth_date == dt.date(1985, 3, 15)
    assert stored.traveller.created_at == NOW  # auto_now_add applied
    assert stored.areas == ["CK-A", "CK-B"]  # JSON
    assert stored.expiry_date == dt.date(2030, 12, 31) and stored.last_seen_at == NOW


@time_machine.travel(NOW, tick=False)
def test_insert_keeps_the_unique_idempotency_key(configured, users):
    first, _ = crossings.crossing_record(
        actor=users["officer_a"],
        payload=payload(korean(), decision="admitted"),
        idempotency_key="rows-1",
    )
    stored = Crossing.objects.get(pk=first.pk)
    assert stored.checks["items"] and stored.created_at == NOW and stored.stay_id
    copy = Crossing.objects.get(pk=first.pk)
    copy.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        Rows(Crossing).insert(copy)
    assert Crossing.objects.filter(idempotency_key="rows-1").count() == 1


@time_machine.travel(NOW, tick=False)
def test_recorded_crossings_keep_the_audit_chain_intact(configured, users):
    from bienphong.audit.models import AuditChainHead, AuditEntry
    from bienphong.audit.services import verify_chain

    for number in ("M1000001", "M1000002", "M1000003"):
        crossings.crossing_record(
            actor=users["officer_a"],
            payload=payload(korean(number=number), decision="admitted"),
            idempotency_key=f"chain-{number}",
        )
    entries = list(AuditEntry.objects.order_by("id"))
    last = entries[-1]
    assert last.event == "checkpoint.crossing.record" and last.after["decision"] == "admitted"
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    head = AuditChainHead.objects.get(id=1)
    assert head.last_entry_id == last.pk and head.last_hash == last.hash
    assert verify_chain().ok


@time_machine.travel(NOW, tick=False)
def test_a_new_travellers_rows_are_linked_and_rolled_back_together(
    configured, users, django_assert_num_queries
):
    body = payload(korean(number="M2000001"), decision="admitted")
    crossing, _ = crossings.crossing_record(
        actor=users["officer_a"], payload=body, idempotency_key="linked-1"
    )
    with django_assert_num_queries(0):  # the related objects stay cached
        assert crossing.traveller.pk and crossing.document.traveller_id == crossing.traveller.pk
        assert crossing.stay.traveller_id == crossing.traveller.pk
    stored = Crossing.objects.select_related("traveller", "document", "stay").get(pk=crossing.pk)
    assert stored.document.number == "M2000001" and stored.stay.permitted_until
    assert stored.traveller_id == stored.document.traveller_id == stored.stay.traveller_id
    # The same key for another new traveller: nothing of the second attempt is left.
    travellers = Traveller.objects.count()
    with pytest.raises(crossings.Conflict):
        crossings.crossing_record(
            actor=users["officer_a"],
            payload=payload(korean(number="M2000002"), decision="admitted"),
            idempotency_key="linked-1",
        )
    assert Traveller.objects.count() == travellers
    assert not TravelDocument.objects.filter(number="M2000002").exists()


@time_machine.travel(NOW, tick=False)
def test_first_with_reads_a_row_and_its_parent_in_one_query(configured):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    traveller = Rows(Traveller).insert(
        Traveller(
            full_name="Kim Minsu",
            name_key="minsu kim",
            birth_date=dt.date(1990, 7, 1),
            birth_date_text="1990-07-01",
            nationality="KOR",
        )
    )
    Rows(TravelDocument).insert(
        TravelDocument(
            traveller=traveller,
            doc_type="passport",
            number="M77",
            issuing_state="KOR",
            expiry_date=dt.date(2031, 1, 31),
            areas=["CK-A"],
        )
    )
    where = "a.doc_type = %s AND a.issuing_state = %s AND a.number = %s"
    with CaptureQueriesContext(connection) as queries:
        found = Rows(TravelDocument).first_with(
            Rows(Traveller), "traveller", where, ["passport", "KOR", "M77"]
        )
        assert found is not None
        document, parent = found
        # The parent is cached on the row: reading it costs no second query.
        assert document.traveller is parent
    assert len(queries) == 1
    expected = TravelDocument.objects.select_related("traveller").get(number="M77")
    assert document.pk == expected.pk and document.areas == ["CK-A"]
    assert document.expiry_date == dt.date(2031, 1, 31) and document.last_seen_at == NOW
    assert parent.pk == traveller.pk and parent.birth_date == dt.date(1990, 7, 1)
    assert parent.created_at == NOW and parent.full_name == "Kim Minsu"
    missing = Rows(TravelDocument).first_with(
        Rows(Traveller), "traveller", where, ["passport", "KOR", "NOPE"]
    )
    assert missing is None


@time_machine.travel(NOW, tick=False)
def test_a_locked_read_takes_row_locks_where_the_database_has_them(configured):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bienphong.checkpoint.models import Stay

    traveller = Rows(Traveller).insert(
        Traveller(full_name="Lee Anna", name_key="anna lee", nationality="KOR")
    )
    for day in (1, 20):
        Rows(Stay).insert(
            Stay(
                traveller=traveller,
                entered_at=NOW - dt.timedelta(days=day),
                entry_unit=configured.gate_a,
            )
        )
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        stay = Rows(Stay).first(
            "traveller_id = %s AND exited_at IS NULL",
            [traveller.pk],
            order_by="entered_at DESC",
            lock=True,
        )
    assert stay is not None and stay.entered_at == NOW - dt.timedelta(days=1)
    locked = "FOR UPDATE" in queries[-1]["sql"]
    assert locked == connection.features.has_select_for_update


def test_only_an_admitted_exit_reads_and_locks_the_open_stay(configured, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bienphong.checkpoint.models import Stay

    officer = users["officer_a"]
    crossings.crossing_record(actor=officer, payload=payload(korean(), decision="admitted"))

    def stay_reads(**body):
        """The record's own reads of stays (the check ran before, as at a real gate)."""
        sent = payload(korean(), **body)
        sent["check_token"] = run_check(actor=officer, payload=sent).token(officer)
        with CaptureQueriesContext(connection) as queries:
            crossing, _ = crossings.crossing_record(actor=officer, payload=sent)
        sqls = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
        return crossing, [s for s in sqls if 'FROM "checkpoint_stay"' in s]

    # A second entry and a referral neither read nor change the open stay.
    _, reads = stay_reads(decision="admitted")
    assert reads == [] and Stay.objects.filter(exited_at__isnull=True).count() == 2
    _, reads = stay_reads(direction="exit", decision="referred", reason_code="document_doubt")
    assert reads == [] and Stay.objects.filter(exited_at__isnull=True).count() == 2
    # An admitted exit reads the newest open stay (locked) and closes it.
    crossing, reads = stay_reads(direction="exit", decision="admitted")
    assert len(reads) == 1
    assert ("FOR UPDATE" in reads[0]) == connection.features.has_select_for_update
    assert crossing.stay_id == Stay.objects.order_by("-entered_at").first().pk
    assert Stay.objects.get(pk=crossing.stay_id).exited_at is not None
    assert Stay.objects.filter(exited_at__isnull=True).count() == 1
