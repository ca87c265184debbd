"""Validation of a health measure (shared by the screens and the API)."""

from __future__ import annotations

import re
from datetime import datetime, time
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit

from .inputs import GATE_TYPES, country_code, parse_date, split_countries
from .models import Category, Direction, Disease, Requirement, Symptom

FIELDS = (
    "title",
    "description",
    "legal_basis",
    "requirement",
    "is_active",
    "valid_from",
    "valid_until",
    "directions",
    "origin_countries",
    "travel_countries",
    "lookback_days",
    "categories",
    "trigger_symptoms",
    "trigger_contact",
    "test_within_hours",
    "disease",
    "vaccination_min_days",
    "declaration_valid_hours",
)


def _moment(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        moment_or_none = parse_datetime(text)
        if moment_or_none is None:
            day = parse_date(text)
            if day is None:
                raise ValueError(text)
            moment_or_none = datetime.combine(day, time.min)
        moment = moment_or_none
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[,;\s]+", str(value)) if v.strip()]


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in {"1", "true", "yes", "on"}


def _int(
    value: Any, name: str, errors: dict[str, list[str]], low: int, high: int, default: int | None
) -> int | None:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = low - 1
    if not low <= number <= high:
        errors.setdefault(name, []).append(
            _("Enter a whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
        )
        return default
    return number


def clean_measure(
    raw: dict[str, Any], *, partial_of: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Check a measure; return ``{field: value}`` plus ``"gates": [Unit]``.

    With ``partial_of`` (the current values) only the keys present in ``raw`` change.
    """
    data: dict[str, Any] = dict(partial_of or {})
    data.update({k: v for k, v in raw.items() if k in (*FIELDS, "gates")})
    errors: dict[str, list[str]] = {}

    def fail(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    out: dict[str, Any] = {}
    out["title"] = " ".join(str(data.get("title") or "").split())
    if not out["title"]:
        fail("title", _("Give the measure a title."))
    elif len(out["title"]) > 200:
        fail("title", _("At most 200 characters."))
    out["description"] = str(data.get("description") or "").strip()
    out["legal_basis"] = str(data.get("legal_basis") or "").strip()[:300]
    out["requirement"] = str(data.get("requirement") or "")
    if out["requirement"] not in Requirement.values:
        fail("requirement", _("Choose a requirement."))
    out["is_active"] = _bool(data.get("is_active", True))
    try:
        out["valid_from"] = _moment(data.get("valid_from")) or None
    except ValueError:
        out["valid_from"] = None
        fail("valid_from", _("Enter a date (dd/mm/yyyy) or a date and time."))
    else:
        if out["valid_from"] is None:
            fail("valid_from", _("Enter the date the measure takes effect."))
    try:
        out["valid_until"] = _moment(data.get("valid_until"))
    except ValueError:
        out["valid_until"] = None
        fail("valid_until", _("Enter a date (dd/mm/yyyy) or a date and time."))
    if out["valid_from"] and out["valid_until"] and out["valid_until"] <= out["valid_from"]:
        fail("valid_until", _("The end must come after the start."))

    gate_codes = _list(data.get("gates"))
    gates = list(Unit.objects.filter(code__in=gate_codes, unit_type__in=GATE_TYPES))
    unknown = sorted(set(gate_codes) - {g.code for g in gates})
    if unknown:
        fail("gates", _("Unknown gate: %(codes)s") % {"codes": ", ".join(unknown)})
    out["gates"] = gates

    out["directions"] = sorted(set(_list(data.get("directions"))))
    if set(out["directions"]) - set(Direction.values):
        fail("directions", _("Directions are entry and exit."))
    for name in ("origin_countries", "travel_countries"):
        found: list[str] = []
        for item in split_countries(data.get(name)):
            code = country_code(item)
            if code is None:
                fail(name, _("Unknown country: %(name)s") % {"name": item[:60]})
            elif code not in found:
                found.append(code)
        out[name] = found
    out["categories"] = sorted(set(_list(data.get("categories"))))
    if set(out["categories"]) - set(Category.values):
        fail("categories", _("Choose traveller categories from the list."))
    out["trigger_symptoms"] = sorted(set(_list(data.get("trigger_symptoms"))))
    if set(out["trigger_symptoms"]) - set(Symptom.values):
        fail("trigger_symptoms", _("Unknown symptom."))
    out["trigger_contact"] = _bool(data.get("trigger_contact"))
    out["lookback_days"] = _int(data.get("lookback_days"), "lookback_days", errors, 1, 60, 14)
    out["vaccination_min_days"] = _int(
        data.get("vaccination_min_days"), "vaccination_min_days", errors, 0, 365, 0
    )
    out["declaration_valid_hours"] = _int(
        data.get("declaration_valid_hours"), "declaration_valid_hours", errors, 1, 720, 72
    )
    out["test_within_hours"] = _int(
        data.get("test_within_hours"), "test_within_hours", errors, 1, 720, None
    )
    out["disease"] = str(data.get("disease") or "")
    if out["requirement"] == Requirement.TEST_CERTIFICATE and not out["test_within_hours"]:
        fail("test_within_hours", _("Say within how many hours the test must be taken."))
    if out["requirement"] == Requirement.VACCINATION and out["disease"] not in Disease.values:
        fail("disease", _("Choose the disease the vaccination is against."))
    if out["requirement"] != Requirement.VACCINATION:
        out["disease"] = ""
    if errors:
        raise ValidationFailed(fields=errors)
    return out
