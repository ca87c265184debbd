"""Reads, already scoped: agents see their organisation's filings, officers their port's
post subtree."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.errors import ValidationFailed
from bienphong.exports.params import choice_param, param
from bienphong.org.models import Organisation
from bienphong.org.scoping import get_in_scope, scope_queryset

from .models import (
    ANSWER_WITHIN,
    AWAITING_OFFICER,
    Filing,
    ListPerson,
    Permit,
    PermitKind,
    PersonKind,
    PortCall,
    Vessel,
)

COMPARED_FIELDS = (
    "family_name",
    "given_names",
    "rank",
    "nationality",
    "birth_date",
    "sex",
    "doc_type",
    "doc_number",
    "doc_issuing_state",
    "doc_expiry",
    "visa",
)


def filings_for(actor: Any) -> QuerySet[Filing]:
    qs = Filing.objects.select_related("port_call__vessel", "port", "organisation")
    return scope_queryset(qs, actor, unit_field="port", organisation_field="organisation")


def port_calls_for(actor: Any) -> QuerySet[PortCall]:
    qs = PortCall.objects.select_related("vessel", "port")
    return scope_queryset(qs, actor, unit_field="port", organisation_field="organisation")


def get_filing_for(actor: Any, filing_id: int, *, log_view: bool = False) -> Filing:
    filing = get_in_scope(filings_for(actor), actor, pk=filing_id)
    if log_view:
        audit.record_view(actor=actor, obj=filing, event="ports.filing.view")
    return filing


def people(filing: Filing, kind: str) -> list[ListPerson]:
    return list(filing.people.filter(kind=kind).order_by("position"))


def queue(actor: Any, *, port: str = "", include_decided: bool = False) -> QuerySet[Filing]:
    """Filings for officers, by ETA; awaiting an answer unless ``include_decided``."""
    qs = filings_for(actor)
    if not include_decided:
        qs = qs.filter(status__in=AWAITING_OFFICER)
    if port:
        qs = qs.filter(port__code=port)
    return qs.order_by("eta", "pk")


def queue_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[Filing]:
    """The officers' queue screen's filters (and its export's): ``port``, ``all=1``."""
    return queue(
        actor,
        port=param(params, "port", max_length=32),
        include_decided=param(params, "all", max_length=1) == "1",
    )


def filings_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[Filing]:
    """An agent's filings, newest arrival first (no filters on that screen)."""
    return filings_for(actor).order_by("-eta", "-pk")


def permits_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[Permit]:
    """Permits in scope, optionally of one ``filing`` and one ``kind``."""
    qs = permits_for(actor).order_by("issued_at", "pk")
    filing = param(params, "filing", max_length=12)
    if filing:
        if not filing.isdigit():
            raise ValidationFailed(fields={"filing": [_("Enter a filing number.")]})
        qs = qs.filter(filing_id=int(filing))
    kind = choice_param(params, "kind", PermitKind.values)
    return qs.filter(kind=kind) if kind else qs


def is_overdue(filing: Filing, now: dt.datetime | None = None) -> bool:
    return bool(
        filing.status in AWAITING_OFFICER
        and filing.due_at is not None
        and (now or timezone.now()) > filing.due_at
    )


def minutes_left(filing: Filing, now: dt.datetime | None = None) -> int | None:
    if filing.status not in AWAITING_OFFICER or filing.due_at is None:
        return None
    return int((filing.due_at - (now or timezone.now())).total_seconds() // 60)


def vessels() -> QuerySet[Vessel]:
    return Vessel.objects.order_by("name")


def organisations_pending() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_approved=False).order_by("name")


# --- differences from the last call ------------------------------------------------


@dataclass
class CrewDiff:
    added: list[ListPerson] = field(default_factory=list)
    removed: list[ListPerson] = field(default_factory=list)
    changed: list[tuple[ListPerson, list[str]]] = field(default_factory=list)
    baseline: Filing | None = None

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def status_of(self, person: ListPerson) -> str:
        if any(p.pk == person.pk for p in self.added):
            return "added"
        if any(p.pk == person.pk for p, _fields in self.changed):
            return "changed"
        return ""

    def changed_fields(self, person: ListPerson) -> list[str]:
        for candidate, fields in self.changed:
            if candidate.pk == person.pk:
                return fields
        return []

    def as_dict(self) -> dict[str, Any]:
        return {
            "baseline_filing": self.baseline.pk if self.baseline else None,
            "added": [p.position for p in self.added],
            "removed": [
                {"position": p.position, "name": p.full_name, "doc_number": p.doc_number}
                for p in self.removed
            ],
            "changed": [{"position": p.position, "fields": f} for p, f in self.changed],
        }


def _identity(person: ListPerson) -> str:
    return person.doc_number or f"{person.official_name}|{person.birth_date}"


def _match(current: list[ListPerson], previous: list[ListPerson]) -> dict[int, ListPerson]:
    """Pair each current person with the previous one: same document, else same name and
    birth date (a renewed passport)."""
    by_doc = {p.doc_number: p for p in previous if p.doc_number}
    by_name = {(p.official_name, p.birth_date): p for p in previous}
    pairs: dict[int, ListPerson] = {}
    used: set[int] = set()
    for person in current:
        old = by_doc.get(person.doc_number)
        if old is None or old.pk in used:
            old = by_name.get((person.official_name, person.birth_date))
        if old is not None and old.pk not in used:
            pairs[person.pk] = old
            used.add(old.pk)
    return pairs


def crew_diff(filing: Filing) -> CrewDiff:
    """Added, removed and changed crew against the vessel's previous crew list."""
    baseline = filing.previous_filing
    diff = CrewDiff(baseline=baseline)
    if baseline is None:
        return diff
    current = people(filing, PersonKind.CREW)
    previous = people(baseline, PersonKind.CREW)
    pairs = _match(current, previous)
    matched = {old.pk for old in pairs.values()}
    for person in current:
        old = pairs.get(person.pk)
        if old is None:
            diff.added.append(person)
            continue
        changed = [f for f in COMPARED_FIELDS if getattr(person, f) != getattr(old, f)]
        if changed:
            diff.changed.append((person, changed))
    diff.removed = [p for p in previous if p.pk not in matched]
    return diff


# --- permits -----------------------------------------------------------------------


def permits_for(actor: Any) -> QuerySet[Permit]:
    qs = Permit.objects.select_related(
        "filing__port_call__vessel", "filing__port", "person", "issued_by"
    )
    return scope_queryset(
        qs, actor, unit_field="filing__port", organisation_field="filing__organisation"
    )


# --- statistics --------------------------------------------------------------------


def processing_stats(actor: Any, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]]:
    """Per port: filings submitted in [date_from, date_to], how many answered, the median
    minutes from submission to the first answer, and the share answered within one hour."""
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(date_from, dt.time.min, tzinfo=tz)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    rows = (
        filings_for(actor)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .values_list(
            "port__code", "port__name_vi", "port__name_en", "submitted_at", "first_answered_at"
        )
    )
    ports: dict[str, dict[str, Any]] = {}
    minutes: dict[str, list[float]] = {}
    for code, name_vi, name_en, submitted, answered in rows:
        entry = ports.setdefault(
            code,
            {
                "port": code,
                "name_vi": name_vi,
                "name_en": name_en,
                "submitted": 0,
                "answered": 0,
                "within_hour": 0,
            },
        )
        entry["submitted"] += 1
        if answered is not None and submitted is not None:
            entry["answered"] += 1
            elapsed = answered - submitted
            minutes.setdefault(code, []).append(elapsed.total_seconds() / 60)
            if elapsed <= ANSWER_WITHIN:
                entry["within_hour"] += 1
    result = []
    for code in sorted(ports):
        entry = ports[code]
        values = minutes.get(code, [])
        entry["median_minutes"] = round(statistics.median(values), 1) if values else None
        entry["within_hour_share"] = (
            round(entry["within_hour"] / entry["answered"], 3) if entry["answered"] else None
        )
        result.append(entry)
    return result


def people_prefetch() -> Prefetch[Any]:
    return Prefetch("people", queryset=ListPerson.objects.order_by("kind", "position"))


def pending_applications_count(user: Any) -> int:
    """Agent applications awaiting a decision, for those who decide them (else 0)."""
    from bienphong.org.roles import Role
    from bienphong.org.scoping import roles_of

    from .application_models import AgentApplication, ApplicationStatus

    if not roles_of(user) & {Role.COMMAND_STAFF, Role.ADMINISTRATOR}:
        return 0
    return AgentApplication.objects.filter(status=ApplicationStatus.PENDING).count()
