"""Screening a person against the watchlists, and the hits it raises."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.org.models import Unit
from bienphong.text import name_key

from .importers import normalise_document
from .models import Dismissal, EntryDocument, HitStatus, ScreeningHit, WatchlistEntry
from .runtime import holder

# How many engine hits to look at per query (the engine ranks them).
SEARCH_LIMIT = 10
DOCUMENT_MATCH_SCORE = 1.0


def subject_key(name: str, dob: str, nationality: str, document: str) -> str:
    """Identifies the person screened, independent of name order and diacritics."""
    parts = [
        name_key(name),
        dob or "",
        (nationality or "").upper(),
        normalise_document(document or ""),
    ]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


@dataclass
class Outcome:
    """One listed person the screened person may be."""

    entry: WatchlistEntry
    score: float
    explanation: dict[str, Any]
    document_match: bool = False
    previously_dismissed: bool = False
    hit: ScreeningHit | None = None

    @property
    def blocking(self) -> bool:
        return self.hit is not None and self.hit.status == HitStatus.PENDING


@dataclass
class ScreeningResult:
    subject_key: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def blocking(self) -> bool:
        """An unreviewed hit blocks admission until an officer decides it."""
        return any(o.blocking for o in self.outcomes)


def _in_force(entry: WatchlistEntry, today: date) -> bool:
    return (
        entry.is_active
        and entry.watchlist.is_active
        and (entry.valid_from is None or entry.valid_from <= today)
        and (entry.valid_until is None or entry.valid_until >= today)
    )


def search(
    *,
    name: str,
    dob: str | None = None,
    nationality: str | None = None,
    document_number: str | None = None,
    include_below_threshold: bool = False,
) -> tuple[str, list[Outcome]]:
    """Rank listed people against a traveller; no record is written."""
    key = subject_key(name, dob or "", nationality or "", document_number or "")
    hits = (
        holder.search(name, dob=dob or None, nationality=nationality or None, limit=SEARCH_LIMIT)
        if name.strip()
        else []
    )
    wanted = {int(h.entry_id): h for h in hits if h.alert or include_below_threshold}
    doc_entries: set[int] = set()
    number = normalise_document(document_number or "")
    if number:
        # Fixed SQL: compiling the queryset cost 20 times the indexed lookup itself, on
        # every traveller at a gate.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT entry_id FROM {EntryDocument._meta.db_table} WHERE number = %s",  # noqa: S608
                [number],
            )
            doc_entries = {int(row[0]) for row in cursor.fetchall()}
    entries = WatchlistEntry.objects.select_related("watchlist").in_bulk(set(wanted) | doc_entries)
    today = timezone.localdate()
    outcomes: list[Outcome] = []
    for entry_id, entry in entries.items():
        if _in_force(entry, today):
            outcomes.append(_outcome(entry, wanted.get(entry_id), entry_id in doc_entries))
    outcomes.sort(key=lambda o: -o.score)
    return key, outcomes


def _outcome(entry: WatchlistEntry, engine_hit: Any, on_document: bool) -> Outcome:
    """The outcome for one listed person: the engine's hit, a document match, or both."""
    return Outcome(
        entry=entry,
        score=max(
            engine_hit.score if engine_hit else 0.0,
            DOCUMENT_MATCH_SCORE if on_document else 0.0,
        ),
        explanation=engine_hit.explanation.as_dict() if engine_hit else {},
        document_match=on_document,
    )


def screen_person(
    *,
    actor: Any,
    unit: Unit,
    name: str,
    dob: str | None = None,
    nationality: str | None = None,
    document_number: str | None = None,
    context: str = "manual",
    context_ref: str = "",
) -> ScreeningResult:
    """Screen a traveller and raise a review item for each alert not dismissed before.

    The same person screened again while a hit is pending gets the same hit back, so a
    retried request never raises a second review item."""
    key, outcomes = search(
        name=name, dob=dob, nationality=nationality, document_number=document_number
    )
    if not outcomes:
        return ScreeningResult(key)  # no transaction: most travellers write nothing here
    person = Subject(name, dob, nationality, document_number, context_ref)
    result = ScreeningResult(key, outcomes)
    with transaction.atomic():
        _raise_many(actor, unit, context, [(person, result)])
    return result


# --- lists: many people screened at once --------------------------------------------


@dataclass(frozen=True)
class Subject:
    """One person of a list to screen; ``context_ref`` names the row a hit comes from."""

    name: str
    dob: str | None = None
    nationality: str | None = None
    document_number: str | None = None
    context_ref: str = ""

    def identity(self) -> tuple[str, str, str, str]:
        """Two rows with the same identity are the same screening (a duplicated row)."""
        return (
            " ".join(self.name.split()),
            self.dob or "",
            (self.nationality or "").upper(),
            normalise_document(self.document_number or ""),
        )


# Rows per IN (...) list: stays under every backend's bound-parameter limit.
CHUNK = 500


def _document_entries(numbers: set[str]) -> dict[str, set[int]]:
    found: dict[str, set[int]] = {}
    ordered = sorted(numbers)
    for start in range(0, len(ordered), CHUNK):
        part = ordered[start : start + CHUNK]
        marks = ", ".join(["%s"] * len(part))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT number, entry_id FROM {EntryDocument._meta.db_table}"  # noqa: S608
                f" WHERE number IN ({marks})",
                part,
            )
            for number, entry_id in cursor.fetchall():
                found.setdefault(number, set()).add(int(entry_id))
    return found


def screen_people(
    *, actor: Any, unit: Unit, people: list[Subject], context: str = "manual"
) -> list[ScreeningResult]:
    """Screen a whole list as ``screen_person`` screens each of its people, with the
    database work batched: one engine pass, one document query, one fetch of the listed
    entries, one look-up each of dismissals and pending hits, the new review items and
    their audit entries inserted together. Results are in the order of ``people``; a
    duplicated row gets the same result (and the same review items) as its first copy."""
    unique: dict[tuple[str, str, str, str], int] = {}
    firsts: list[Subject] = []
    for person in people:
        if person.identity() not in unique:
            unique[person.identity()] = len(firsts)
            firsts.append(person)
    engine_hits = holder.search_many(
        [(p.name, p.dob or None, p.nationality or None) for p in firsts], limit=SEARCH_LIMIT
    )
    documents = _document_entries({i[3] for i in unique if i[3]})
    wanted = [{int(h.entry_id): h for h in hits if h.alert} for hits in engine_hits]
    ids: set[int] = set().union(*wanted, *documents.values())
    entries = WatchlistEntry.objects.select_related("watchlist").in_bulk(ids) if ids else {}
    today = timezone.localdate()
    screened: list[tuple[Subject, ScreeningResult]] = []
    for person, found in zip(firsts, wanted, strict=True):
        identity = person.identity()
        on_document = documents.get(identity[3], set()) if identity[3] else set()
        outcomes: list[Outcome] = []
        for entry_id in sorted(set(found) | on_document):
            entry = entries.get(entry_id)
            if entry is not None and _in_force(entry, today):
                outcomes.append(_outcome(entry, found.get(entry_id), entry_id in on_document))
        outcomes.sort(key=lambda o: -o.score)
        key = subject_key(person.name, identity[1], identity[2], identity[3])
        screened.append((person, ScreeningResult(key, outcomes)))
    if any(result.outcomes for _person, result in screened):
        with transaction.atomic():
            _raise_many(actor, unit, context, screened)
    results = [result for _person, result in screened]
    return [results[unique[p.identity()]] for p in people]


def _raise_many(
    actor: Any, unit: Unit, context: str, screened: list[tuple[Subject, ScreeningResult]]
) -> None:
    keys = {result.subject_key for _p, result in screened if result.outcomes}
    entry_ids = {o.entry.pk for _p, result in screened for o in result.outcomes}
    dismissed = set(
        Dismissal.objects.filter(subject_key__in=keys, entry_id__in=entry_ids).values_list(
            "subject_key", "entry_id", "entry_version"
        )
    )
    pending = {
        (h.subject_key, h.entry_id): h
        for h in ScreeningHit.objects.filter(
            subject_key__in=keys, status=HitStatus.PENDING, entry_id__in=entry_ids
        )
    }
    new: list[ScreeningHit] = []
    for person, result in screened:
        for outcome in result.outcomes:
            entry = outcome.entry
            if (result.subject_key, entry.pk, entry.version) in dismissed:
                outcome.previously_dismissed = True
                continue
            hit = pending.get((result.subject_key, entry.pk))
            if hit is None:
                hit = ScreeningHit(
                    entry=entry,
                    entry_version=entry.version,
                    unit=unit,
                    context=context,
                    context_ref=person.context_ref[:64],
                    subject_name=person.name[:300],
                    subject_dob=(person.dob or "")[:10],
                    subject_nationality=(person.nationality or "")[:3],
                    subject_document=normalise_document(person.document_number or "")[:64],
                    subject_key=result.subject_key,
                    score=round(min(1.0, outcome.score), 4),
                    explanation={**outcome.explanation, "document_match": outcome.document_match},
                )
                # Same person (key) on two rows spelt differently: one review item.
                pending[(result.subject_key, entry.pk)] = hit
                new.append(hit)
            outcome.hit = hit
    if not new:
        return
    ScreeningHit.objects.bulk_create(new, batch_size=CHUNK)
    if any(hit.pk is None for hit in new):  # pragma: no cover - every supported backend
        raise RuntimeError("the database did not return the ids of the new review items")
    audit.record_many(
        actor=actor,
        action=AuditAction.CREATE,
        event="watchlists.hit.raise",
        items=[
            audit.BatchItem(
                obj=hit,
                unit_code=unit.code,
                after={
                    "entry": hit.entry_id,
                    "score": hit.score,
                    "context": context,
                    "context_ref": hit.context_ref,
                },
            )
            for hit in new
        ],
    )
