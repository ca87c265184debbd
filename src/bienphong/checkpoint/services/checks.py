"""Every check on a traveller at a gate, computed before the officer decides.

Nothing about the crossing is written here; watchlist alerts do become review items
(the same pending item on a retry), because an unreviewed hit must be reviewable at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit, UnitType
from bienphong.org.scoping import require_write
from bienphong.watchlists.access import can_view_files
from bienphong.watchlists.models import HitStatus, Instruction
from bienphong.watchlists.presenters import outcome_dict
from bienphong.watchlists.screening import screen_person

from ..lookups import unit_by_code, unit_code, visa_rule
from ..models import (
    Crossing,
    Decision,
    Direction,
    DocumentType,
    Stay,
    TravelDocument,
    Traveller,
)
from ..rows import Rows
from .documents import DocumentFacts, read_document

OK, WARN, BLOCK = "ok", "warning", "block"
TOKEN_SALT = "bienphong.checkpoint.check"
CHECK_TOKEN_SECONDS = 300
BORDER_PASSES = (
    DocumentType.BORDER_AREA_PASS,
    DocumentType.BORDER_RESIDENT_PASS,
    DocumentType.CN_EXIT_ENTRY_PASS,
)
BLOCKING_INSTRUCTIONS = {
    Direction.ENTRY: {Instruction.REFUSE_ENTRY, Instruction.DETAIN},
    Direction.EXIT: {Instruction.REFUSE_EXIT, Instruction.DETAIN},
}


@dataclass
class CheckItem:
    code: str
    status: str
    title: str
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "status": self.status,
            "title": self.title,
            "detail": self.detail,
        }


@dataclass
class CheckResult:
    gate: Unit
    direction: str
    document: DocumentFacts
    traveller: Traveller | None
    existing_document: TravelDocument | None
    items: list[CheckItem] = field(default_factory=list)
    hits: list[dict[str, Any]] = field(default_factory=list)
    health: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    open_stay: Stay | None = None
    permitted_until: dt.date | None = None
    lane: str = ""

    @property
    def can_admit(self) -> bool:
        return all(item.status != BLOCK for item in self.items)

    def fingerprint(self, actor: Any) -> str:
        raw = "|".join(
            [
                str(getattr(actor, "pk", "")),
                self.gate.code,
                self.direction,
                self.document.fingerprint(),
            ]
        )
        return hashlib.sha256(raw.encode()).hexdigest()[:32]

    def token(self, actor: Any) -> str:
        """A signed summary of this check: recording within CHECK_TOKEN_SECONDS trusts it
        instead of running every check again (the officer decides on what was shown)."""
        return signing.dumps(
            {
                "f": self.fingerprint(actor),
                "i": [i.as_dict() for i in self.items],
                "p": self.permitted_until.isoformat() if self.permitted_until else None,
                "h": [h.get("hit_id") for h in self.hits],
            },
            salt=TOKEN_SALT,
            compress=True,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "gate": self.gate.code,
            "direction": self.direction,
            "document": self.document.summary(),
            "document_errors": self.document.errors,
            "document_warnings": self.document.warnings,
            "traveller_id": self.traveller.pk if self.traveller else None,
            "checks": [item.as_dict() for item in self.items],
            "watchlist_hits": self.hits,
            "health": self.health,
            "history": self.history,
            "permitted_until": self.permitted_until.isoformat() if self.permitted_until else None,
            "can_admit": self.can_admit,
        }

    def as_response(self, actor: Any) -> dict[str, Any]:
        return {**self.as_dict(), "check_token": self.token(actor)}


def gate_for(actor: Any, code: str) -> Unit:
    gate = unit_by_code(code)
    if gate is None or gate.unit_type not in (UnitType.GATE, UnitType.STATION):
        raise ValidationFailed(fields={"gate": [_("Choose a land gate.")]})
    require_write(actor, gate)
    return gate


_documents = Rows(TravelDocument)
_travellers = Rows(Traveller)
_crossings = Rows(Crossing)
_stays = Rows(Stay)


def find_traveller(facts: DocumentFacts) -> tuple[Traveller | None, TravelDocument | None]:
    """The same document, or else the same identity (a person with a new passport)."""
    # The document and its traveller in one query (this runs on every check and record).
    found = _documents.first_with(
        _travellers,
        "traveller",
        "a.doc_type = %s AND a.issuing_state = %s AND a.number = %s",
        [facts.doc_type, facts.issuing_state, facts.number],
    )
    document, traveller = found if found else (None, None)
    if traveller is None and facts.birth_text:
        name_key, birth, nationality = facts.identity_key
        traveller = _travellers.first(
            "name_key = %s AND birth_date_text = %s AND nationality = %s",
            [name_key, birth, nationality],
            order_by="id",
        )
    seen = 0
    while traveller is not None and traveller.merged_into_id and seen < 10:
        traveller = traveller.merged_into
        seen += 1
    return traveller, document


def _document_checks(result: CheckResult, facts: DocumentFacts) -> None:
    if facts.errors:
        result.items.append(
            CheckItem(
                "document",
                BLOCK,
                _("Document not valid"),
                "; ".join(e["message"] for e in facts.errors),
            )
        )
    else:
        detail = (
            _("valid until %(date)s") % {"date": facts.expiry_date.strftime("%d/%m/%Y")}
            if facts.expiry_date
            else ""
        )
        result.items.append(CheckItem("document", OK, _("Document valid"), detail))


def _scope_checks(result: CheckResult, facts: DocumentFacts) -> None:
    if facts.doc_type not in BORDER_PASSES:
        return
    gate = result.gate
    if not gate.borders_country or gate.borders_country not in ("CHN", "VNM"):
        result.items.append(
            CheckItem(
                "scope",
                BLOCK,
                _("Pass not valid at this gate"),
                _("Border passes are valid only at Vietnam–China gates."),
            )
        )
        return
    if facts.entries == "single" and result.existing_document is not None:
        used = Crossing.objects.filter(
            document=result.existing_document,
            decision=Decision.ADMITTED,
            direction=result.direction,
            correction__isnull=True,
        ).exists()
        if used:
            result.items.append(
                CheckItem(
                    "single_entry_used",
                    BLOCK,
                    _("Single-entry pass already used"),
                    _("This pass allows one entry and one exit; it has been used."),
                )
            )
            return
    result.items.append(CheckItem("scope", OK, _("Pass valid at this gate")))


def _screening_checks(result: CheckResult, facts: DocumentFacts, actor: Any) -> None:
    screened = screen_person(
        actor=actor,
        unit=result.gate,
        name=facts.full_name,
        dob=facts.birth_text or None,
        nationality=facts.nationality or None,
        document_number=facts.number,
        context="checkpoint",
    )
    files = can_view_files(actor)
    result.hits = [outcome_dict(o, files=files) for o in screened.outcomes]
    blocking = BLOCKING_INSTRUCTIONS[Direction(result.direction)]
    for outcome in screened.outcomes:
        hit = outcome.hit
        listed = outcome.entry
        if outcome.previously_dismissed:
            continue
        if hit is not None and hit.status == HitStatus.PENDING:
            result.items.append(
                CheckItem(
                    "watchlist",
                    BLOCK,
                    _("Watchlist hit awaiting review"),
                    _("%(name)s — review the hit before admitting.") % {"name": listed.full_name},
                )
            )
        elif hit is not None and hit.status == HitStatus.CONFIRMED:
            status = BLOCK if listed.instruction in blocking else WARN
            result.items.append(
                CheckItem(
                    "watchlist",
                    status,
                    str(listed.get_instruction_display()),
                    listed.instruction_note,
                )
            )
    if not any(item.code == "watchlist" for item in result.items):
        result.items.append(CheckItem("watchlist", OK, _("No watchlist hit")))


def _health_checks(
    result: CheckResult, facts: DocumentFacts, payload: dict[str, Any], at: dt.datetime
) -> None:
    if not apps.is_installed("bienphong.health"):
        return
    from bienphong.health.services import evaluate_crossing

    check = evaluate_crossing(
        gate=result.gate,
        direction=result.direction,
        at=at,
        nationality=facts.nationality,
        travel_countries=list(payload.get("travel_countries") or []),
        category=str(payload.get("category") or ""),
        declaration_code=str(payload.get("declaration_code") or "") or None,
    )
    result.health = [dict(o) for o in check.outcomes]
    declaration = check.declaration
    if declaration is not None:
        result.items.append(
            CheckItem(
                "health_declaration",
                OK,
                _("Health declaration found"),
                _("Code %(code)s — %(name)s")
                % {"code": declaration.code, "name": declaration.full_name},
            )
        )
    elif getattr(check, "declaration_not_found", False):
        result.items.append(
            CheckItem("health_declaration", WARN, _("No health declaration with this code"))
        )
    for outcome in check.outcomes:
        status = {"met": OK, "not_met": BLOCK}.get(outcome.get("status", ""), WARN)
        result.items.append(
            CheckItem(
                "health",
                status,
                str(outcome.get("title", "")),
                "; ".join(str(r) for r in outcome.get("reasons", [])),
            )
        )


def _history_checks(result: CheckResult, today: dt.date) -> None:
    traveller = result.traveller
    if traveller is None:
        return
    # Not corrected: no later crossing names this one in corrects_id.
    recent = _crossings.fetch(
        "traveller_id = %s AND NOT EXISTS (SELECT 1 FROM checkpoint_crossing AS later"
        " WHERE later.corrects_id = checkpoint_crossing.id)",
        [traveller.pk],
        order_by="at DESC",
        limit=5,
    )
    result.history = [
        {
            "at": c.at.isoformat(),
            "at_local": timezone.localtime(c.at).strftime("%d/%m/%Y %H:%M"),
            "gate": unit_code(c.unit_id),
            "direction": c.direction,
            "direction_label": str(c.get_direction_display()),
            "decision": c.decision,
            "decision_label": str(c.get_decision_display()),
        }
        for c in recent
    ]
    result.open_stay = _stays.first(
        "traveller_id = %s AND exited_at IS NULL", [traveller.pk], order_by="entered_at DESC"
    )
    stay = result.open_stay
    if result.direction == Direction.ENTRY and stay is not None:
        result.items.append(
            CheckItem(
                "history",
                WARN,
                _("Entry already recorded"),
                _("Entered %(date)s with no exit recorded.")
                % {"date": stay.entered_at.strftime("%d/%m/%Y")},
            )
        )
    elif result.direction == Direction.EXIT and stay is None:
        result.items.append(
            CheckItem(
                "history", WARN, _("No entry recorded"), _("This exit has no recorded entry.")
            )
        )
    elif (
        result.direction == Direction.EXIT
        and stay
        and stay.permitted_until
        and stay.permitted_until < today
    ):
        days = (today - stay.permitted_until).days
        result.items.append(
            CheckItem(
                "overstay",
                WARN,
                _("Overstay"),
                _("Stayed %(days)s days past %(date)s.")
                % {"days": days, "date": stay.permitted_until.strftime("%d/%m/%Y")},
            )
        )


def _visa_checks(result: CheckResult, facts: DocumentFacts, today: dt.date) -> None:
    if result.direction != Direction.ENTRY or facts.nationality == "VNM":
        return
    if facts.doc_type in BORDER_PASSES:
        result.permitted_until = facts.expiry_date
        return
    rule = visa_rule(facts.nationality, facts.doc_type)
    if rule is None or rule.visa_required:
        result.items.append(
            CheckItem(
                "visa",
                WARN,
                _("Visa required"),
                _("Check the visa or e-visa and its permitted stay."),
            )
        )
        return
    until = today + dt.timedelta(days=rule.stay_days)
    if facts.expiry_date and facts.expiry_date < until:
        until = facts.expiry_date
    result.permitted_until = until
    result.items.append(
        CheckItem(
            "visa",
            OK,
            _("Visa exemption"),
            _("%(days)s days (%(basis)s)") % {"days": rule.stay_days, "basis": rule.note},
        )
    )


def checked_result(
    *, actor: Any, payload: dict[str, Any], token: str, at: dt.datetime | None = None
) -> CheckResult | None:
    """The result a recent check token vouches for, or None if it does not fit the payload
    (then the caller runs every check again)."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=CHECK_TOKEN_SECONDS)
    except signing.BadSignature:
        return None
    at = at or timezone.now()
    gate = gate_for(actor, str(payload.get("gate") or ""))
    direction = str(payload.get("direction") or "")
    if direction not in Direction.values:
        raise ValidationFailed(fields={"direction": [_("Choose entry or exit.")]})
    facts = read_document(payload, timezone.localdate(at))
    traveller, existing = find_traveller(facts)
    result = CheckResult(
        gate, direction, facts, traveller, existing, lane=str(payload.get("lane") or "")[:16]
    )
    if data.get("f") != result.fingerprint(actor):
        return None
    result.items = [CheckItem(**item) for item in data.get("i", [])]
    result.permitted_until = dt.date.fromisoformat(data["p"]) if data.get("p") else None
    result.hits = [{"hit_id": h} for h in data.get("h", [])]
    return result


def run_check(*, actor: Any, payload: dict[str, Any], at: dt.datetime | None = None) -> CheckResult:
    """Read the document and run every check for ``payload`` (gate, direction, mrz or
    document, optional declaration_code, category, travel_countries)."""
    at = at or timezone.now()
    today = timezone.localdate(at)
    gate = gate_for(actor, str(payload.get("gate") or ""))
    direction = str(payload.get("direction") or "")
    if direction not in Direction.values:
        raise ValidationFailed(fields={"direction": [_("Choose entry or exit.")]})
    facts = read_document(payload, today)
    traveller, existing = find_traveller(facts)
    result = CheckResult(
        gate, direction, facts, traveller, existing, lane=str(payload.get("lane") or "")[:16]
    )
    _document_checks(result, facts)
    _scope_checks(result, facts)
    if facts.full_name or facts.number:
        _screening_checks(result, facts, actor)
    _health_checks(result, facts, payload, at)
    _history_checks(result, today)
    _visa_checks(result, facts, today)
    return result
