"""Statistics API under /api/v1/stats: crossings, vehicle crossings and port filings.

Scoped like the screens: the numbers cover the caller's units (or the subtree of
``unit`` when it is within the caller's scope). A bad date or ``group_by`` answers 422
with the field named.
"""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from bienphong.org.scoping import request_user

from . import stats
from .scope import require_stats_role, stats_unit_ids

router = Router(tags=["statistics"])


class Period(Schema):
    date_from: dt.date = Field(..., alias="from", description="First local day (YYYY-MM-DD).")
    date_to: dt.date = Field(..., alias="to", description="Last local day, inclusive.")
    unit: str = Field("", description="Unit code: narrow to that unit's subtree.")


class CrossingQuery(Period):
    group_by: Literal[
        "gate",
        "day",
        "hour",
        "month",
        "nationality",
        "document_type",
        "direction",
        "decision",
        "reason",
    ] = Field("gate", description="What each row counts.")


class VehicleQuery(Period):
    group_by: Literal["gate", "day", "hour", "month", "direction", "country", "vehicle_type"] = (
        Field("gate", description="What each row counts.")
    )


class FilingQuery(Period):
    group_by: Literal["port", "day", "month", "kind", "status"] = Field(
        "port", description="What each row counts."
    )


class CrossingRow(Schema):
    key: Any = Field(..., description="Unit id, ISO date, YYYY-MM, hour 0-23 or a code.")
    label: str
    entries: int
    exits: int
    admitted: int
    refused: int
    referred: int
    total: int


class VehicleRow(Schema):
    key: Any
    label: str
    entries: int
    exits: int
    with_permit: int = Field(..., description="Foreign vehicles on a temporary-entry permit.")
    total: int


class FilingRow(Schema):
    key: Any
    label: str
    submitted: int
    answered: int = Field(..., description="Filings with a first answer.")
    within_hour: int = Field(..., description="Answered within the one-hour clock.")
    pending: int = Field(..., description="Still awaiting an officer.")
    overdue: int = Field(..., description="Pending and past the one-hour clock now.")
    approved: int
    refused: int
    total: int


def _args(request: HttpRequest, query: Period) -> dict[str, Any]:
    actor = request_user(request)
    require_stats_role(actor)
    stats.check_period(query.date_from, query.date_to)
    return {
        "unit_ids": stats_unit_ids(actor, query.unit),
        "date_from": query.date_from,
        "date_to": query.date_to,
    }


@router.get("/crossings", response=list[CrossingRow])
def crossings(request: HttpRequest, query: Query[CrossingQuery]) -> Any:
    """Crossings (effective: corrections replace what they correct) in the period, by
    local day (Asia/Ho_Chi_Minh), entries and exits, decisions."""
    return stats.crossing_stats(**_args(request, query), group_by=query.group_by)


@router.get("/vehicles", response=list[VehicleRow])
def vehicles(request: HttpRequest, query: Query[VehicleQuery]) -> Any:
    """Vehicle crossings in the period."""
    return stats.vehicle_stats(**_args(request, query), group_by=query.group_by)


@router.get("/port-filings", response=list[FilingRow])
def port_filings(request: HttpRequest, query: Query[FilingQuery]) -> Any:
    """Port filings submitted in the period, with the one-hour answer clock."""
    return stats.filing_stats(**_args(request, query), group_by=query.group_by)
