"""Screening a whole list at once: the same outcomes, review items and audit trail as
screening each person alone, with the database work batched."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bienphong.audit.models import AuditEntry
from bienphong.audit.services import verify_chain
from bienphong.watchlists import screening, services
from bienphong.watchlists.models import HitStatus, ScreeningHit
from bienphong.watchlists.screening import Subject

pytestmark = pytest.mark.django_db

PEOPLE = [
    Subject("Nguyễn Văn An", "1980-05-12", "VNM", context_ref="row:1"),
    Subject("Someone Else", None, None, "c 1234567", context_ref="row:2"),
    Subject("Trần Thị Không Có", "1991-03-04", "VNM", "B7654321", context_ref="row:3"),
    Subject("WANG XIAOMING", "1975", "CHN", context_ref="row:4"),
    Subject("Lê Thị Hết Hạn", "1970-01-01", None, context_ref="row:5"),
    Subject("", None, None, context_ref="row:6"),
]


def batch(tree, users, people, who="officer_a"):
    return screening.screen_people(
        actor=users[who], unit=tree.gate_a, people=people, context="port"
    )


def summary(result):
    return sorted(
        (o.entry.external_id, o.document_match, o.previously_dismissed, o.hit is not None)
        for o in result.outcomes
    )


def test_batch_matches_one_by_one_screening(tree, users, watchlist):
    results = batch(tree, users, PEOPLE)
    raised = list(
        ScreeningHit.objects.order_by("pk").values_list("context_ref", "entry__external_id")
    )
    assert raised == [("row:1", "HX-1"), ("row:2", "HX-1"), ("row:4", "HX-2")]
    ScreeningHit.objects.all().update(  # decided, so one-by-one screening raises anew
        status=HitStatus.CONFIRMED,
        decided_at=timezone.now(),
        decided_by=users["officer_a"],
        decision_reason="x",
    )
    for person, result in zip(PEOPLE, results, strict=True):
        alone = screening.screen_person(
            actor=users["officer_a"],
            unit=tree.gate_a,
            name=person.name,
            dob=person.dob,
            nationality=person.nationality,
            document_number=person.document_number,
        )
        assert alone.subject_key == result.subject_key
        assert summary(alone) == summary(result), person
        assert alone.blocking == result.blocking


def test_each_review_item_is_audited_and_the_chain_holds(tree, users, watchlist):
    before = AuditEntry.objects.filter(event="watchlists.hit.raise").count()
    results = batch(tree, users, PEOPLE)
    hits = [o.hit for r in results for o in r.outcomes if o.hit is not None]
    entries = AuditEntry.objects.filter(event="watchlists.hit.raise").order_by("pk")
    assert entries.count() - before == 3
    new = list(entries)[before:]
    assert sorted(e.object_id for e in new) == sorted(str(h.pk) for h in hits)
    assert all(e.unit_code == tree.gate_a.code and e.actor_id == users["officer_a"].pk for e in new)
    assert new[0].after["context"] == "port" and new[0].after["context_ref"].startswith("row:")
    assert verify_chain().ok
    # A single append after the batch continues the chain.
    screening.screen_person(
        actor=users["officer_a"], unit=tree.gate_a, name="Nguyen Van An", document_number="X1"
    )
    assert verify_chain().ok


def test_pending_hits_are_reused_and_duplicates_screened_once(tree, users, watchlist):
    first = batch(tree, users, PEOPLE[:1])
    twice = [
        Subject("Nguyễn Văn An", "1980-05-12", "VNM", context_ref="row:1"),
        Subject("Nguyễn  Văn An", "1980-05-12", "vnm", context_ref="row:9"),
        Subject("NGUYEN VAN AN", "1980-05-12", "VNM", context_ref="row:10"),
    ]
    again = batch(tree, users, twice)
    assert ScreeningHit.objects.count() == 1
    assert {r.outcomes[0].hit.pk for r in again} == {first[0].outcomes[0].hit.pk}
    assert again[0] is again[1]  # same identity: one screening, one result
    assert all(r.blocking for r in again)


def test_dismissed_pairs_are_remembered(tree, users, watchlist):
    hit = batch(tree, users, PEOPLE[:1])[0].outcomes[0].hit
    services.hit_decide(actor=users["officer_a"], hit=hit, decision="dismissed", reason="khác")
    result = batch(tree, users, PEOPLE[:1])[0]
    assert result.outcomes[0].previously_dismissed and not result.blocking
    assert ScreeningHit.objects.count() == 1


def test_nobody_listed_writes_nothing(tree, users, watchlist):
    before = AuditEntry.objects.count()
    results = batch(tree, users, [PEOPLE[2], PEOPLE[4], PEOPLE[5]])
    assert [r.outcomes for r in results] == [[], [], []]
    assert AuditEntry.objects.count() == before and not ScreeningHit.objects.exists()


def test_database_work_does_not_grow_with_the_list(tree, users, watchlist):
    def queries(n):
        people = [
            Subject(f"Nguyễn Văn An {i}", "1980-05-12", "VNM", f"N{i:06d}", f"row:{i}")
            for i in range(n)
        ] + PEOPLE[:2]
        with CaptureQueriesContext(connection) as captured:
            batch(tree, users, people)
        ScreeningHit.objects.all().delete()
        return len(captured)

    queries(1)  # the first search loads the index and reads the change feed
    assert queries(5) == queries(25)  # (bulk inserts split only by the backend's limits)
