"""``/api/v1/incidents``: the situation log."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit
from bienphong.org.scoping import request_user

from .. import selectors
from ..downloads import attachment_response
from ..services import incidents as services
from .schemas import AttachmentOut, FollowUpOut, IncidentIn, IncidentOut, IncidentRow, NoteIn

router = Router(tags=["situation"])


class IncidentFilter(Schema):
    kind: str = ""
    status: str = ""
    unit: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def to_data(payload: IncidentIn) -> services.IncidentIn:
    unit = Unit.objects.filter(code=payload.unit).first()
    if unit is None:
        raise ValidationFailed(fields={"unit": [_("Unknown unit.")]})
    data = payload.model_dump(exclude={"unit", "people", "vehicles"})
    return services.IncidentIn(
        **data,
        unit=unit,
        people=[services.PersonIn(**p.model_dump()) for p in payload.people],
        vehicles=[services.VehicleIn(**v.model_dump()) for v in payload.vehicles],
    )


def _detail(actor: Any, pk: int) -> Any:
    return selectors.incident_view(actor=actor, pk=pk)


@router.get("/incidents", response=list[IncidentRow])
@paginate(LimitOffsetPagination)
def incident_list(request: HttpRequest, filters: Query[IncidentFilter]) -> Any:
    """Incidents in the caller's scope, newest first; filter by kind, status, unit, dates."""
    return selectors.incidents(
        request_user(request), selectors.IncidentFilters(**filters.model_dump())
    )


@router.post("/incidents", response={201: IncidentOut})
def incident_create(request: HttpRequest, payload: IncidentIn) -> Any:
    actor = request_user(request)
    incident = services.incident_create(actor=actor, data=to_data(payload))
    return Status(201, _detail(actor, incident.pk))


@router.get("/incidents/{incident_id}", response=IncidentOut)
def incident_detail(request: HttpRequest, incident_id: int) -> Any:
    """The incident with its people (a view of personal data: audited)."""
    return _detail(request_user(request), incident_id)


@router.post("/incidents/{incident_id}/follow-ups", response={201: FollowUpOut})
def follow_up_add(request: HttpRequest, incident_id: int, payload: NoteIn) -> Any:
    actor = request_user(request)
    incident = selectors.incident_get(actor=actor, pk=incident_id)
    return Status(201, services.follow_up_add(actor=actor, incident=incident, note=payload.note))


@router.post("/incidents/{incident_id}/close", response=IncidentOut)
def incident_close(request: HttpRequest, incident_id: int, payload: NoteIn) -> Any:
    actor = request_user(request)
    incident = selectors.incident_get(actor=actor, pk=incident_id)
    services.incident_close(actor=actor, incident=incident, note=payload.note)
    return _detail(actor, incident_id)


@router.post("/incidents/{incident_id}/attachments", response={201: AttachmentOut})
def attachment_add(request: HttpRequest, incident_id: int, file: File[UploadedFile]) -> Any:
    """A photo or document (PDF, DOCX, XLSX, JPEG, PNG; 10 MB), checked by content."""
    actor = request_user(request)
    incident = selectors.incident_get(actor=actor, pk=incident_id)
    attachment = services.attachment_add(
        actor=actor, incident=incident, name=file.name or "file", data=file.read()
    )
    return Status(201, attachment)


@router.get("/incidents/attachments/{attachment_id}")
def attachment_download(request: HttpRequest, attachment_id: int) -> Any:
    return attachment_response(actor=request_user(request), pk=attachment_id)
