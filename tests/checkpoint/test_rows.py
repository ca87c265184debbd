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
