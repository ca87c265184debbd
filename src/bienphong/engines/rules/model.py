"""The vocabulary of health-control rules: measures, the facts of a crossing, outcomes.

Everything here is immutable and free of Django. Country codes are ICAO 3-letter codes
(upper case); gate codes are the unit codes of the gates; times are timezone-aware.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Requirement(StrEnum):
    HEALTH_DECLARATION = "health_declaration"
    TEST_CERTIFICATE = "test_certificate"
    VACCINATION = "vaccination"
    MEDICAL_CHECK = "medical_check"
    QUARANTINE_REFERRAL = "quarantine_referral"


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    OFFICER_CHECK = "officer_check"


# The symptoms a declaration asks about (Decree 89/2018/NĐ-CP, health declaration form).
SYMPTOMS: tuple[str, ...] = (
    "fever",
    "cough",
    "difficulty_breathing",
    "sore_throat",
    "vomiting",
    "diarrhoea",
    "skin_haemorrhage",
    "rash",
)


class Reason(StrEnum):
    """Stable reason codes; the web layer translates them."""

    DECLARATION_PRESENT = "declaration_present"
    DECLARATION_MISSING = "declaration_missing"
    DECLARATION_TOO_OLD = "declaration_too_old"
    DECLARATION_OTHER_DIRECTION = "declaration_other_direction"
    SYMPTOMS_DECLARED = "symptoms_declared"
    CONTACT_DECLARED = "contact_declared"
    SYMPTOMS_UNKNOWN = "symptoms_unknown"
    TEST_VALID = "test_valid"
    TEST_MISSING = "test_missing"
    TEST_TOO_OLD = "test_too_old"
    TEST_IN_FUTURE = "test_in_future"
    VACCINATED = "vaccinated"
    VACCINATION_MISSING = "vaccination_missing"
    VACCINATION_TOO_RECENT = "vaccination_too_recent"
    VACCINATION_DATE_UNKNOWN = "vaccination_date_unknown"
    MEDICAL_CHECK_REQUIRED = "medical_check_required"
    QUARANTINE_REFERRAL_REQUIRED = "quarantine_referral_required"
    CATEGORY_UNKNOWN = "category_unknown"
    NATIONALITY_UNKNOWN = "nationality_unknown"


def codes(values: Iterable[str]) -> frozenset[str]:
    """Normalise a collection of codes: stripped, upper case, no blanks."""
    return frozenset(v.strip().upper() for v in values if v and v.strip())


def words(values: Iterable[str]) -> frozenset[str]:
    """Normalise a collection of keywords (categories, diseases): stripped, lower case."""
    return frozenset(normalise_word(v) for v in values if v and v.strip())


def normalise_word(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").split())


@dataclass(frozen=True)
class Measure:
    """A health-control measure set by command staff.

    Scope: every non-empty set restricts; an empty set means "any". The country trigger
    applies when the traveller's nationality is in ``origin_countries`` *or* they visited
    one of ``travel_countries`` within ``lookback_days`` before the crossing (if both sets
    are empty there is no country condition). ``trigger_symptoms``/``trigger_contact``
    restrict the measure to travellers whose declaration reports one of those symptoms or
    contact with a case (e.g. fever -> medical check).
    The effective period is ``[valid_from, valid_until)``; ``None`` is open-ended.
    """

    id: int
    requirement: Requirement
    active: bool = True
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    gates: frozenset[str] = frozenset()
    directions: frozenset[Direction] = frozenset()
    origin_countries: frozenset[str] = frozenset()
    travel_countries: frozenset[str] = frozenset()
    lookback_days: int = 14
    categories: frozenset[str] = frozenset()
    trigger_symptoms: frozenset[str] = frozenset()
    trigger_contact: bool = False
    # test_certificate: the test must be taken at most this many hours before crossing.
    test_within_hours: int = 72
    # vaccination: the disease, and how many days after vaccination it protects.
    disease: str = ""
    vaccination_min_days: int = 0
    # health_declaration: how old (hours before crossing) a declaration may be.
    declaration_valid_hours: int = 72


@dataclass(frozen=True)
class Visit:
    """A country visited; ``last_day`` is the last day there, if known."""

    country: str
    last_day: date | None = None


@dataclass(frozen=True)
class Vaccination:
    disease: str
    on: date | None = None


@dataclass(frozen=True)
class DeclarationFacts:
    """What a traveller's health declaration says."""

    declared_at: datetime
    direction: Direction | None = None
    symptoms: frozenset[str] = frozenset()
    contact_with_case: bool = False


@dataclass(frozen=True)
class Facts:
    """A traveller at a gate, and what they carry."""

    gate: str
    direction: Direction
    at: datetime
    nationality: str = ""
    visits: tuple[Visit, ...] = ()
    category: str = ""
    declaration: DeclarationFacts | None = None
    test_certificate_at: datetime | None = None
    vaccinations: tuple[Vaccination, ...] = ()


@dataclass(frozen=True)
class Outcome:
    measure_id: int
    requirement: Requirement
    status: Status
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def blocking(self) -> bool:
        return self.status is Status.NOT_MET
