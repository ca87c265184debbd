"""The health-control rules engine, without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bienphong.engines.rules import (
    DeclarationFacts,
    Direction,
    Facts,
    Measure,
    Reason,
    Requirement,
    RuleSet,
    Status,
    Vaccination,
    Visit,
    blocking,
    codes,
    evaluate,
    words,
)

AT = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
ENTRY = Direction.ENTRY


def facts(**kwargs):
    kwargs.setdefault("gate", "CK-BL1")
    kwargs.setdefault("direction", ENTRY)
    kwargs.setdefault("at", AT)
    return Facts(**kwargs)


def one(measure, **kwargs):
    outcomes = evaluate([measure], facts(**kwargs))
    assert len(outcomes) <= 1
    return outcomes[0] if outcomes else None


def test_declaration_missing_then_present():
    m = Measure(id=1, requirement=Requirement.HEALTH_DECLARATION)
    assert one(m).status is Status.NOT_MET
    assert one(m).reasons == (Reason.DECLARATION_MISSING,)
    ok = one(m, declaration=DeclarationFacts(declared_at=AT - timedelta(hours=5)))
    assert ok.status is Status.MET
    assert ok.reasons == (Reason.DECLARATION_PRESENT,)


def test_declaration_too_old_other_direction_and_symptoms():
    m = Measure(id=1, requirement=Requirement.HEALTH_DECLARATION, declaration_valid_hours=24)
    old = one(m, declaration=DeclarationFacts(declared_at=AT - timedelta(hours=25)))
    assert (old.status, old.reasons) == (Status.NOT_MET, (Reason.DECLARATION_TOO_OLD,))
    other = one(m, declaration=DeclarationFacts(declared_at=AT, direction=Direction.EXIT))
    assert other.reasons == (Reason.DECLARATION_OTHER_DIRECTION,)
    sick = one(
        m,
        declaration=DeclarationFacts(
            declared_at=AT, symptoms=frozenset({"fever"}), contact_with_case=True
        ),
    )
    assert sick.status is Status.OFFICER_CHECK
    assert sick.reasons == (
        Reason.DECLARATION_PRESENT,
        Reason.SYMPTOMS_DECLARED,
        Reason.CONTACT_DECLARED,
    )


@pytest.mark.parametrize(
    ("taken", "status", "reason"),
    [
        (None, Status.NOT_MET, Reason.TEST_MISSING),
        (AT - timedelta(hours=48), Status.MET, Reason.TEST_VALID),
        (AT - timedelta(hours=48, seconds=1), Status.NOT_MET, Reason.TEST_TOO_OLD),
        (AT + timedelta(hours=1), Status.NOT_MET, Reason.TEST_IN_FUTURE),
    ],
)
def test_test_certificate_window(taken, status, reason):
    m = Measure(id=3, requirement=Requirement.TEST_CERTIFICATE, test_within_hours=48)
    outcome = one(m, test_certificate_at=taken)
    assert (outcome.status, outcome.reasons) == (status, (reason,))


@pytest.mark.parametrize(
    ("vaccinations", "status", "reason"),
    [
        ((), Status.NOT_MET, Reason.VACCINATION_MISSING),
        ((Vaccination("cholera", date(2020, 1, 1)),), Status.NOT_MET, Reason.VACCINATION_MISSING),
        ((Vaccination("Yellow fever", date(2026, 11, 18)),), Status.MET, Reason.VACCINATED),
        (
            (Vaccination("yellow-fever", date(2026, 11, 19)),),
            Status.NOT_MET,
            Reason.VACCINATION_TOO_RECENT,
        ),
        (
            (Vaccination("YELLOW FEVER", None),),
            Status.OFFICER_CHECK,
            Reason.VACCINATION_DATE_UNKNOWN,
        ),
    ],
)
def test_vaccination(vaccinations, status, reason):
    m = Measure(
        id=4, requirement=Requirement.VACCINATION, disease="yellow_fever", vaccination_min_days=10
    )
    outcome = one(m, vaccinations=vaccinations)
    assert (outcome.status, outcome.reasons) == (status, (reason,))


def test_medical_check_and_quarantine_need_an_officer():
    for requirement, reason in [
        (Requirement.MEDICAL_CHECK, Reason.MEDICAL_CHECK_REQUIRED),
        (Requirement.QUARANTINE_REFERRAL, Reason.QUARANTINE_REFERRAL_REQUIRED),
    ]:
        outcome = one(Measure(id=5, requirement=requirement))
        assert (outcome.status, outcome.reasons) == (Status.OFFICER_CHECK, (reason,))
        assert not blocking([outcome])


def test_switch_period_gate_direction():
    base = Measure(id=1, requirement=Requirement.MEDICAL_CHECK)
    assert one(Measure(id=1, requirement=Requirement.MEDICAL_CHECK, active=False)) is None
    assert one(Measure(id=1, requirement=Requirement.MEDICAL_CHECK, valid_from=AT)) is not None
    assert one(Measure(id=1, requirement=Requirement.MEDICAL_CHECK, valid_until=AT)) is None
    assert (
        one(
            Measure(
                id=1, requirement=Requirement.MEDICAL_CHECK, valid_from=AT + timedelta(seconds=1)
            )
        )
        is None
    )
    gated = Measure(id=1, requirement=Requirement.MEDICAL_CHECK, gates=codes(["ck-bl2"]))
    assert one(gated) is None
    assert one(gated, gate="ck-bl2") is not None
    exits = Measure(
        id=1, requirement=Requirement.MEDICAL_CHECK, directions=frozenset({Direction.EXIT})
    )
    assert one(exits) is None
    assert one(exits, direction=Direction.EXIT) is not None
    assert one(base) is not None


def test_countries_nationality_or_recent_travel():
    m = Measure(
        id=7,
        requirement=Requirement.VACCINATION,
        disease="yellow_fever",
        origin_countries=codes(["NGA"]),
        travel_countries=codes(["BRA", "ago"]),
        lookback_days=14,
    )
    assert one(m, nationality="VNM") is None
    assert one(m, nationality="nga") is not None
    assert one(m, nationality="VNM", visits=(Visit("BRA", AT.date() - timedelta(days=14)),))
    assert one(m, nationality="VNM", visits=(Visit("BRA", AT.date() - timedelta(days=15)),)) is None
    assert one(m, nationality="VNM", visits=(Visit("AGO"),)) is not None
    unknown = one(m)
    assert unknown.status is Status.OFFICER_CHECK
    assert unknown.reasons[0] is Reason.NATIONALITY_UNKNOWN


def test_category_scope_and_unknown_category_never_blocks():
    m = Measure(
        id=8, requirement=Requirement.HEALTH_DECLARATION, categories=words(["Tourist", "driver"])
    )
    assert one(m, category="border resident") is None
    assert one(m, category="tourist").status is Status.NOT_MET
    unknown = one(m)
    assert unknown.status is Status.OFFICER_CHECK
    assert unknown.reasons == (Reason.CATEGORY_UNKNOWN, Reason.DECLARATION_MISSING)


def test_symptom_trigger():
    m = Measure(
        id=9,
        requirement=Requirement.MEDICAL_CHECK,
        trigger_symptoms=frozenset({"fever"}),
        trigger_contact=True,
    )
    well = DeclarationFacts(declared_at=AT, symptoms=frozenset({"cough"}))
    assert one(m, declaration=well) is None
    fever = DeclarationFacts(declared_at=AT, symptoms=frozenset({"fever"}))
    assert one(m, declaration=fever).reasons == (Reason.MEDICAL_CHECK_REQUIRED,)
    contact = DeclarationFacts(declared_at=AT, contact_with_case=True)
    assert one(m, declaration=contact) is not None
    assert one(m).reasons == (Reason.SYMPTOMS_UNKNOWN, Reason.MEDICAL_CHECK_REQUIRED)


def test_ruleset_orders_by_measure_id_and_matches_evaluate():
    measures = [
        Measure(id=3, requirement=Requirement.MEDICAL_CHECK, gates=codes(["CK-BL1"])),
        Measure(id=1, requirement=Requirement.HEALTH_DECLARATION),
        Measure(id=2, requirement=Requirement.MEDICAL_CHECK, gates=codes(["CK-KL"])),
        Measure(id=4, requirement=Requirement.MEDICAL_CHECK, active=False),
    ]
    rules = RuleSet(measures)
    for gate in ("CK-BL1", "CK-KL", "OTHER"):
        f = facts(gate=gate)
        assert rules.evaluate(f) == evaluate(measures, f) == evaluate(rules, f)
    assert [o.measure_id for o in rules.evaluate(facts())] == [1, 3]
    assert blocking(rules.evaluate(facts()))
