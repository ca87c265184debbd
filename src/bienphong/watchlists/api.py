"""Screening and watchlist API."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit
from bienphong.org.scoping import primary_membership, request_user, units_in_scope

from . import imports, screening, selectors, services
from .access import can_view_files, require_screening
from .importers import detect_format
from .inputs import clean_query
from .presenters import hit_dict, listed_person, outcome_dict

screening_router = Router(tags=["screening"])
watchlists_router = Router(tags=["watchlists"])


class SearchIn(Schema):
    name: str = ""
    date_of_birth: str = ""
    nationality: str = ""
    document_number: str = ""
    record: bool = False
    unit: str = ""


class SearchOut(Schema):
    blocking: bool
    hits: list[dict[str, Any]]


class DecisionIn(Schema):
    decision: str
    reason: str


class HitFilter(Schema):
    status: str = ""
    unit: str = ""


class WatchlistOut(Schema):
    code: str
    name: str
    list_type: str
    source: str
    owner_unit: str
    sensitivity: str
    is_active: bool
    entry_count: int

    @staticmethod
    def resolve_owner_unit(obj: Any) -> str:
        return str(obj.owner_unit.code)


class ImportJobOut(Schema):
    id: int
    watchlist: str
    file_name: str
    state: str
    total: int
    processed: int
    percent: int
    created: int
    updated: int
    errors: list[dict[str, Any]]
    created_at: datetime
    finished_at: datetime | None

    @staticmethod
    def resolve_watchlist(obj: Any) -> str:
        return str(obj.watchlist.code)


def _screening_unit(actor: Any, code: str) -> Unit:
    if code:
        unit = units_in_scope(actor).filter(code=code).first()
        if unit is None:
            raise ValidationFailed(fields={"unit": [_("No such unit in your scope.")]})
        return unit
    membership = primary_membership(actor)
    if membership is None or membership.unit is None:
        raise ValidationFailed(fields={"unit": [_("Choose a unit.")]})
    return membership.unit


@screening_router.post("/search", response=SearchOut)
def search(request: HttpRequest, payload: SearchIn) -> dict[str, Any]:
    """Screen a person. With `record` the alerts become review items of `unit`
    (default: the caller's unit); without it nothing is written."""
    actor = request_user(request)
    require_screening(actor)
    query = clean_query(
        name=payload.name,
        date_of_birth=payload.date_of_birth,
        nationality=payload.nationality,
        document_number=payload.document_number,
    )
    files = can_view_files(actor)
    if payload.record:
        result = screening.screen_person(
            actor=actor,
            unit=_screening_unit(actor, payload.unit),
            name=query.name,
            dob=query.dob,
            nationality=query.nationality,
            document_number=query.document_number,
            context="api",
        )
        outcomes, blocking = result.outcomes, result.blocking
    else:
        _key, outcomes = screening.search(
            name=query.name,
            dob=query.dob,
            nationality=query.nationality,
            document_number=query.document_number,
        )
        blocking = False
    return {"blocking": blocking, "hits": [outcome_dict(o, files=files) for o in outcomes]}


@screening_router.get("/hits", response=list[dict[str, Any]])
@paginate(LimitOffsetPagination)
def hit_list(request: HttpRequest, filters: Query[HitFilter]) -> Any:
    """Hits raised in the caller's scope, newest first."""
    actor = request_user(request)
    files = can_view_files(actor)
    hits = selectors.hit_list(actor=actor, status=filters.status, unit_code=filters.unit)
    return [hit_dict(h, files=files) for h in hits.prefetch_related("entry__documents")[:1000]]


@screening_router.get("/hits/{hit_id}", response=dict[str, Any])
def hit_detail(request: HttpRequest, hit_id: int) -> dict[str, Any]:
    actor = request_user(request)
    return hit_dict(selectors.hit_get(actor=actor, pk=hit_id), files=can_view_files(actor))


@screening_router.post("/hits/{hit_id}/decision", response=dict[str, Any])
def hit_decision(request: HttpRequest, hit_id: int, payload: DecisionIn) -> dict[str, Any]:
    """Confirm or dismiss (`decision`: confirmed | dismissed) with a reason."""
    actor = request_user(request)
    hit = services.hit_decide(
        actor=actor,
        hit=selectors.hit_get(actor=actor, pk=hit_id),
        decision=payload.decision,
        reason=payload.reason,
    )
    return hit_dict(hit, files=can_view_files(actor))


@watchlists_router.get("", response=list[WatchlistOut])
def watchlist_list(request: HttpRequest) -> Any:
    """Lists (command staff and designated officers)."""
    return list(selectors.watchlist_list(actor=request_user(request)))


@watchlists_router.get("/{code}/entries", response=list[dict[str, Any]])
@paginate(LimitOffsetPagination)
def entry_list(request: HttpRequest, code: str, q: str = "") -> Any:
    actor = request_user(request)
    watchlist = selectors.watchlist_get(actor=actor, code=code)
    return [
        listed_person(e, files=True)
        for e in selectors.entry_list(actor=actor, watchlist=watchlist, query=q)[:5000]
    ]


@watchlists_router.get("/entries/{entry_id}", response=dict[str, Any])
def entry_detail(request: HttpRequest, entry_id: int) -> dict[str, Any]:
    return listed_person(selectors.entry_get(actor=request_user(request), pk=entry_id), files=True)


@watchlists_router.post("/{code}/imports", response={201: ImportJobOut})
def import_start(
    request: HttpRequest, code: str, file: File[UploadedFile], file_format: Form[str] = ""
) -> Status[Any]:
    """Upload CSV, XLSX or FollowTheMoney JSON lines; the import runs in the background
    and is all or nothing: poll the job for progress and every bad row."""
    actor = request_user(request)
    watchlist = selectors.watchlist_get(actor=actor, code=code)
    fmt = file_format or detect_format(file.name or "") or ""
    if fmt not in ("csv", "xlsx", "ftm"):
        raise ValidationFailed(fields={"file": [_("Use a CSV, XLSX or FollowTheMoney JSON file.")]})
    job = imports.start_job(actor=actor, watchlist=watchlist, upload=file, file_format=fmt)
    job.refresh_from_db()
    return Status(201, job)


@watchlists_router.get("/imports/{job_id}", response=ImportJobOut)
def import_status(request: HttpRequest, job_id: int) -> Any:
    return selectors.import_job_get(actor=request_user(request), pk=job_id)
