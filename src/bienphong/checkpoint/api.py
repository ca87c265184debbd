"""Checkpoint API: checks, crossings (idempotent), overstays, vehicles."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Header, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.org.scoping import request_user

from . import selectors
from .models import ListItem
from .services import crossings as crossing_services
from .services.checks import run_check
from .services.vehicles import vehicle_crossing_record

router = Router(tags=["checkpoint"])


class DocumentIn(Schema):
    doc_type: str
    number: str = ""
    full_name: str = ""
    nationality: str = ""
    issuing_state: str = ""
    birth_date: str = ""
    sex: str = ""
    issue_date: str = ""
    expiry_date: str = ""
    entries: str = ""
    areas: list[str] = []


class CheckIn(Schema):
    gate: str
    lane: str = ""
    direction: str
    mrz: str = ""
    document: DocumentIn | None = None
    declaration_code: str = ""
    category: str = ""
    travel_countries: list[str] = []


class CrossingIn(CheckIn):
    check_token: str = ""
    decision: str
    reason_code: str = ""
    reason_text: str = ""
    purpose: str = ""
    destination: str = ""


class CrossingOut(Schema):
    id: int
    traveller_id: int
    traveller_name: str
    document_type: str
    document_number: str
    nationality: str
    gate: str
    lane: str
    direction: str
    at: dt.datetime
    officer: str
    decision: str
    reason_code: str
    reason_text: str
    purpose: str
    destination: str
    permitted_until: dt.date | None
    no_entry_record: bool
    overstay_days: int
    corrects: int | None

    @staticmethod
    def resolve_traveller_name(obj: Any) -> str:
        return str(obj.traveller.full_name)

    @staticmethod
    def resolve_document_type(obj: Any) -> str:
        return str(obj.document.doc_type)

    @staticmethod
    def resolve_document_number(obj: Any) -> str:
        return str(obj.document.number)

    @staticmethod
    def resolve_gate(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_officer(obj: Any) -> str:
        return str(obj.officer.get_username())

    @staticmethod
    def resolve_corrects(obj: Any) -> int | None:
        return obj.corrects_id  # type: ignore[no-any-return]


class CrossingFilter(Schema):
    gate: str = ""
    direction: str = ""
    decision: str = ""
    nationality: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str = ""


class CorrectionIn(Schema):
    reason: str
    changes: dict[str, str]


class StayOut(Schema):
    id: int
    traveller_id: int
    traveller_name: str
    nationality: str
    entered_at: dt.datetime
    permitted_until: dt.date | None
    entry_gate: str
    days_over: int

    @staticmethod
    def resolve_traveller_name(obj: Any) -> str:
        return str(obj.traveller.full_name)

    @staticmethod
    def resolve_nationality(obj: Any) -> str:
        return str(obj.traveller.nationality)

    @staticmethod
    def resolve_entry_gate(obj: Any) -> str:
        return str(obj.entry_unit.code)

    @staticmethod
    def resolve_days_over(obj: Any) -> int:
        from django.utils import timezone

        return (timezone.localdate() - obj.permitted_until).days if obj.permitted_until else 0


class PermitIn(Schema):
    number: str
    valid_from: str
    exit_deadline: str


class VehicleCrossingIn(Schema):
    gate: str
    direction: str
    plate: str
    country: str = ""
    vehicle_type: str
    owner: str = ""
    driver_crossing: int
    passenger_crossings: list[int] = []
    cargo: str = ""
    permit: PermitIn | None = None


class VehicleCrossingOut(Schema):
    id: int
    plate: str
    country: str
    gate: str
    direction: str
    at: dt.datetime
    driver_crossing: int
    passenger_crossings: list[int]
    cargo: str
    permit: str | None
    exit_deadline: dt.date | None

    @staticmethod
    def resolve_plate(obj: Any) -> str:
        return str(obj.vehicle.plate_display)

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return str(obj.vehicle.country)

    @staticmethod
    def resolve_gate(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_driver_crossing(obj: Any) -> int:
        return int(obj.driver_id)

    @staticmethod
    def resolve_passenger_crossings(obj: Any) -> list[int]:
        return [p.pk for p in obj.passengers.all()]

    @staticmethod
    def resolve_permit(obj: Any) -> str | None:
        return obj.permit.number if obj.permit else None

    @staticmethod
    def resolve_exit_deadline(obj: Any) -> dt.date | None:
        return obj.permit.exit_deadline if obj.permit else None


def _payload(data: Schema) -> dict[str, Any]:
    body = data.model_dump()
    if body.get("document") is None:
        body.pop("document", None)
    return body


@router.post("/checkpoint/checks", response=dict[str, Any])
def check(request: HttpRequest, payload: CheckIn) -> dict[str, Any]:
    """Every check's result for a document at a gate. No crossing is recorded (watchlist
    alerts become review items, the same one on a retry)."""
    actor = request_user(request)
    return run_check(actor=actor, payload=_payload(payload)).as_response(actor)


@router.post("/crossings", response={200: CrossingOut, 201: CrossingOut})
def crossing_create(
    request: HttpRequest,
    payload: CrossingIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),  # type: ignore[type-arg]
) -> Status[Any]:
    """Record a decision (admitted / refused / referred; a reason is required to refuse or
    refer). Send an `Idempotency-Key` header: a retry with the same key returns the first
    crossing (200) and never records twice."""
    crossing, created = crossing_services.crossing_record(
        actor=request_user(request), payload=_payload(payload), idempotency_key=idempotency_key
    )
    return Status(201 if created else 200, crossing)


@router.get("/crossings", response=list[CrossingOut])
@paginate(LimitOffsetPagination)
def crossing_list(request: HttpRequest, filters: Query[CrossingFilter]) -> Any:
    data = filters.model_dump()
    data["query"] = data.pop("q")
    return selectors.crossing_list(actor=request_user(request), **data)


@router.get("/crossings/{crossing_id}", response=CrossingOut)
def crossing_detail(request: HttpRequest, crossing_id: int) -> Any:
    return selectors.crossing_get(actor=request_user(request), pk=crossing_id)


@router.post("/crossings/{crossing_id}/corrections", response={201: CrossingOut})
def crossing_correct(request: HttpRequest, crossing_id: int, payload: CorrectionIn) -> Status[Any]:
    """Correct a crossing: a new record that supersedes it; the original stays."""
    actor = request_user(request)
    original = selectors.crossing_get(actor=actor, pk=crossing_id)
    fresh = crossing_services.crossing_correct(
        actor=actor, crossing=original, changes=payload.changes, reason=payload.reason
    )
    return Status(201, fresh)


@router.get("/overstays", response=list[StayOut])
@paginate(LimitOffsetPagination)
def overstay_list(request: HttpRequest) -> Any:
    """Entered, not exited, past the permitted date (the caller's units)."""
    return selectors.overstays(actor=request_user(request))


@router.get("/exits-without-entry", response=list[CrossingOut])
@paginate(LimitOffsetPagination)
def exits_without_entry(request: HttpRequest) -> Any:
    return selectors.exits_without_entry(actor=request_user(request))


@router.post("/vehicle-crossings", response={200: VehicleCrossingOut, 201: VehicleCrossingOut})
def vehicle_crossing_create(
    request: HttpRequest,
    payload: VehicleCrossingIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),  # type: ignore[type-arg]
) -> Status[Any]:
    crossing, created = vehicle_crossing_record(
        actor=request_user(request), payload=payload.model_dump(), idempotency_key=idempotency_key
    )
    return Status(201 if created else 200, crossing)


@router.get("/vehicle-crossings", response=list[VehicleCrossingOut])
@paginate(LimitOffsetPagination)
def vehicle_crossing_list(request: HttpRequest) -> Any:
    return selectors.vehicle_crossing_list(actor=request_user(request)).prefetch_related(
        "passengers"
    )


@router.get("/vehicles/overdue", response=list[dict[str, Any]])
def overdue_vehicles(request: HttpRequest) -> list[dict[str, Any]]:
    """Foreign vehicles past their exit deadline with no exit recorded."""
    return [
        {
            "plate": p.vehicle.plate_display,
            "country": p.vehicle.country,
            "permit": p.number,
            "exit_deadline": p.exit_deadline,
            "gate": p.unit.code,
        }
        for p in selectors.overdue_vehicles(actor=request_user(request))[:1000]
    ]


@router.get("/checkpoint/lists", response=dict[str, list[dict[str, str]]])
def lists(request: HttpRequest) -> dict[str, list[dict[str, str]]]:
    """The configurable lists: purposes, destinations, refusal and referral reasons."""
    out: dict[str, list[dict[str, str]]] = {}
    for item in ListItem.objects.filter(is_active=True):
        out.setdefault(item.kind, []).append({"code": item.code, "label": item.label})
    return out
