"""Read-only API over the audit log."""

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from . import selectors

router = Router(tags=["audit"])


class EntryOut(Schema):
    id: int
    at: datetime
    actor_username: str
    unit_code: str
    action: str
    event: str
    object_type: str
    object_id: str
    object_repr: str
    client_address: str | None
    before: Any = None
    after: Any = None
    hash: str


class EntryFilter(Schema):
    user: str = ""
    action: str = ""
    event: str = ""
    object_type: str = ""
    object_id: str = ""
    unit: str = ""
    date_from: date | None = None
    date_to: date | None = None


@router.get("/entries", response=list[EntryOut])
@paginate(LimitOffsetPagination)
def entry_list(request: HttpRequest, filters: Query[EntryFilter]) -> Any:
    """Audit entries, newest first (auditors and administrators)."""
    return selectors.entry_list(actor=request.user, **filters.dict())
