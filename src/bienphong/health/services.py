"""Writes (measures, declarations, the retention purge) and the checkpoint's entry point
``evaluate_crossing``.

``evaluate_crossing`` and ``declaration_by_code`` are the stable interface other apps use:

    check = evaluate_crossing(gate=unit_or_code, direction="entry", at=now,
                              nationality="CHN", travel_countries=["NGA"],
                              category="tourist", declaration_code="ABCD-EFG2")
    check.blocking, check.declaration, check.outcomes  # list of dicts, see HealthCheck
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bienphong import caching
from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.engines import rules
from bienphong.errors import ValidationFailed, fields_from_django, full_clean
from bienphong.org.models import Unit
from bienphong.org.scoping import primary_membership, require_write

from . import codes
from .access import DECLARATION_TAKE_ROLES, MEASURE_WRITE_ROLES, require
from .inputs import clean_declaration
from .measures import clean_measure
from .models import HealthDeclaration, HealthMeasure, Source
from .presenters import outcome_dict
from .selectors import declaration_by_code

__all__ = [
    "HealthCheck",
    "declaration_by_code",
    "declaration_submit",
    "evaluate_crossing",
    "measure_create",
    "measure_delete",
    "measure_set_active",
    "measure_update",
    "purge_expired",
]

LAWFUL_BASIS = (
    "Consent of the data subject (Decree 13/2023/NĐ-CP, Art. 11) for border health "
    "control under Decree 89/2018/NĐ-CP"
)
CONSENT_PURPOSE = _(
    "Your answers are used only by the Border Guard and the border health-quarantine "
    "service to decide what health checks you need when crossing the border. They are "
    "kept for %(days)s days after your planned crossing date and then anonymised."
)
DEFAULT_RETENTION_DAYS = 60
# Fields of a declaration the audit log may hold (no health or identity data).
AUDIT_FIELDS = ["code", "source", "direction", "gate", "planned_date", "retain_until"]


def retention_days() -> int:
    """Days a declaration is kept after its planned date (``BIENPHONG_HEALTH_RETENTION_DAYS``)."""
    try:
        return max(1, int(os.environ.get("BIENPHONG_HEALTH_RETENTION_DAYS", "")))
    except ValueError:
        return DEFAULT_RETENTION_DAYS


def consent_purpose(days: int | None = None) -> str:
    return str(CONSENT_PURPOSE) % {"days": days or retention_days()}


# --- measures ------------------------------------------------------------------------


def _owner_unit(actor: Any) -> Unit:
    membership = primary_membership(actor)
    if membership is None or membership.unit is None:
        raise ValidationFailed(fields={"owner_unit": [str(_("You hold no unit."))]})
    return membership.unit


def _save_measure(measure: HealthMeasure, values: dict[str, Any]) -> None:
    gates = values.pop("gates")
    for name, value in values.items():
        setattr(measure, name, value)
    full_clean(measure)
    measure.save()
    measure.gates.set(gates)
    transaction.on_commit(_forget_rules)


def _measure_snapshot(measure: HealthMeasure) -> dict[str, Any]:
    data = audit.snapshot(measure)
    data["gates"] = sorted(g.code for g in measure.gates.all())
    return data


@transaction.atomic
def measure_create(*, actor: Any, data: dict[str, Any]) -> HealthMeasure:
    require(actor, MEASURE_WRITE_ROLES)
    values = clean_measure(data)
    measure = HealthMeasure(owner_unit=_owner_unit(actor), created_by=actor)
    _save_measure(measure, values)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="health.measure.create",
        obj=measure,
        after=_measure_snapshot(measure),
    )
    return measure


def _current(measure: HealthMeasure) -> dict[str, Any]:
    from .measures import FIELDS

    current = {name: getattr(measure, name) for name in FIELDS}
    current["gates"] = [g.code for g in measure.gates.all()]
    return current


@transaction.atomic
def measure_update(*, actor: Any, measure: HealthMeasure, data: dict[str, Any]) -> HealthMeasure:
    """Change the fields present in ``data`` (the others keep their values)."""
    require(actor, MEASURE_WRITE_ROLES)
    before = _measure_snapshot(measure)
    values = clean_measure(data, partial_of=_current(measure))
    _save_measure(measure, values)
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="health.measure.update",
        obj=measure,
        before=before,
        after=_measure_snapshot(measure),
    )
    return measure


def measure_set_active(*, actor: Any, measure: HealthMeasure, active: bool) -> HealthMeasure:
    """Switch a measure on or off (it keeps its period)."""
    return measure_update(actor=actor, measure=measure, data={"is_active": active})


@transaction.atomic
def measure_delete(*, actor: Any, measure: HealthMeasure) -> None:
    require(actor, MEASURE_WRITE_ROLES)
    before = _measure_snapshot(measure)
    audit.record(
        actor=actor,
        action=AuditAction.DELETE,
        event="health.measure.delete",
        obj=measure,
        before=before,
    )
    measure.delete()
    transaction.on_commit(_forget_rules)


# --- declarations --------------------------------------------------------------------


@transaction.atomic
def declaration_submit(
    *,
    actor: Any,
    data: dict[str, Any],
    source: str = Source.ONLINE,
    language: str = "vi",
    today: date | None = None,
) -> HealthDeclaration:
    """Validate and store a declaration. ``source="online"`` is the public page or API
    (``actor`` None); ``source="gate"`` is taken by an officer for a gate in their scope.
    Rate limiting is the caller's (``ratelimit.check``)."""
    if source not in Source.values:
        raise ValidationFailed(fields={"source": [str(_("Unknown source."))]})
    if source == Source.GATE:
        require(actor, DECLARATION_TAKE_ROLES)
    cleaned = clean_declaration(data, today=today)
    if source == Source.GATE:
        if cleaned.gate is None:
            raise ValidationFailed(fields={"gate": [str(_("Choose the gate."))]})
        require_write(actor, cleaned.gate)
    year, month, day = cleaned.birth
    days = retention_days()
    declaration = HealthDeclaration(
        source=source,
        full_name=cleaned.full_name,
        document_type=cleaned.document_type,
        document_number=cleaned.document_number,
        nationality=cleaned.nationality,
        birth_year=year,
        birth_month=month,
        birth_day=day,
        sex=cleaned.sex,
        direction=cleaned.direction,
        gate=cleaned.gate,
        planned_date=cleaned.planned_date,
        category=cleaned.category,
        travel_days=cleaned.travel_days,
        travel_countries=cleaned.travel_countries,
        symptoms=cleaned.symptoms,
        contact_with_case=cleaned.contact_with_case,
        vaccinations=cleaned.vaccinations,
        phone=cleaned.phone,
        email=cleaned.email,
        consent=True,
        consent_purpose=consent_purpose(days),
        lawful_basis=LAWFUL_BASIS,
        language=language[:8],
        retain_until=cleaned.planned_date + timedelta(days=days),
        created_by=actor if source == Source.GATE else None,
    )
    for _attempt in range(5):
        declaration.code = codes.new_code()
        try:
            declaration.full_clean()
        except Exception as error:
            if HealthDeclaration.objects.filter(code=declaration.code).exists():
                continue
            raise ValidationFailed(fields=fields_from_django(error)) from error
        try:
            with transaction.atomic():
                declaration.save()
        except IntegrityError:  # a concurrent submission drew the same code
            continue
        break
    else:  # pragma: no cover - 2^35 codes make this practically impossible
        raise RuntimeError("could not draw a free declaration code")
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event=f"health.declaration.create.{source}",
        obj=declaration,
        after=audit.snapshot(declaration, fields=AUDIT_FIELDS),
    )
    return declaration


@dataclass
class PurgeReport:
    anonymised: int = 0
    codes: list[str] = field(default_factory=list)


@transaction.atomic
def purge_expired(
    *, actor: Any = None, today: date | None = None, dry_run: bool = False
) -> PurgeReport:
    """Anonymise declarations past their retention date: identity, contact and health
    answers are erased; code, direction, gate, dates, nationality stay for statistics."""
    today = today or timezone.localdate()
    due = HealthDeclaration.objects.select_for_update().filter(
        retain_until__lt=today, anonymised_at__isnull=True
    )
    report = PurgeReport()
    now = timezone.now()
    for declaration in due.order_by("pk"):
        report.anonymised += 1
        report.codes.append(declaration.code)
        if dry_run:
            continue
        HealthDeclaration.objects.filter(pk=declaration.pk).update(
            full_name="",
            document_number="",
            birth_year=None,
            birth_month=None,
            birth_day=None,
            sex="",
            travel_countries=[],
            symptoms=[],
            contact_with_case=False,
            vaccinations=[],
            phone="",
            email="",
            anonymised_at=now,
        )
        audit.record(
            actor=actor,
            action=AuditAction.DELETE,
            event="health.declaration.anonymise",
            obj=declaration,
            before=audit.snapshot(declaration, fields=AUDIT_FIELDS),
            unit_code="",
        )
    return report


# --- evaluation ----------------------------------------------------------------------


@dataclass
class HealthCheck:
    """What the health-control measures require of one traveller at one crossing.

    ``outcomes``: one dict per applicable measure, in measure order::

        {"measure_id": int, "title": str, "requirement": str, "requirement_label": str,
         "status": "met" | "not_met" | "officer_check", "status_label": str,
         "reason_codes": [str], "reasons": [str]}   # reasons translated

    ``declaration``: the declaration found by code (or ``None``); ``declaration_not_found``
    says a code was given but matched nothing; ``blocking``: some outcome is not met.
    """

    outcomes: list[dict[str, Any]]
    declaration: HealthDeclaration | None
    blocking: bool
    declaration_not_found: bool = False


_cache_lock = threading.Lock()
_cache: dict[str, Any] = {"version": None, "rules": None, "titles": {}, "checked_at": None}


def _forget_rules() -> None:
    with _cache_lock:
        _cache["version"] = None
        _cache["checked_at"] = None


def _engine_measure(m: HealthMeasure) -> rules.Measure:
    return rules.Measure(
        id=m.pk,
        requirement=rules.Requirement(m.requirement),
        active=m.is_active,
        valid_from=m.valid_from,
        valid_until=m.valid_until,
        gates=rules.codes(g.code for g in m.gates.all()),
        directions=frozenset(rules.Direction(d) for d in m.directions),
        origin_countries=rules.codes(m.origin_countries),
        travel_countries=rules.codes(m.travel_countries),
        lookback_days=m.lookback_days,
        categories=rules.words(m.categories),
        trigger_symptoms=frozenset(m.trigger_symptoms),
        trigger_contact=m.trigger_contact,
        test_within_hours=m.test_within_hours or 0,
        disease=m.disease,
        vaccination_min_days=m.vaccination_min_days,
        declaration_valid_hours=m.declaration_valid_hours,
    )


def current_rules() -> tuple[rules.RuleSet, dict[int, str]]:
    """The switched-on measures compiled once per change. Whether they changed is asked
    (one small query) at most every BIENPHONG_LOOKUP_CACHE_SECONDS per process, so a
    measure switched on in another process applies within that bound."""
    now = caching.clock()
    with _cache_lock:
        checked = _cache["checked_at"]
        if (
            _cache["rules"] is not None
            and _cache["version"] is not None
            and checked is not None
            and now - checked < caching.lookup_seconds()
        ):
            return _cache["rules"], _cache["titles"]
    version = tuple(
        HealthMeasure.objects.filter(is_active=True)
        .aggregate(n=Count("id"), last=Max("updated_at"), top=Max("id"))
        .values()
    )
    with _cache_lock:
        if _cache["version"] == version and _cache["rules"] is not None:
            _cache["checked_at"] = now
            return _cache["rules"], _cache["titles"]
    measures = list(HealthMeasure.objects.filter(is_active=True).prefetch_related("gates"))
    compiled = rules.RuleSet(_engine_measure(m) for m in measures)
    titles = {m.pk: m.title for m in measures}
    with _cache_lock:
        _cache.update(version=version, rules=compiled, titles=titles, checked_at=now)
    return compiled, titles


def _vaccination(item: Any) -> rules.Vaccination | None:
    if isinstance(item, rules.Vaccination):
        return item
    if isinstance(item, str):
        return rules.Vaccination(item)
    if isinstance(item, dict):
        disease, on = item.get("disease", ""), item.get("date") or item.get("on")
    else:
        disease, on = item
    if isinstance(on, str):
        try:
            on = date.fromisoformat(on) if on else None
        except ValueError as error:
            message = str(_("Enter a past vaccination date as dd/mm/yyyy."))
            raise ValidationFailed(fields={"vaccinations": [message]}) from error
    return rules.Vaccination(str(disease), on) if disease else None


def declaration_facts(declaration: HealthDeclaration) -> rules.DeclarationFacts:
    """A declaration made in advance counts from the start of its planned day."""
    planned = timezone.make_aware(datetime.combine(declaration.planned_date, time.min))
    return rules.DeclarationFacts(
        declared_at=max(declaration.created_at, planned),
        direction=rules.Direction(declaration.direction),
        symptoms=frozenset(declaration.symptoms),
        contact_with_case=declaration.contact_with_case,
    )


def evaluate_crossing(
    *,
    gate: Unit | str,
    direction: str,
    at: datetime,
    nationality: str,
    travel_countries: Iterable[str],
    category: str,
    declaration_code: str | None = None,
    test_certificate_at: datetime | None = None,
    vaccinations: Iterable[Any] = (),
    actor: Any = None,
) -> HealthCheck:
    """Evaluate the health-control measures in force at ``at`` for one traveller.

    ``gate``: the gate ``Unit`` or its code; ``direction``: ``"entry"``/``"exit"``;
    ``at``: aware datetime of the crossing; ``nationality``: ICAO code (may be empty);
    ``travel_countries``: ICAO codes visited recently; ``category``: e.g. ``"tourist"``
    (may be empty); ``declaration_code``: the code the traveller shows (any case, with
    or without dash) — its countries, symptoms and vaccinations are added to the facts;
    ``vaccinations``: ``("yellow_fever", date|None)`` pairs, dicts with ``disease`` and
    ``date``, or disease names. Writes nothing, except (when ``actor`` is given) an audit
    entry for viewing the declaration. Raises ``ValidationFailed`` for a bad direction
    or a naive ``at``.
    """
    errors: dict[str, list[str]] = {}
    if direction not in {d.value for d in rules.Direction}:
        errors["direction"] = [str(_("Choose entry or exit."))]
    if timezone.is_naive(at):
        errors["at"] = [str(_("The time must carry a time zone."))]
    if errors:
        raise ValidationFailed(fields=errors)
    declaration = declaration_by_code(declaration_code, actor=actor) if declaration_code else None
    visits = [rules.Visit(c) for c in travel_countries]
    jabs = [v for v in (_vaccination(i) for i in vaccinations) if v is not None]
    if declaration is not None:
        visits.extend(rules.Visit(c) for c in declaration.travel_countries)
        for item in declaration.vaccinations:
            jab = _vaccination(item)
            if jab is not None:
                jabs.append(jab)
        nationality = nationality or declaration.nationality
        category = category or declaration.category
    facts = rules.Facts(
        gate=gate.code if isinstance(gate, Unit) else str(gate),
        direction=rules.Direction(direction),
        at=at,
        nationality=nationality or "",
        visits=tuple(visits),
        category=category or "",
        declaration=declaration_facts(declaration) if declaration else None,
        test_certificate_at=test_certificate_at,
        vaccinations=tuple(jabs),
    )
    compiled, titles = current_rules()
    outcomes = compiled.evaluate(facts)
    return HealthCheck(
        outcomes=[outcome_dict(o, titles.get(o.measure_id, "")) for o in outcomes],
        declaration=declaration,
        blocking=rules.blocking(outcomes),
        declaration_not_found=bool(declaration_code) and declaration is None,
    )
