"""Measures, declarations, evaluation and the retention purge, against the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from bienphong.audit.models import AuditEntry
from bienphong.errors import NotFound, PermissionDenied, ValidationFailed
from bienphong.health import codes, selectors, services
from bienphong.health.models import HealthDeclaration
from bienphong.org.models import GateKind, UnitType
from tests.factories import make_unit

from .conftest import TODAY, declaration_data
from .factories import make_measure

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2026, 11, 28, 2, tzinfo=UTC)):
        yield


AT = datetime(2026, 11, 29, 3, tzinfo=UTC)


def submit(**overrides):
    return services.declaration_submit(actor=None, data=declaration_data(**overrides))


def test_codes_are_short_unambiguous_and_self_checking():
    seen = {codes.new_code() for _ in range(500)}
    assert len(seen) == 500
    for code in seen:
        assert len(code) == 8 and codes.is_valid(code)
        assert not set(code) & set("0O1I")
    code = next(iter(seen))
    wrong = code[:3] + ("A" if code[3] != "A" else "B") + code[4:]
    assert not codes.is_valid(wrong)
    assert codes.normalise(f" {code[:4].lower()} - {code[4:]} ") == code


def test_only_command_staff_write_measures(tree, users):
    for name in ("officer_a", "commander_a", "auditor", "admin"):
        with pytest.raises(PermissionDenied):
            make_measure(users[name])
    measure = make_measure(users["staff"], gates=["CK-A"], origin_countries=["Nigeria", "bra"])
    assert measure.owner_unit == tree.command
    assert measure.origin_countries == ["NGA", "BRA"]
    assert [g.code for g in measure.gates.all()] == ["CK-A"]
    assert selectors.measure_get(actor=users["officer_b"], pk=measure.pk) == measure
    with pytest.raises(PermissionDenied):
        selectors.measure_list(actor=users["agent_a"])
    events = list(AuditEntry.objects.values_list("event", flat=True))
    assert "health.measure.create" in events


def test_measure_validation_reports_every_field(tree, users):
    with pytest.raises(ValidationFailed) as caught:
        services.measure_create(
            actor=users["staff"],
            data={
                "title": "",
                "requirement": "vaccination",
                "valid_from": "not a date",
                "gates": ["NOPE"],
                "travel_countries": ["Atlantis"],
                "lookback_days": 0,
            },
        )
    assert set(caught.value.fields) >= {
        "title",
        "valid_from",
        "gates",
        "travel_countries",
        "lookback_days",
        "disease",
    }
    with pytest.raises(ValidationFailed) as caught:
        make_measure(
            users["staff"],
            requirement="test_certificate",
            valid_until=datetime(2025, 1, 1, tzinfo=UTC),
        )
    assert set(caught.value.fields) == {"valid_until", "test_within_hours"}


def test_switching_off_changes_the_evaluation_and_is_audited(tree, users):
    measure = make_measure(users["staff"])
    check = services.evaluate_crossing(
        gate="CK-A", direction="entry", at=AT, nationality="CHN", travel_countries=[], category=""
    )
    assert check.blocking
    assert check.outcomes[0]["status"] == "not_met"
    assert check.outcomes[0]["title"] == "Đo thân nhiệt"
    assert check.outcomes[0]["reasons"] == ["Không có tờ khai y tế."]
    services.measure_set_active(actor=users["staff"], measure=measure, active=False)
    check = services.evaluate_crossing(
        gate="CK-A", direction="entry", at=AT, nationality="CHN", travel_countries=[], category=""
    )
    assert check.outcomes == [] and not check.blocking
    entry = AuditEntry.objects.filter(event="health.measure.update").get()
    assert entry.before["is_active"] is True and entry.after["is_active"] is False


def test_online_declaration_is_stored_with_consent_and_retention(tree, users):
    declaration = submit()
    assert declaration.source == "online"
    assert declaration.nationality == "CHN"
    assert declaration.document_number == "EJ1234567"
    assert (declaration.birth_year, declaration.birth_month, declaration.birth_day) == (1988, 3, 12)
    assert declaration.phone == "+84912345678"
    assert declaration.consent and "Decree 13/2023" in declaration.lawful_basis
    assert declaration.retain_until == date(2026, 11, 29) + timedelta(days=60)
    audit = AuditEntry.objects.get(event="health.declaration.create.online")
    assert "full_name" not in audit.after and "symptoms" not in audit.after


def test_every_declaration_error_at_once(tree):
    with pytest.raises(ValidationFailed) as caught:
        services.declaration_submit(
            actor=None,
            data={
                "full_name": " ",
                "document_type": "x",
                "document_number": "??",
                "nationality": "Atlantis",
                "date_of_birth": "31/02/1990",
                "direction": "sideways",
                "gate": "NOPE",
                "planned_date": "2027-12-01",
                "travel_days": 30,
                "travel_countries": "Narnia",
                "symptoms": ["hiccups"],
                "vaccinations": [{"disease": "flu", "date": ""}],
                "email": "not-an-email",
                "consent": False,
            },
        )
    assert set(caught.value.fields) == {
        "full_name",
        "document_type",
        "document_number",
        "nationality",
        "date_of_birth",
        "direction",
        "gate",
        "planned_date",
        "travel_days",
        "travel_countries",
        "symptoms",
        "contact_with_case",
        "vaccinations",
        "email",
        "consent",
    }


def test_gate_declaration_needs_an_officer_of_that_gate(tree, users):
    with pytest.raises(PermissionDenied):
        services.declaration_submit(actor=users["auditor"], data=declaration_data(), source="gate")
    with pytest.raises(NotFound):
        services.declaration_submit(
            actor=users["officer_b"], data=declaration_data(), source="gate"
        )
    taken = services.declaration_submit(
        actor=users["officer_a"], data=declaration_data(), source="gate"
    )
    assert taken.created_by == users["officer_a"]


def test_declarations_are_scoped_to_the_gate_subtree_and_views_are_logged(tree, users):
    gate_b = make_unit("CK-B", tree.post_b, UnitType.GATE, GateKind.MAIN)
    at_a = submit()
    at_b = submit(gate=gate_b.code)
    anywhere = submit(gate="")
    visible = lambda name: set(selectors.declaration_list(actor=users[name]))  # noqa: E731
    assert visible("officer_a") == {at_a, anywhere}
    assert visible("officer_b") == {at_b, anywhere}
    assert visible("staff") == {at_a, at_b, anywhere}
    with pytest.raises(PermissionDenied):
        selectors.declaration_list(actor=users["admin"])
    with pytest.raises(NotFound):
        selectors.declaration_get(actor=users["officer_b"], code=at_a.code)
    found = selectors.declaration_get(actor=users["officer_a"], code=at_a.display_code.lower())
    assert found == at_a
    view = AuditEntry.objects.filter(event="health.declaration.view").get()
    assert view.actor_username == "officer_a" and view.object_id == str(at_a.pk)


def test_declaration_by_code_is_tolerant(tree):
    declaration = submit()
    code = declaration.code
    for typed in (code, code.lower(), f"{code[:4]}-{code[4:]}", f" {code[:4]} {code[4:]} "):
        assert services.declaration_by_code(typed) == declaration
    assert services.declaration_by_code("AAAA-AAAA") is None
    assert services.declaration_by_code("") is None


def test_evaluation_uses_the_declaration(tree, users):
    make_measure(users["staff"], title="Khai báo y tế")
    make_measure(
        users["staff"],
        title="Sốt vàng",
        requirement="vaccination",
        disease="yellow_fever",
        vaccination_min_days=10,
        travel_countries=["NGA"],
        directions=["entry"],
    )
    make_measure(
        users["staff"], title="Sốt: khám", requirement="medical_check", trigger_symptoms=["fever"]
    )
    declaration = submit()
    check = services.evaluate_crossing(
        gate=tree.gate_a,
        direction="entry",
        at=AT,
        nationality="",
        travel_countries=[],
        category="",
        declaration_code=declaration.display_code,
        actor=users["officer_a"],
    )
    assert check.declaration == declaration
    by_title = {o["title"]: o for o in check.outcomes}
    assert by_title["Khai báo y tế"]["status"] == "officer_check"
    assert by_title["Khai báo y tế"]["reason_codes"] == ["declaration_present", "symptoms_declared"]
    assert by_title["Sốt vàng"]["status"] == "met"
    assert by_title["Sốt: khám"]["status"] == "officer_check"
    assert by_title["Sốt: khám"]["requirement_label"] == "Khám y tế"
    assert not check.blocking
    assert AuditEntry.objects.filter(event="health.declaration.view").count() == 1
    # Without the declaration: nothing declared, not vaccinated, symptoms unknown.
    bare = services.evaluate_crossing(
        gate="CK-A",
        direction="entry",
        at=AT,
        nationality="CHN",
        travel_countries=["NGA"],
        category="tourist",
        declaration_code="ZZZZ-ZZZZ",
        vaccinations=[("yellow_fever", date(2026, 11, 25))],
    )
    assert bare.declaration is None and bare.declaration_not_found
    statuses = {o["title"]: o["status"] for o in bare.outcomes}
    assert statuses == {
        "Khai báo y tế": "not_met",
        "Sốt vàng": "not_met",
        "Sốt: khám": "officer_check",
    }
    assert bare.blocking


def test_evaluation_rejects_bad_input(tree):
    with pytest.raises(ValidationFailed) as caught:
        services.evaluate_crossing(
            gate="CK-A",
            direction="up",
            at=datetime(2026, 11, 29, 3),
            nationality="",
            travel_countries=[],
            category="",
        )
    assert set(caught.value.fields) == {"direction", "at"}


def test_purge_anonymises_after_retention(tree, users):
    old = submit()
    fresh = submit(planned_date="2026-12-20")
    later = old.retain_until + timedelta(days=1)
    report = services.purge_expired(today=later)
    assert (report.anonymised, report.codes) == (1, [old.code])
    old.refresh_from_db()
    assert old.anonymised_at is not None
    assert (old.full_name, old.document_number, old.symptoms, old.phone) == ("", "", [], "")
    assert old.nationality == "CHN" and old.planned_date == date(2026, 11, 29)
    assert services.declaration_by_code(old.code) is None
    assert HealthDeclaration.objects.get(pk=fresh.pk).anonymised_at is None
    assert AuditEntry.objects.filter(event="health.declaration.anonymise").count() == 1
    assert services.purge_expired(today=later).anonymised == 0
    assert TODAY  # (the frozen "today" of these tests)
