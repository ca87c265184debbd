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
        if not _in_force(entry, today):
            continue
        engine_hit = wanted.get(entry_id)
        on_document = entry_id in doc_entries
        outcomes.append(
            Outcome(
                entry=entry,
                score=max(
                    engine_hit.score if engine_hit else 0.0,
                    DOCUMENT_MATCH_SCORE if on_document else 0.0,
                ),
                explanation=engine_hit.explanation.as_dict() if engine_hit else {},
                document_match=on_document,
            )
        )
    outcomes.sort(key=lambda o: -o.score)
    return key, outcomes


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
    with transaction.atomic():
        return _raise_hits(
            actor,
            unit,
            key,
            outcomes,
            name,
            dob,
            nationality,
            document_number,
            context,
            context_ref,
        )


def _raise_hits(
    actor: Any,
    unit: Unit,
    key: str,
    outcomes: list[Outcome],
    name: str,
    dob: str | None,
    nationality: str | None,
    document_number: str | None,
    context: str,
    context_ref: str,
) -> ScreeningResult:
    dismissed = set(
        Dismissal.objects.filter(
            subject_key=key, entry__in=[o.entry for o in outcomes]
        ).values_list("entry_id", "entry_version")
    )
    pending = {
        h.entry_id: h
        for h in ScreeningHit.objects.filter(
            subject_key=key, status=HitStatus.PENDING, entry__in=[o.entry for o in outcomes]
        )
    }
    for outcome in outcomes:
        entry = outcome.entry
        if (entry.pk, entry.version) in dismissed:
            outcome.previously_dismissed = True
            continue
        hit = pending.get(entry.pk)
        if hit is None:
            hit = ScreeningHit.objects.create(
                entry=entry,
                entry_version=entry.version,
                unit=unit,
                context=context,
                context_ref=context_ref[:64],
                subject_name=name[:300],
                subject_dob=(dob or "")[:10],
                subject_nationality=(nationality or "")[:3],
                subject_document=normalise_document(document_number or "")[:64],
                subject_key=key,
                score=round(min(1.0, outcome.score), 4),
                explanation={**outcome.explanation, "document_match": outcome.document_match},
            )
            audit.record(
                actor=actor,
                action=AuditAction.CREATE,
                event="watchlists.hit.raise",
                obj=hit,
                unit_code=unit.code,
                after={
                    "entry": entry.pk,
                    "score": hit.score,
                    "context": context,
                    "context_ref": hit.context_ref,
                },
            )
        outcome.hit = hit
    return ScreeningResult(key, outcomes)
