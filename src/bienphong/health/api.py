"""Health-control API: measures (command staff write), declarations (public create,
staff read), and the evaluation the checkpoint calls."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone, translation
from ninja import Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.org.scoping import request_user

from . import ratelimit, selectors, services
from .access import INTERNAL_ROLES, require
from .models import HealthMeasure, Source
from .presenters import declaration_dict
from .public import LANGUAGES

router = Router(tags=["health-control"])


class MeasureIn(Schema):
    title: str = ""
    description: str = ""
    legal_basis: str = ""
    requirement: str = ""
    is_active: bool = True
    valid_from: str = ""
    valid_until: str | None = None
    gates: list[str] = []
    directions: list[str] = []
    origin_countries: list[str] = []
    travel_countries: list[str] = []
    lookback_days: int = 14
    categories: list[str] = []
    trigger_symptoms: list[str] = []
    trigger_contact: bool = False
    test_within_hours: int | None = None
    disease: str = ""
    vaccination_min_days: int = 0
    declaration_valid_hours: int = 72


class MeasurePatch(Schema):
    title: str | None = None
    description: str | None = None
    legal_basis: str | None = None
    requirement: str | None = None
    is_active: bool | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    gates: list[str] | None = None
    directions: list[str] | None = None
    origin_countries: list[str] | None = None
    travel_countries: list[str] | None = None
    lookback_days: int | None = None
    categories: list[str] | None = None
    trigger_symptoms: list[str] | None = None
    trigger_contact: bool | None = None
    test_within_hours: int | None = None
    disease: str | None = None
    vaccination_min_days: int | None = None
    declaration_valid_hours: int | None = None


class MeasureOut(Schema):
    id: int
    title: str
    description: str
    legal_basis: str
    requirement: str
    is_active: bool
    valid_from: datetime
    valid_until: datetime | None
    gates: list[str]
    directions: list[str]
    origin_countries: list[str]
    travel_countries: list[str]
    lookback_days: int
    categories: list[str]
    trigger_symptoms: list[str]
    trigger_contact: bool
    test_within_hours: int | None
    disease: str
    vaccination_min_days: int
    declaration_valid_hours: int
    owner_unit: str
    updated_at: datetime

    @staticmethod
    def resolve_gates(obj: HealthMeasure) -> list[str]:
        return sorted(g.code for g in obj.gates.all())

    @staticmethod
    def resolve_owner_unit(obj: HealthMeasure) -> str:
        return str(obj.owner_unit.code)


class VaccinationIn(Schema):
    disease: str = ""
    date: str = ""


class DeclarationIn(Schema):
    full_name: str = ""
    document_type: str = ""
    document_number: str = ""
    nationality: str = ""
    date_of_birth: str = ""
    sex: str = ""
    direction: str = ""
    gate: str = ""
    planned_date: str = ""
    category: str = ""
    travel_days: int = 14
    travel_countries: list[str] = []
    symptoms: list[str] = []
    contact_with_case: bool | None = None
    vaccinations: list[VaccinationIn] = []
    phone: str = ""
    email: str = ""
    consent: bool = False
    language: str = "vi"


class DeclarationCreated(Schema):
    code: str
    display_code: str
    planned_date: date
    retain_until: date


class DeclarationFilter(Schema):
    code: str = ""
    gate: str = ""
    direction: str = ""
    planned_from: date | None = None
    planned_until: date | None = None
    symptoms: bool | None = None
    source: str = ""
    q: str = ""


class EvaluateIn(Schema):
    gate: str
    direction: str
    at: datetime | None = None
    nationality: str = ""
    travel_countries: list[str] = []
    category: str = ""
    declaration_code: str | None = None
    test_certificate_at: datetime | None = None
    vaccinations: list[VaccinationIn] = []


class EvaluateOut(Schema):
    blocking: bool
    outcomes: list[dict[str, Any]]
    declaration: dict[str, Any] | None
    declaration_not_found: bool


@router.get("/measures", response=list[MeasureOut])
@paginate(LimitOffsetPagination)
def measure_list(request: HttpRequest, active: bool | None = None) -> Any:
    """Every measure (internal users)."""
    return selectors.measure_list(actor=request_user(request), active=active)


@router.post("/measures", response={201: MeasureOut})
def measure_create(request: HttpRequest, payload: MeasureIn) -> Status[Any]:
    """Define a measure (command staff)."""
    measure = services.measure_create(actor=request_user(request), data=payload.dict())
    return Status(201, measure)


@router.get("/measures/{measure_id}", response=MeasureOut)
def measure_detail(request: HttpRequest, measure_id: int) -> Any:
    return selectors.measure_get(actor=request_user(request), pk=measure_id)


@router.patch("/measures/{measure_id}", response=MeasureOut)
def measure_update(request: HttpRequest, measure_id: int, payload: MeasurePatch) -> Any:
    """Change some fields, e.g. `{"is_active": false}` switches the measure off."""
    actor = request_user(request)
    measure = selectors.measure_get(actor=actor, pk=measure_id)
    data = payload.dict(exclude_unset=True)
    return services.measure_update(actor=actor, measure=measure, data=data)


@router.delete("/measures/{measure_id}", response={204: None})
def measure_delete(request: HttpRequest, measure_id: int) -> Status[None]:
    actor = request_user(request)
    services.measure_delete(actor=actor, measure=selectors.measure_get(actor=actor, pk=measure_id))
    return Status(204, None)


@router.post("/declarations", auth=None, response={201: DeclarationCreated})
def declaration_create(request: HttpRequest, payload: DeclarationIn) -> Status[Any]:
    """Submit a health declaration (public, no sign-in; rate-limited per address).
    Answers the reference code the traveller shows at the gate."""
    ratelimit.check(ratelimit.client_address(request))
    data = payload.dict()
    language = str(data.pop("language", "vi"))
    language = language if language in LANGUAGES else "vi"
    with translation.override(LANGUAGES[language]):
        declaration = services.declaration_submit(
            actor=None, data=data, source=Source.ONLINE, language=language
        )
    return Status(201, declaration)


@router.get("/declarations", response=list[dict[str, Any]])
@paginate(LimitOffsetPagination)
def declaration_list(request: HttpRequest, filters: Query[DeclarationFilter]) -> Any:
    """Declarations in the caller's scope, newest first (listing is not a view of a
    person's record; opening one is, and is logged)."""
    qs = selectors.declaration_list(
        actor=request_user(request),
        code=filters.code,
        gate=filters.gate,
        direction=filters.direction,
        planned_from=filters.planned_from,
        planned_until=filters.planned_until,
        symptoms=filters.symptoms,
        source=filters.source,
        query=filters.q,
    )
    return [
        {
            "code": d.code,
            "display_code": d.display_code,
            "source": d.source,
            "direction": d.direction,
            "gate": d.gate.code if d.gate else "",
            "planned_date": d.planned_date.isoformat(),
            "nationality": d.nationality,
            "full_name": d.full_name,
            "has_symptoms": d.has_symptoms,
            "created_at": d.created_at.isoformat(),
        }
        for d in qs[:5000]
    ]


@router.get("/declarations/{code}", response=dict[str, Any])
def declaration_detail(request: HttpRequest, code: str) -> dict[str, Any]:
    """One declaration by its code (case and dashes ignored); the view is logged."""
    return declaration_dict(selectors.declaration_get(actor=request_user(request), code=code))


@router.post("/evaluate", response=EvaluateOut)
def evaluate(request: HttpRequest, payload: EvaluateIn) -> dict[str, Any]:
    """What each measure in force requires of this traveller, and whether it is met.
    Writes nothing but the audit entry for the declaration looked up by code."""
    actor = request_user(request)
    require(actor, INTERNAL_ROLES)
    check = services.evaluate_crossing(
        gate=payload.gate,
        direction=payload.direction,
        at=payload.at or timezone.now(),
        nationality=payload.nationality,
        travel_countries=payload.travel_countries,
        category=payload.category,
        declaration_code=payload.declaration_code,
        test_certificate_at=payload.test_certificate_at,
        vaccinations=[(v.disease, v.date or None) for v in payload.vaccinations],
        actor=actor,
    )
    return {
        "blocking": check.blocking,
        "outcomes": check.outcomes,
        "declaration": declaration_dict(check.declaration) if check.declaration else None,
        "declaration_not_found": check.declaration_not_found,
    }
