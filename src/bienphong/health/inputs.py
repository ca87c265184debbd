"""Validation of a health declaration, shared by the public page, the gate form and the
API: every field is checked and every error returned at once, in the active language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.nationality import to_icao
from bienphong.org.models import Unit, UnitType

from .models import Category, Direction, Disease, DocumentType, Symptom

# Country names travellers type in Chinese.
CHINESE_NAMES = {
    "中国": "CHN",
    "中华人民共和国": "CHN",
    "越南": "VNM",
    "香港": "HKG",
    "中国香港": "HKG",
    "澳门": "MAC",
    "台湾": "TWN",
    "韩国": "KOR",
    "日本": "JPN",
    "老挝": "LAO",
    "柬埔寨": "KHM",
    "泰国": "THA",
    "俄罗斯": "RUS",
    "美国": "USA",
    "尼日利亚": "NGA",
    "巴西": "BRA",
    "安哥拉": "AGO",
}
GATE_TYPES = (UnitType.GATE, UnitType.SEAPORT)
MAX_AHEAD_DAYS = 30
DOCUMENT_NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")
PHONE = re.compile(r"^\+?[0-9]{6,15}$")


def country_code(text: str) -> str | None:
    raw = (text or "").strip()
    return CHINESE_NAMES.get(raw) or to_icao(raw)


def split_countries(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
    else:
        items = re.split(r"[,;，、\n]+", str(value or ""))
    return [i.strip() for i in items if i.strip()]


def parse_date(text: str) -> date | None:
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_birth(text: str) -> tuple[int, int | None, int | None] | None:
    """``YYYY``, ``MM/YYYY``, ``YYYY-MM``, ``dd/mm/yyyy`` or ``YYYY-MM-DD``."""
    text = (text or "").strip()
    full = parse_date(text)
    if full is not None:
        return full.year, full.month, full.day
    if m := re.fullmatch(r"(\d{4})", text):
        return int(m[1]), None, None
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", text) or None
    if m:
        month, year = int(m[1]), int(m[2])
    elif m2 := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = int(m2[1]), int(m2[2])
    else:
        return None
    return (year, month, None) if 1 <= month <= 12 else None


@dataclass
class DeclarationData:
    full_name: str
    document_type: str
    document_number: str
    nationality: str
    birth: tuple[int, int | None, int | None]
    sex: str
    direction: str
    gate: Unit | None
    planned_date: date
    category: str
    travel_days: int
    travel_countries: list[str]
    symptoms: list[str]
    contact_with_case: bool
    vaccinations: list[dict[str, str]] = field(default_factory=list)
    phone: str = ""
    email: str = ""
    consent: bool = False


def _truthy(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in {"1", "true", "yes", "on", "y"}:
        return True
    if text in {"0", "false", "no", "off", "n"}:
        return False
    return None


def gate_choices() -> list[Unit]:
    return list(Unit.objects.filter(unit_type__in=GATE_TYPES, is_active=True).order_by("path"))


def clean_declaration(raw: dict[str, Any], *, today: date | None = None) -> DeclarationData:
    """Check every field of a submitted declaration; raise ``ValidationFailed`` with all
    the errors at once. ``raw`` holds strings (a form) or JSON values (the API)."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}

    def fail(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    full_name = " ".join(str(raw.get("full_name") or "").split())
    if not full_name:
        fail("full_name", _("Enter your full name as written in your document."))
    elif len(full_name) > 200:
        fail("full_name", _("At most 200 characters."))

    document_type = str(raw.get("document_type") or "")
    if document_type not in DocumentType.values:
        fail("document_type", _("Choose the type of your travel document."))
    document_number = re.sub(r"[\s\-]", "", str(raw.get("document_number") or "")).upper()
    if not DOCUMENT_NUMBER.fullmatch(document_number):
        fail(
            "document_number",
            _("Enter the document number: 5 to 20 letters and digits."),
        )

    nationality = country_code(str(raw.get("nationality") or ""))
    if not nationality:
        fail("nationality", _("Unknown nationality: enter a country name or a 3-letter code."))

    birth = parse_birth(str(raw.get("date_of_birth") or ""))
    if birth is None:
        fail("date_of_birth", _("Enter the date of birth as dd/mm/yyyy (or the year only)."))
    else:
        year, month, day = birth
        born = date(year, month or 1, day or 1)
        if born > today or year < today.year - 130:
            fail("date_of_birth", _("The date of birth is not plausible."))

    sex = str(raw.get("sex") or "").strip().upper()
    if sex not in {"", "M", "F", "X"}:
        fail("sex", _("Choose male, female or unspecified."))

    direction = str(raw.get("direction") or "")
    if direction not in Direction.values:
        fail("direction", _("Choose entry or exit."))

    gate: Unit | None = None
    gate_code = str(raw.get("gate") or "").strip()
    if gate_code:
        gate = Unit.objects.filter(code=gate_code, unit_type__in=GATE_TYPES, is_active=True).first()
        if gate is None:
            fail("gate", _("Choose a border gate from the list."))

    planned = parse_date(str(raw.get("planned_date") or ""))
    if planned is None:
        fail("planned_date", _("Enter the planned crossing date."))
    elif planned < today - timedelta(days=1) or planned > today + timedelta(days=MAX_AHEAD_DAYS):
        fail(
            "planned_date",
            _("The crossing date must be between yesterday and %(days)s days from today.")
            % {"days": MAX_AHEAD_DAYS},
        )

    category = str(raw.get("category") or "")
    if category not in ["", *Category.values]:
        fail("category", _("Choose a traveller category from the list."))

    try:
        travel_days = int(raw.get("travel_days") or 14)
    except (TypeError, ValueError):
        travel_days = 0
    if travel_days not in (14, 21):
        fail("travel_days", _("Choose 14 or 21 days."))

    countries: list[str] = []
    for item in split_countries(raw.get("travel_countries")):
        code = country_code(item)
        if code is None:
            fail("travel_countries", _("Unknown country: %(name)s") % {"name": item[:60]})
        elif code not in countries:
            countries.append(code)

    symptoms_raw = raw.get("symptoms") or []
    if isinstance(symptoms_raw, str):
        symptoms_raw = [symptoms_raw]
    symptoms = [s for s in Symptom.values if s in set(map(str, symptoms_raw))]
    if len(symptoms) != len(set(map(str, symptoms_raw))):
        fail("symptoms", _("Unknown symptom."))

    contact = _truthy(raw.get("contact_with_case"))
    if contact is None:
        fail("contact_with_case", _("Answer yes or no."))

    vaccinations: list[dict[str, str]] = []
    for item in raw.get("vaccinations") or []:
        disease = str(item.get("disease") or "") if isinstance(item, dict) else ""
        on_text = str(item.get("date") or "").strip() if isinstance(item, dict) else ""
        if not disease and not on_text:
            continue
        if disease not in Disease.values:
            fail("vaccinations", _("Choose the disease you were vaccinated against."))
            continue
        on = parse_date(on_text) if on_text else None
        if on_text and (on is None or on > today):
            fail("vaccinations", _("Enter a past vaccination date as dd/mm/yyyy."))
            continue
        vaccinations.append({"disease": disease, "date": on.isoformat() if on else ""})

    phone = re.sub(r"[\s\-().]", "", str(raw.get("phone") or ""))
    if phone and not PHONE.fullmatch(phone):
        fail("phone", _("Enter a phone number of 6 to 15 digits, optionally with +."))
    email = str(raw.get("email") or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            fail("email", _("Enter a valid email address."))
    if not phone and not email:
        fail("phone", _("Give a phone number or an email address."))

    if _truthy(raw.get("consent")) is not True:
        fail(
            "consent",
            _("You must agree to the processing of your health data to submit a declaration."),
        )

    if errors:
        raise ValidationFailed(fields=errors)
    assert birth is not None and planned is not None and nationality is not None
    return DeclarationData(
        full_name=full_name,
        document_type=document_type,
        document_number=document_number,
        nationality=nationality,
        birth=birth,
        sex=sex,
        direction=direction,
        gate=gate,
        planned_date=planned,
        category=category,
        travel_days=travel_days,
        travel_countries=countries,
        symptoms=symptoms,
        contact_with_case=bool(contact),
        vaccinations=vaccinations,
        phone=phone,
        email=email,
        consent=True,
    )
