"""What each reader may see of a hit: the checkpoint sees the instruction and enough of
the listed person to compare; only file viewers see the list, the reason and the source."""

from __future__ import annotations

from typing import Any

from .explanations import explanation_lines
from .models import ScreeningHit, WatchlistEntry
from .screening import Outcome


def listed_person(entry: WatchlistEntry, *, files: bool) -> dict[str, Any]:
    person: dict[str, Any] = {
        "name": entry.full_name,
        "aliases": list(entry.aliases or []),
        "date_of_birth": entry.dob,
        "nationality": entry.nationality,
        "sex": entry.gender,
        "instruction": entry.instruction,
        "instruction_label": str(entry.get_instruction_display()),
        "instruction_note": entry.instruction_note,
    }
    if files:
        person.update(
            entry_id=entry.pk,
            reference=entry.external_id,
            watchlist=entry.watchlist.code,
            watchlist_name=entry.watchlist.name,
            list_type=entry.watchlist.list_type,
            reason=entry.reason,
            source=entry.watchlist.source,
            documents=[d.number for d in entry.documents.all()],
        )
    return person


def outcome_dict(outcome: Outcome, *, files: bool) -> dict[str, Any]:
    return {
        "hit_id": outcome.hit.pk if outcome.hit else None,
        "status": outcome.hit.status if outcome.hit else None,
        "score": round(outcome.score, 4),
        "document_match": outcome.document_match,
        "previously_dismissed": outcome.previously_dismissed,
        "blocking": outcome.blocking,
        "explanation": explanation_lines(
            {**outcome.explanation, "document_match": outcome.document_match}
        ),
        "listed": listed_person(outcome.entry, files=files),
    }


def hit_dict(hit: ScreeningHit, *, files: bool) -> dict[str, Any]:
    return {
        "id": hit.pk,
        "status": hit.status,
        "status_label": str(hit.get_status_display()),
        "unit": hit.unit.code,
        "context": hit.context,
        "context_ref": hit.context_ref,
        "created_at": hit.created_at,
        "subject": {
            "name": hit.subject_name,
            "date_of_birth": hit.subject_dob,
            "nationality": hit.subject_nationality,
            "document_number": hit.subject_document,
        },
        "score": hit.score,
        "explanation": explanation_lines(hit.explanation),
        "document_match": bool(hit.explanation.get("document_match")),
        "listed": listed_person(hit.entry, files=files),
        "decided_by": hit.decided_by.get_username() if hit.decided_by else None,
        "decided_at": hit.decided_at,
        "decision_reason": hit.decision_reason,
    }
