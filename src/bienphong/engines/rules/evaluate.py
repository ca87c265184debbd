"""Evaluate health-control measures on a traveller at a crossing.

``evaluate(measures, facts)`` returns one :class:`Outcome` per applicable measure, in
measure-id order. A measure whose scope cannot be decided from the facts (the category or
nationality it targets is unknown, or it is triggered by symptoms and there is no
declaration) still produces an outcome, but never a blocking one: ``not met`` becomes
``needs officer check`` and the reason says what is unknown.

:class:`RuleSet` compiles measures once (grouped by direction and gate, switched-off
measures dropped) for the checkpoint, where the same measures meet thousands of
travellers; it returns exactly what ``evaluate`` returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .model import (
    Direction,
    Facts,
    Measure,
    Outcome,
    Reason,
    Requirement,
    Status,
    normalise_word,
)

_NO: tuple[Reason, ...] | None = None


@dataclass(frozen=True)
class _Prepared:
    facts: Facts
    gate: str
    nationality: str
    category: str
    visits: tuple[tuple[str, date | None], ...]
    vaccinations: tuple[tuple[str, date | None], ...]
    day: date


def _prepare(facts: Facts) -> _Prepared:
    return _Prepared(
        facts=facts,
        gate=facts.gate.strip().upper(),
        nationality=facts.nationality.strip().upper(),
        category=normalise_word(facts.category) if facts.category else "",
        visits=tuple((v.country.strip().upper(), v.last_day) for v in facts.visits),
        vaccinations=tuple((normalise_word(v.disease), v.on) for v in facts.vaccinations),
        day=facts.at.date(),
    )


def _in_period(m: Measure, p: _Prepared) -> bool:
    at = p.facts.at
    if m.valid_from is not None and at < m.valid_from:
        return False
    return m.valid_until is None or at < m.valid_until


def _scope(m: Measure, p: _Prepared) -> tuple[Reason, ...] | None:
    """``None``: the measure does not apply; else the reasons it *may* apply (empty: it
    certainly applies). Period, switch, gate and direction are checked by the caller."""
    unknown: list[Reason] = []
    if m.categories:
        if not p.category:
            unknown.append(Reason.CATEGORY_UNKNOWN)
        elif p.category not in m.categories:
            return _NO
    if m.origin_countries or m.travel_countries:
        hit = bool(p.nationality) and p.nationality in m.origin_countries
        if not hit and m.travel_countries:
            since = p.day - timedelta(days=m.lookback_days)
            hit = any(
                country in m.travel_countries and (last is None or last >= since)
                for country, last in p.visits
            )
        if not hit:
            if m.origin_countries and not p.nationality:
                unknown.append(Reason.NATIONALITY_UNKNOWN)
            else:
                return _NO
    if m.trigger_symptoms or m.trigger_contact:
        declaration = p.facts.declaration
        if declaration is None:
            unknown.append(Reason.SYMPTOMS_UNKNOWN)
        elif not (
            (m.trigger_symptoms & declaration.symptoms)
            or (m.trigger_contact and declaration.contact_with_case)
        ):
            return _NO
    return tuple(unknown)


def _declaration(m: Measure, p: _Prepared) -> tuple[Status, list[Reason]]:
    d = p.facts.declaration
    if d is None:
        return Status.NOT_MET, [Reason.DECLARATION_MISSING]
    if d.direction is not None and d.direction is not p.facts.direction:
        return Status.NOT_MET, [Reason.DECLARATION_OTHER_DIRECTION]
    if p.facts.at - d.declared_at > timedelta(hours=m.declaration_valid_hours):
        return Status.NOT_MET, [Reason.DECLARATION_TOO_OLD]
    reasons = [Reason.DECLARATION_PRESENT]
    if d.symptoms:
        reasons.append(Reason.SYMPTOMS_DECLARED)
    if d.contact_with_case:
        reasons.append(Reason.CONTACT_DECLARED)
    return (Status.OFFICER_CHECK if len(reasons) > 1 else Status.MET), reasons


def _test(m: Measure, p: _Prepared) -> tuple[Status, list[Reason]]:
    taken = p.facts.test_certificate_at
    if taken is None:
        return Status.NOT_MET, [Reason.TEST_MISSING]
    if taken > p.facts.at:
        return Status.NOT_MET, [Reason.TEST_IN_FUTURE]
    if p.facts.at - taken > timedelta(hours=m.test_within_hours):
        return Status.NOT_MET, [Reason.TEST_TOO_OLD]
    return Status.MET, [Reason.TEST_VALID]


def _vaccination(m: Measure, p: _Prepared) -> tuple[Status, list[Reason]]:
    disease = normalise_word(m.disease)
    dates = [on for name, on in p.vaccinations if name == disease]
    if not dates:
        return Status.NOT_MET, [Reason.VACCINATION_MISSING]
    if any(on is not None and on + timedelta(days=m.vaccination_min_days) <= p.day for on in dates):
        return Status.MET, [Reason.VACCINATED]
    if any(on is None for on in dates):
        return Status.OFFICER_CHECK, [Reason.VACCINATION_DATE_UNKNOWN]
    return Status.NOT_MET, [Reason.VACCINATION_TOO_RECENT]


def _requirement(m: Measure, p: _Prepared) -> tuple[Status, list[Reason]]:
    if m.requirement is Requirement.HEALTH_DECLARATION:
        return _declaration(m, p)
    if m.requirement is Requirement.TEST_CERTIFICATE:
        return _test(m, p)
    if m.requirement is Requirement.VACCINATION:
        return _vaccination(m, p)
    if m.requirement is Requirement.MEDICAL_CHECK:
        return Status.OFFICER_CHECK, [Reason.MEDICAL_CHECK_REQUIRED]
    return Status.OFFICER_CHECK, [Reason.QUARANTINE_REFERRAL_REQUIRED]


def _judge(m: Measure, p: _Prepared) -> Outcome | None:
    """The outcome of one measure whose switch, gate and direction already match."""
    if not _in_period(m, p):
        return None
    unknown = _scope(m, p)
    if unknown is None:
        return None
    status, reasons = _requirement(m, p)
    if unknown:
        if status is Status.NOT_MET:
            status = Status.OFFICER_CHECK
        reasons = [*unknown, *reasons]
    return Outcome(m.id, m.requirement, status, tuple(reasons))


def _matches_place(m: Measure, p: _Prepared) -> bool:
    return (
        m.active
        and (not m.directions or p.facts.direction in m.directions)
        and (not m.gates or p.gate in m.gates)
    )


def evaluate_each(measures: Iterable[Measure], facts: Facts) -> list[Outcome]:
    """Check every measure in turn (no compilation): for one-off evaluations."""
    p = _prepare(facts)
    out = [o for m in measures if _matches_place(m, p) and (o := _judge(m, p)) is not None]
    out.sort(key=lambda o: o.measure_id)
    return out


class RuleSet:
    """Measures compiled for many evaluations: the switched-on measures are grouped by
    direction, gate and traveller category, so each traveller meets only the measures
    that can apply at their gate, in their direction, to their category."""

    __slots__ = ("_index", "measures")

    _OTHER = "\x00other"  # a category no measure names
    _ANY_GATE = "\x00any"

    def __init__(self, measures: Iterable[Measure]) -> None:
        self.measures: tuple[Measure, ...] = tuple(sorted(measures, key=lambda m: m.id))
        gate_keys = {g for m in self.measures if m.active for g in m.gates}
        category_keys = {c for m in self.measures if m.active for c in m.categories}
        self._index: dict[Direction, dict[str, dict[str, tuple[Measure, ...]]]] = {}
        for direction in Direction:
            live = [
                m
                for m in self.measures
                if m.active and (not m.directions or direction in m.directions)
            ]
            by_gate: dict[str, dict[str, tuple[Measure, ...]]] = {}
            for gate in (*gate_keys, self._ANY_GATE):
                here = [m for m in live if not m.gates or gate in m.gates]
                by_category = {
                    category: tuple(m for m in here if not m.categories or category in m.categories)
                    for category in (*category_keys, self._OTHER)
                }
                by_category[""] = tuple(here)  # unknown category: every measure may apply
                by_gate[gate] = by_category
            self._index[direction] = by_gate

    def candidates(self, direction: Direction, gate: str, category: str = "") -> Sequence[Measure]:
        """The measures that may apply (the rest certainly do not)."""
        by_gate = self._index[direction]
        by_category = by_gate.get(gate) or by_gate[self._ANY_GATE]
        found = by_category.get(category)
        return found if found is not None else by_category[self._OTHER]

    def evaluate(self, facts: Facts) -> list[Outcome]:
        p = _prepare(facts)
        return [
            o
            for m in self.candidates(facts.direction, p.gate, p.category)
            if (o := _judge(m, p)) is not None
        ]


def evaluate(measures: Iterable[Measure] | RuleSet, facts: Facts) -> list[Outcome]:
    """One outcome per applicable measure, in measure-id order."""
    if isinstance(measures, RuleSet):
        return measures.evaluate(facts)
    return evaluate_each(measures, facts)


def blocking(outcomes: Iterable[Outcome]) -> bool:
    """Whether any outcome is *not met* (the traveller may not cross as things stand)."""
    return any(o.status is Status.NOT_MET for o in outcomes)
