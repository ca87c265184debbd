"""ICAO 9303 MRZ engine and Vietnam-China border documents: pure Python, no I/O."""

from . import codes
from .border_documents import (
    BorderAreaPass,
    BorderResidentPass,
    ChineseExitEntryPass,
    FieldIssue,
    SeafarerBook,
    Validation,
    validate_border_area_pass,
    validate_border_resident_pass,
    validate_chinese_exit_entry_pass,
    validate_citizen_id,
    validate_seafarer_book,
)
from .checkdigits import check_char, check_value
from .citizen_id import CitizenId, decode_citizen_id
from .engine import check_expiry, parse_mrz, split_documents
from .profiles import PROFILES
from .result import Check, Issue, MrzFields, MrzResult, Repair

__all__ = [
    "PROFILES",
    "BorderAreaPass",
    "BorderResidentPass",
    "Check",
    "ChineseExitEntryPass",
    "CitizenId",
    "FieldIssue",
    "Issue",
    "MrzFields",
    "MrzResult",
    "Repair",
    "SeafarerBook",
    "Validation",
    "check_char",
    "check_expiry",
    "check_value",
    "codes",
    "decode_citizen_id",
    "parse_mrz",
    "split_documents",
    "validate_border_area_pass",
    "validate_border_resident_pass",
    "validate_chinese_exit_entry_pass",
    "validate_citizen_id",
    "validate_seafarer_book",
]
