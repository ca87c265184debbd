"""The travel-document engine's messages in the user's language, looked up by code."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from bienphong.engines.mrz import codes

MESSAGES = {
    codes.EMPTY: _("No MRZ text was given."),
    codes.NOT_TEXT: _("The input is not text."),
    codes.LINE_COUNT: _("The MRZ has the wrong number of lines."),
    codes.LINE_LENGTH: _("The line has the wrong length for this MRZ format."),
    codes.ILLEGAL_CHARACTER: _("Only A-Z, 0-9 and '<' may appear in an MRZ."),
    codes.UNKNOWN_FORMAT: _("The text does not match any ICAO 9303 MRZ format."),
    codes.CHECK_DIGIT: _("The check digit does not match the data it protects."),
    codes.INVALID_DATE: _("The date is not a valid calendar date."),
    codes.INVALID_DOCUMENT_CODE: _("The document code is not valid."),
    codes.INVALID_COUNTRY_CODE: _("The state or nationality code is not valid."),
    codes.INVALID_SEX: _("The sex must be M, F or '<'."),
    codes.INVALID_NAME: _("The name field may contain only letters and '<'."),
    codes.INVALID_DOCUMENT_NUMBER: _("The document number is missing or malformed."),
    codes.PROFILE_MISMATCH: _("The document does not match its issuer profile."),
    codes.LOWERCASE: _("Lower-case letters were read as upper case."),
    codes.WHITESPACE: _("Spaces inside the MRZ were removed."),
    codes.LINE_BREAKS: _("Line breaks were not where the format puts them; lines were re-split."),
    codes.NON_ISO_CODE: _("ICAO code that is not an ISO 3166 country code."),
    codes.UNKNOWN_COUNTRY_CODE: _("Unknown state or nationality code."),
    codes.UNEXPECTED_DOCUMENT_CODE: _("Unusual document code for this MRZ format."),
    codes.NAME_TRUNCATED: _("The name fills the whole field and may be truncated."),
    codes.MISSING_NAME: _("The name field is empty."),
    codes.PARTIAL_DATE: _("Part of the date is unknown (filled with '<')."),
    codes.NONSTANDARD_SEX: _("Sex 'X' is not in ICAO 9303 MRZ but is used by some issuers."),
    codes.LONG_DOCUMENT_NUMBER: _("The document number continues in the optional data field."),
    codes.PROFILE_APPLIED: _("Read with a named issuer profile."),
    codes.PROFILE_AVAILABLE: _(
        "An issuer profile may read this document; enable it or use lenient mode."
    ),
    codes.UNKNOWN_PROFILE: _("Unknown issuer profile name; ignored."),
    codes.COMPOSITE_NOT_CHECKED: _(
        "The issuer does not use the ICAO composite check digit; not checked."
    ),
    codes.INTERNAL_ERROR: _("Internal error while reading the MRZ."),
    codes.EXPIRED: _("The document has expired."),
    codes.EXPIRY_UNKNOWN: _("The expiry date is unknown or invalid."),
    # Documents without an MRZ
    "required": _("This field is required."),
    "invalid_number": _("The document number may contain only A-Z and 0-9."),
    "invalid_nationality": _("This document is not issued to holders of this nationality."),
    "invalid_country_code": _("The state or nationality code is not valid."),
    "unknown_country_code": _("Unknown state or nationality code."),
    "invalid_entries": _("Entries must be 'single' or 'multiple'."),
    "expiry_before_issue": _("The expiry date must be after the issue date."),
    "validity_too_long": _("The validity is longer than this document allows."),
    "birth_after_issue": _("The birth date is after the issue date."),
    "unknown_area": _("Unknown border area."),
    "area_not_opposite": _("The pass is valid only in the border area across the border."),
    "area_not_own_side": _("The holder's home area must be a border area of their own country."),
    "area_not_permitted": _("The pass does not cover the area being visited."),
    "not_yet_valid": _("The document is not valid yet."),
    "invalid_format": _("A citizen ID number has exactly 12 digits."),
    "unknown_province": _("The first 3 digits are not a province code."),
    "birth_year_mismatch": _("The ID number encodes another year of birth."),
    "sex_mismatch": _("The ID number encodes another sex."),
}


def translate_issue(item: dict[str, Any]) -> dict[str, Any]:
    """The same issue with its message in the active language (the code is unchanged)."""
    message = MESSAGES.get(item.get("code", ""))
    if message is None:
        return item
    suffix = ""
    original = str(item.get("message", ""))
    if original.endswith(")") and "(" in original:  # profile names the engine appends
        suffix = " " + original[original.rindex("(") :]
    return {**item, "message": f"{message}{suffix}"}
