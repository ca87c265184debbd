"""ICAO 9303 MRZ engine and Vietnam-China border documents: pure Python, no I/O."""

from . import codes
from .checkdigits import check_char, check_value
from .engine import check_expiry, parse_mrz, split_documents
from .profiles import PROFILES
from .result import Check, Issue, MrzFields, MrzResult, Repair

__all__ = [
    "PROFILES",
    "Check",
    "Issue",
    "MrzFields",
    "MrzResult",
    "Repair",
    "check_char",
    "check_expiry",
    "check_value",
    "codes",
    "parse_mrz",
    "split_documents",
]
