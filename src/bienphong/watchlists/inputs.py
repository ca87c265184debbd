"""Validation of what an officer types to screen a person (shared by API, views, CLI)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from bienphong.errors import ValidationFailed
from bienphong.nationality import to_icao

from .importers import parse_birth


@dataclass(frozen=True)
class ScreeningQuery:
    name: str
    dob: str
    nationality: str
    document_number: str


def clean_query(
    *, name: str, date_of_birth: str = "", nationality: str = "", document_number: str = ""
) -> ScreeningQuery:
    errors: dict[str, list[str]] = {}
    name = " ".join((name or "").split())
    if not name and not document_number.strip():
        errors["name"] = [_("Enter a name or a document number.")]
    if len(name) > 300:
        errors["name"] = [_("At most 300 characters.")]
    dob = ""
    if date_of_birth.strip():
        birth = parse_birth(date_of_birth.strip())
        if birth is None:
            errors["date_of_birth"] = [
                _("Not a valid date of birth: use YYYY, YYYY-MM, YYYY-MM-DD or dd/mm/yyyy.")
            ]
        else:
            year, month, day = birth
            dob = (
                f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
            )
    code = ""
    if nationality.strip():
        code = to_icao(nationality) or ""
        if not code:
            errors["nationality"] = [
                _("Unknown nationality: use an ICAO 3-letter code or a country name.")
            ]
    if errors:
        raise ValidationFailed(fields=errors)
    return ScreeningQuery(name, dob, code, document_number.strip()[:64])
