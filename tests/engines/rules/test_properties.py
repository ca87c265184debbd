"""Properties of the rules engine over generated measures and travellers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bienphong.engines.rules import (
    SYMPTOMS,
    DeclarationFacts,
    Direction,
    Facts,
    Measure,
    Requirement,
    RuleSet,
    Status,
    Vaccination,
    Visit,
    evaluate,
)

GATES = ["CK-BL1", "CK-BL2", "CK-KL", "CK-HM"]
COUNTRIES = ["VNM", "CHN", "NGA", "BRA", "AGO", "USA"]
CATEGORIES = ["tourist", "border_resident", "business", "driver"]
BASE = datetime(2026, 6, 1, tzinfo=UTC)

moments = st.integers(min_value=-400, max_value=400).map(lambda h: BASE + timedelta(hours=h))
small_sets = lambda values: st.frozensets(st.sampled_from(values), max_size=2)  # noqa: E731


@st.composite
def measures(draw, ident=None):
    start = draw(st.none() | moments)
    end = draw(st.none() | moments)
    return Measure(
        id=ident if ident is not None else draw(st.integers(1, 10_000)),
        requirement=draw(st.sampled_from(list(Requirement))),
        active=draw(st.booleans()),
        valid_from=start,
        valid_until=end,
        gates=draw(small_sets(GATES)),
        directions=draw(small_sets(list(Direction))),
        origin_countries=draw(small_sets(COUNTRIES)),
        travel_countries=draw(small_sets(COUNTRIES)),
        lookback_days=draw(st.sampled_from([14, 21])),
        categories=draw(small_sets(CATEGORIES)),
        trigger_symptoms=draw(small_sets(list(SYMPTOMS))),
        trigger_contact=draw(st.booleans()),
        test_within_hours=draw(st.sampled_from([24, 48, 72])),
        disease=draw(st.sampled_from(["yellow_fever", "cholera"])),
        vaccination_min_days=draw(st.sampled_from([0, 10])),
    )


measure_lists = st.lists(st.integers(1, 10_000), unique=True, max_size=8).flatmap(
    lambda ids: st.tuples(*[measures(i) for i in ids]).map(list)
)


@st.composite
def travellers(draw):
    at = draw(moments)
    declaration = draw(
        st.none()
        | st.builds(
            DeclarationFacts,
            declared_at=moments,
            direction=st.none() | st.sampled_from(list(Direction)),
            symptoms=small_sets(list(SYMPTOMS)),
            contact_with_case=st.booleans(),
        )
    )
    day = st.none() | st.integers(0, 30).map(lambda d: at.date() - timedelta(days=d))
    return Facts(
        gate=draw(st.sampled_from([*GATES, "ck-bl1", "ELSEWHERE"])),
        direction=draw(st.sampled_from(list(Direction))),
        at=at,
        nationality=draw(st.sampled_from(["", *COUNTRIES])),
        visits=tuple(draw(st.lists(st.builds(Visit, st.sampled_from(COUNTRIES), day), max_size=3))),
        category=draw(st.sampled_from(["", *CATEGORIES])),
        declaration=declaration,
        test_certificate_at=draw(st.none() | moments),
        vaccinations=tuple(
            draw(
                st.lists(
                    st.builds(
                        Vaccination,
                        st.sampled_from(["yellow_fever", "Cholera"]),
                        st.none() | st.dates(date(2026, 1, 1), date(2026, 12, 31)),
                    ),
                    max_size=2,
                )
            )
        ),
    )


@settings(max_examples=120, deadline=None)
@given(measure_lists, travellers())
def test_compiled_rules_give_the_same_outcomes(ms, traveller):
    assert RuleSet(ms).evaluate(traveller) == evaluate(ms, traveller)
    assert RuleSet(reversed(ms)).evaluate(traveller) == evaluate(list(reversed(ms)), traveller)


@settings(max_examples=120, deadline=None)
@given(measure_lists, travellers())
def test_one_outcome_per_applicable_switched_on_measure_in_order(ms, traveller):
    outcomes = evaluate(ms, traveller)
    ids = [o.measure_id for o in outcomes]
    assert ids == sorted(ids)
    by_id = {m.id: m for m in ms}
    for outcome in outcomes:
        m = by_id[outcome.measure_id]
        assert m.active
        assert outcome.requirement is m.requirement
        assert outcome.reasons
        assert m.valid_from is None or traveller.at >= m.valid_from
        assert m.valid_until is None or traveller.at < m.valid_until


@settings(max_examples=80, deadline=None)
@given(measures(), travellers())
def test_switching_off_removes_the_outcome(m, traveller):
    assert evaluate([replace(m, active=False)], traveller) == []


@settings(max_examples=80, deadline=None)
@given(measures(), travellers())
def test_a_measure_without_scope_applies_to_everyone_in_its_period(m, traveller):
    unscoped = replace(
        m,
        active=True,
        valid_from=None,
        valid_until=None,
        gates=frozenset(),
        directions=frozenset(),
        origin_countries=frozenset(),
        travel_countries=frozenset(),
        categories=frozenset(),
        trigger_symptoms=frozenset(),
        trigger_contact=False,
    )
    assert len(evaluate([unscoped], traveller)) == 1


@settings(max_examples=80, deadline=None)
@given(measures(), travellers())
def test_unknown_facts_never_block(m, traveller):
    """A traveller whose category and nationality are unknown is not blocked by a
    measure that targets a category or a nationality: an officer decides."""
    m = replace(m, categories=frozenset({"tourist"}))
    outcomes = evaluate([m], replace(traveller, category=""))
    assert all(o.status is not Status.NOT_MET for o in outcomes)
