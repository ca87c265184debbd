"""Recording decisions: crossings, stays, corrections; merging travellers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import Conflict, ValidationFailed
from bienphong.org.scoping import require_write
from bienphong.writelock import serialized_write

from ..lookups import list_code_exists
from ..models import (
    Crossing,
    Decision,
    Direction,
    ListKind,
    Stay,
    TravelDocument,
    Traveller,
    TravellerMerge,
)
from ..rows import Rows, Step, insert_linked
from .checks import CheckResult, checked_result, run_check
from .documents import DocumentFacts

# Fixed-SQL inserts for the rows every crossing writes (compiling an ORM insert cost more
# than running it; nothing listens to these models' save signals).
_travellers = Rows(Traveller)
_documents = Rows(TravelDocument)
_stays = Rows(Stay)
_crossings = Rows(Crossing)

REASON_KINDS = {
    Decision.REFUSED: ListKind.REFUSAL_REASON,
    Decision.REFERRED: ListKind.REFERRAL_REASON,
}


def _validate_decision(payload: dict[str, Any], result: CheckResult) -> dict[str, str]:
    decision = str(payload.get("decision") or "")
    errors: dict[str, list[str]] = {}
    if decision not in Decision.values:
        errors["decision"] = [_("Choose admit, refuse or refer.")]
    reason = str(payload.get("reason_code") or "").strip()
    if decision in REASON_KINDS:
        if not reason:
            errors["reason_code"] = [_("A reason is required to refuse or refer.")]
        elif not list_code_exists(REASON_KINDS[Decision(decision)], reason):
            errors["reason_code"] = [_("Choose a reason from the list.")]
    if decision == Decision.ADMITTED and not result.can_admit:
        blocking = [i.title for i in result.items if i.status == "block"]
        errors["decision"] = [_("Cannot admit: %(checks)s.") % {"checks": "; ".join(blocking)}]
    purpose = str(payload.get("purpose") or "").strip()
    if purpose and not list_code_exists(ListKind.PURPOSE, purpose, active_only=False):
        errors["purpose"] = [_("Choose a purpose from the list.")]
    if errors:
        raise ValidationFailed(fields=errors)
    return {
        "decision": decision,
        "reason_code": reason if decision in REASON_KINDS else "",
        "reason_text": str(payload.get("reason_text") or "").strip()[:500],
        "purpose": purpose,
        "destination": str(payload.get("destination") or "").strip()[:64],
    }


def _traveller_and_document(
    facts: DocumentFacts, result: CheckResult
) -> tuple[Traveller, TravelDocument, bool]:
    """The traveller and document to record, and whether the traveller is new. New ones
    are not saved yet (``pk`` is None): the caller inserts them with the crossing."""
    traveller = result.traveller
    created = traveller is None
    if traveller is None:
        name_key, birth, nationality = facts.identity_key
        traveller = Traveller(
            full_name=facts.full_name,
            name_key=name_key,
            birth_date=facts.birth_date,
            birth_date_text=birth,
            nationality=nationality or facts.issuing_state,
            sex=facts.sex if facts.sex in ("M", "F", "X") else "",
        )
    document = result.existing_document
    if document is None:
        document = TravelDocument(
            traveller=traveller,
            doc_type=facts.doc_type,
            number=facts.number,
            issuing_state=facts.issuing_state,
            issue_date=facts.issue_date,
            expiry_date=facts.expiry_date,
            entries=facts.entries,
            areas=facts.areas,
        )
    elif document.traveller_id != traveller.pk and not document.traveller.merged_into_id:
        # A document seen before under another record of the same person.
        traveller = document.traveller
        created = False
    return traveller, document, created


def _replayed(key: str, facts: DocumentFacts, decision: str) -> Crossing | None:
    existing = Crossing.objects.filter(idempotency_key=key).select_related("document").first()
    if existing is None:
        return None
    same = existing.document.number == facts.number and existing.decision == decision
    if not same:
        raise Conflict(_("This Idempotency-Key was used for another crossing."))
    return existing


def crossing_record(
    *, actor: Any, payload: dict[str, Any], idempotency_key: str = "", at: dt.datetime | None = None
) -> tuple[Crossing, bool]:
    """Check again, validate the decision and record it. Returns (crossing, created):
    a retry with the same Idempotency-Key returns the crossing first recorded."""
    key = idempotency_key.strip()[:80] or None
    at = at or timezone.now()
    token = str(payload.get("check_token") or "")
    result = checked_result(actor=actor, payload=payload, token=token, at=at) if token else None
    if result is None:
        result = run_check(actor=actor, payload=payload, at=at)
    facts = result.document
    fields = _validate_decision(payload, result)
    try:
        with serialized_write(), transaction.atomic():
            crossing = _write(actor, result, fields, key, at)
    except IntegrityError:
        # The key is unique: a retry (or a concurrent one that committed first) fails to
        # insert and rolls back whole, then gets the crossing first recorded. Looking the
        # key up only then saves a query on every first attempt.
        if key and (replay := _replayed(key, facts, fields["decision"])):
            return replay, False
        raise
    return crossing, True


def _write(
    actor: Any, result: CheckResult, fields: dict[str, str], key: str | None, at: dt.datetime
) -> Crossing:
    facts = result.document
    traveller, document, new_traveller = _traveller_and_document(facts, result)
    today = timezone.localdate(at)
    admitted = fields["decision"] == Decision.ADMITTED
    # Only an admitted exit reads (and closes) the open stay; a traveller created in this
    # transaction has none. Entries, refusals and referrals leave it alone: no lookup.
    closes_stay = admitted and result.direction == Direction.EXIT and not new_traveller
    stay = (
        None
        if not closes_stay
        else _stays.first(
            "traveller_id = %s AND exited_at IS NULL",
            [traveller.pk],
            order_by="entered_at DESC",
            lock=True,
        )
    )
    crossing = Crossing(
        traveller=traveller,
        document=document,
        unit=result.gate,
        lane=result.lane,
        direction=result.direction,
        at=at,
        officer=actor,
        nationality=facts.nationality or facts.issuing_state,
        checks={
            "items": [i.as_dict() for i in result.items],
            "hits": [h.get("hit_id") for h in result.hits],
        },
        idempotency_key=key,
        **fields,
    )
    # New rows go in one statement where the database allows it (PostgreSQL).
    steps: list[Step] = []
    links: dict[str, int] = {}
    if traveller.pk is None:
        steps.append((_travellers, traveller, {}))
        links["traveller"] = 0
    if document.pk is None:
        steps.append((_documents, document, dict(links)))
        links["document"] = len(steps) - 1
    if admitted and result.direction == Direction.ENTRY:
        crossing.permitted_until = result.permitted_until
        stay = Stay(
            traveller=traveller,
            entered_at=at,
            permitted_until=result.permitted_until,
            entry_unit=result.gate,
        )
        steps.append((_stays, stay, {k: v for k, v in links.items() if k == "traveller"}))
        links["stay"] = len(steps) - 1
        crossing.stay = stay
    elif admitted and result.direction == Direction.EXIT:
        if stay is None:
            crossing.no_entry_record = True
        else:
            if stay.permitted_until and stay.permitted_until < today:
                crossing.overstay_days = (today - stay.permitted_until).days
            stay.exited_at = at
            stay.save(update_fields=["exited_at"])
            crossing.stay = stay
    steps.append((_crossings, crossing, links))
    insert_linked(steps)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="checkpoint.crossing.record",
        obj=crossing,
        unit_code=result.gate.code,
        after={
            "traveller": traveller.pk,
            "document": document.pk,
            "direction": crossing.direction,
            "decision": crossing.decision,
            "reason": crossing.reason_code,
            "lane": crossing.lane,
        },
    )
    return crossing


@transaction.atomic
def crossing_correct(
    *, actor: Any, crossing: Crossing, changes: dict[str, Any], reason: str
) -> Crossing:
    """A correction is a new crossing that supersedes the old one; both stay on record."""
    require_write(actor, crossing.unit)
    if not reason.strip():
        raise ValidationFailed(fields={"reason": [_("A reason is required.")]})
    if Crossing.objects.filter(corrects=crossing).exists():
        raise Conflict(_("This crossing has already been corrected."))
    allowed = {
        "decision",
        "reason_code",
        "reason_text",
        "purpose",
        "destination",
        "lane",
        "direction",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationFailed(
            fields={name: [_("This field cannot be corrected.")] for name in unknown}
        )
    fresh = Crossing.objects.get(pk=crossing.pk)
    before = audit.snapshot(fresh)
    fresh.pk = None
    fresh.idempotency_key = None
    for name, value in changes.items():
        setattr(fresh, name, value)
    if fresh.decision != Decision.ADMITTED and not fresh.reason_code:
        raise ValidationFailed(
            fields={"reason_code": [_("A reason is required to refuse or refer.")]}
        )
    fresh.corrects = crossing
    fresh.correction_reason = reason.strip()[:300]
    fresh.officer = actor
    fresh.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="checkpoint.crossing.correct",
        obj=fresh,
        unit_code=crossing.unit.code,
        before=before,
        after=audit.snapshot(fresh),
    )
    return fresh


@transaction.atomic
def traveller_merge(
    *, actor: Any, survivor: Traveller, duplicate: Traveller, reason: str
) -> TravellerMerge:
    if survivor.pk == duplicate.pk:
        raise ValidationFailed(fields={"duplicate": [_("Choose two different travellers.")]})
    if not reason.strip():
        raise ValidationFailed(fields={"reason": [_("A reason is required.")]})
    duplicate.merged_into = survivor
    duplicate.save(update_fields=["merged_into"])
    merge = TravellerMerge.objects.create(
        survivor=survivor, duplicate=duplicate, merged_by=actor, reason=reason.strip()[:300]
    )
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="checkpoint.traveller.merge",
        obj=duplicate,
        before={"merged_into": None},
        after={"merged_into": survivor.pk, "reason": merge.reason},
    )
    return merge


@transaction.atomic
def traveller_split(*, actor: Any, merge: TravellerMerge, reason: str) -> None:
    if merge.undone_at is not None:
        raise Conflict(_("This merge has already been undone."))
    if not reason.strip():
        raise ValidationFailed(fields={"reason": [_("A reason is required.")]})
    duplicate = merge.duplicate
    duplicate.merged_into = None
    duplicate.save(update_fields=["merged_into"])
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="checkpoint.traveller.split",
        obj=duplicate,
        before={"merged_into": merge.survivor_id},
        after={"merged_into": None, "reason": reason.strip()[:300]},
    )
