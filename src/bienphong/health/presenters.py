"""Reason codes and requirements in words (the engine only knows codes)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from bienphong.engines.rules import Outcome, Reason, Status

from .models import HealthDeclaration, Requirement

REASON_LABELS = {
    Reason.DECLARATION_PRESENT: _("A health declaration was made."),
    Reason.DECLARATION_MISSING: _("No health declaration."),
    Reason.DECLARATION_TOO_OLD: _("The health declaration is too old; a new one is needed."),
    Reason.DECLARATION_OTHER_DIRECTION: _("The health declaration is for the other direction."),
    Reason.SYMPTOMS_DECLARED: _("The traveller declared symptoms."),
    Reason.CONTACT_DECLARED: _("The traveller declared contact with a case."),
    Reason.SYMPTOMS_UNKNOWN: _("No declaration: ask the traveller about symptoms."),
    Reason.TEST_VALID: _("The test certificate is recent enough."),
    Reason.TEST_MISSING: _("No test certificate."),
    Reason.TEST_TOO_OLD: _("The test certificate is too old."),
    Reason.TEST_IN_FUTURE: _("The test certificate is dated after the crossing."),
    Reason.VACCINATED: _("Vaccinated in time."),
    Reason.VACCINATION_MISSING: _("No record of the required vaccination."),
    Reason.VACCINATION_TOO_RECENT: _("Vaccinated too recently to be protected."),
    Reason.VACCINATION_DATE_UNKNOWN: _("Vaccination date unknown: check the certificate."),
    Reason.MEDICAL_CHECK_REQUIRED: _("Refer the traveller to the medical check."),
    Reason.QUARANTINE_REFERRAL_REQUIRED: _("Refer the traveller to the quarantine service."),
    Reason.CATEGORY_UNKNOWN: _("Traveller category unknown: check whether the measure applies."),
    Reason.NATIONALITY_UNKNOWN: _("Nationality unknown: check whether the measure applies."),
}

STATUS_LABELS = {
    Status.MET: _("Met"),
    Status.NOT_MET: _("Not met"),
    Status.OFFICER_CHECK: _("Officer check needed"),
}


def outcome_dict(outcome: Outcome, title: str) -> dict[str, Any]:
    return {
        "measure_id": outcome.measure_id,
        "title": title,
        "requirement": outcome.requirement.value,
        "requirement_label": str(Requirement(outcome.requirement.value).label),
        "status": outcome.status.value,
        "status_label": str(STATUS_LABELS[outcome.status]),
        "reason_codes": [r.value for r in outcome.reasons],
        "reasons": [str(REASON_LABELS[r]) for r in outcome.reasons],
    }


def declaration_dict(d: HealthDeclaration) -> dict[str, Any]:
    return {
        "code": d.code,
        "display_code": d.display_code,
        "source": d.source,
        "full_name": d.full_name,
        "document_type": d.document_type,
        "document_number": d.document_number,
        "nationality": d.nationality,
        "date_of_birth": d.birth_display,
        "sex": d.sex,
        "direction": d.direction,
        "gate": d.gate.code if d.gate else "",
        "planned_date": d.planned_date.isoformat(),
        "category": d.category,
        "travel_days": d.travel_days,
        "travel_countries": list(d.travel_countries),
        "symptoms": list(d.symptoms),
        "contact_with_case": d.contact_with_case,
        "vaccinations": list(d.vaccinations),
        "phone": d.phone,
        "email": d.email,
        "created_at": d.created_at.isoformat(),
        "retain_until": d.retain_until.isoformat(),
    }
