"""Stable error and warning codes with their English messages (translated by code)."""

from __future__ import annotations

from typing import Final

# Structural errors
EMPTY: Final = "empty"
NOT_TEXT: Final = "not_text"
LINE_COUNT: Final = "line_count"
LINE_LENGTH: Final = "line_length"
ILLEGAL_CHARACTER: Final = "illegal_character"
UNKNOWN_FORMAT: Final = "unknown_format"
# Field errors
CHECK_DIGIT: Final = "check_digit"
INVALID_DATE: Final = "invalid_date"
INVALID_DOCUMENT_CODE: Final = "invalid_document_code"
INVALID_COUNTRY_CODE: Final = "invalid_country_code"
INVALID_SEX: Final = "invalid_sex"
INVALID_NAME: Final = "invalid_name"
INVALID_DOCUMENT_NUMBER: Final = "invalid_document_number"
PROFILE_MISMATCH: Final = "profile_mismatch"
# Warnings
LOWERCASE: Final = "lowercase"
WHITESPACE: Final = "whitespace"
LINE_BREAKS: Final = "line_breaks"
NON_ISO_CODE: Final = "non_iso_code"
UNKNOWN_COUNTRY_CODE: Final = "unknown_country_code"
UNEXPECTED_DOCUMENT_CODE: Final = "unexpected_document_code"
NAME_TRUNCATED: Final = "name_truncated"
MISSING_NAME: Final = "missing_name"
PARTIAL_DATE: Final = "partial_date"
NONSTANDARD_SEX: Final = "nonstandard_sex"
LONG_DOCUMENT_NUMBER: Final = "long_document_number"
PROFILE_APPLIED: Final = "profile_applied"
PROFILE_AVAILABLE: Final = "profile_available"
UNKNOWN_PROFILE: Final = "unknown_profile"
COMPOSITE_NOT_CHECKED: Final = "composite_not_checked"
INTERNAL_ERROR: Final = "internal_error"  # a bug caught by the never-raise safety net
# Policy (check_expiry)
EXPIRED: Final = "expired"
EXPIRY_UNKNOWN: Final = "expiry_unknown"

MESSAGES: Final[dict[str, str]] = {
    EMPTY: "No MRZ text was given.",
    NOT_TEXT: "The input is not text.",
    LINE_COUNT: "The MRZ has the wrong number of lines.",
    LINE_LENGTH: "The line has the wrong length for this MRZ format.",
    ILLEGAL_CHARACTER: "Only A-Z, 0-9 and '<' may appear in an MRZ.",
    UNKNOWN_FORMAT: "The text does not match any ICAO 9303 MRZ format.",
    CHECK_DIGIT: "The check digit does not match the data it protects.",
    INVALID_DATE: "The date is not a valid calendar date.",
    INVALID_DOCUMENT_CODE: "The document code is not valid.",
    INVALID_COUNTRY_CODE: "The state or nationality code is not valid.",
    INVALID_SEX: "The sex must be M, F or '<'.",
    INVALID_NAME: "The name field may contain only letters and '<'.",
    INVALID_DOCUMENT_NUMBER: "The document number is missing or malformed.",
    PROFILE_MISMATCH: "The document does not match its issuer profile.",
    LOWERCASE: "Lower-case letters were read as upper case.",
    WHITESPACE: "Spaces inside the MRZ were removed.",
    LINE_BREAKS: "Line breaks were not where the format puts them; lines were re-split.",
    NON_ISO_CODE: "ICAO code that is not an ISO 3166 country code.",
    UNKNOWN_COUNTRY_CODE: "Unknown state or nationality code.",
    UNEXPECTED_DOCUMENT_CODE: "Unusual document code for this MRZ format.",
    NAME_TRUNCATED: "The name fills the whole field and may be truncated.",
    MISSING_NAME: "The name field is empty.",
    PARTIAL_DATE: "Part of the date is unknown (filled with '<').",
    NONSTANDARD_SEX: "Sex 'X' is not in ICAO 9303 MRZ but is used by some issuers.",
    LONG_DOCUMENT_NUMBER: "The document number continues in the optional data field.",
    PROFILE_APPLIED: "Read with a named issuer profile.",
    PROFILE_AVAILABLE: "An issuer profile may read this document; enable it or use lenient mode.",
    UNKNOWN_PROFILE: "Unknown issuer profile name; ignored.",
    COMPOSITE_NOT_CHECKED: "The issuer does not use the ICAO composite check digit; not checked.",
    INTERNAL_ERROR: "Internal error while reading the MRZ.",
    EXPIRED: "The document has expired.",
    EXPIRY_UNKNOWN: "The expiry date is unknown or invalid.",
}
