"""Seaport border procedures API: agents' systems file; officers answer and issue permits.

Errors have the shape ``{"error": {"code", "message", "fields"}}``; a list with bad rows
answers 400 with one field per bad cell, named ``<list>.<row>.<column>``.
"""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import File, Header, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import NotFound
from bienphong.org.scoping import is_external, request_user, require_role
from bienphong.ratelimit import client_address

from . import applications, lists, permits, registration, selectors, services
from .application_models import AgentApplication
from .models import Filing, ListPerson, Permit, PortCall, Vessel

router = Router(tags=["ports"])


def _aware(value: dt.datetime) -> dt.datetime:
    return timezone.make_aware(value) if timezone.is_naive(value) else value


class VesselIn(Schema):
    imo_number: str
    name: str
    call_sign: str = ""
    flag: str
    vessel_type: str
    gross_tonnage: int
    net_tonnage: int


class VesselOut(Schema):
    id: int
    imo_number: str
    name: str
    call_sign: str
    flag: str
    vessel_type: str
    gross_tonnage: int
    net_tonnage: int


class PortCallIn(Schema):
    vessel_id: int
    port: str  # seaport unit code or UN/LOCODE
    berth: str = ""
    voyage_number: str = ""
    eta: dt.datetime
    etd: dt.datetime
    previous_port: str = ""
    next_port: str = ""
    purpose: str


class PortCallOut(Schema):
    id: int
    vessel_id: int
    port: str
    berth: str
    voyage_number: str
    eta: dt.datetime
    etd: dt.datetime
    ata: dt.datetime | None
    atd: dt.datetime | None
    previous_port: str
    next_port: str
    purpose: str

    @staticmethod
    def resolve_port(obj: PortCall) -> str:
        return obj.port.code


class Fal1In(Schema):
    master_name: str | None = None
    last_port: str | None = None
    cargo_description: str | None = None
    remarks: str | None = None
    weapons_on_board: bool | None = None
    weapons_details: str | None = None
    stowaways_on_board: bool | None = None
    stowaways_details: str | None = None


class FilingIn(Fal1In):
    port_call_id: int
    kind: Literal["arrival", "departure", "transit"]


class PersonIn(Schema):
    family_name: str = ""
    given_names: str = ""
    rank: str = ""
    nationality: str = ""
    birth_date: str = ""
    birth_place: str = ""
    sex: str = ""
    doc_type: str = ""
    doc_number: str = ""
    doc_issuing_state: str = ""
    doc_expiry: str = ""
    visa: str = ""
    embark_port: str = ""
    disembark_port: str = ""
    transit: str = ""


class PersonOut(Schema):
    position: int
    family_name: str
    given_names: str
    official_name: str
    rank: str
    nationality: str
    birth_date: dt.date
    birth_place: str
    sex: str
    doc_type: str
    doc_number: str
    doc_issuing_state: str
    doc_expiry: dt.date | None
    visa: str
    embark_port: str
    disembark_port: str
    transit: bool


class ScreenedPersonOut(PersonOut):
    screening_hits: int
    screening_blocking: bool


class CorrectionOut(Schema):
    field: str
    list_kind: str
    row: int | None
    message: str
    created_at: dt.datetime
    resolved_at: dt.datetime | None


class FilingOut(Schema):
    id: int
    kind: str
    status: str
    port: str
    vessel: str
    imo_number: str
    port_call_id: int
    eta: dt.datetime
    master_name: str
    last_port: str
    cargo_description: str
    remarks: str
    weapons_on_board: bool
    weapons_details: str
    stowaways_on_board: bool
    stowaways_details: str
    submitted_at: dt.datetime | None
    due_at: dt.datetime | None
    decided_at: dt.datetime | None
    clearance_number: str
    refusal_reason: str
    crew_count: int = 0
    passenger_count: int = 0

    # Resolvers also accept the already-resolved dict that ``_detail`` builds.
    @staticmethod
    def resolve_port(obj: Any) -> str:
        return str(obj["port"]) if isinstance(obj, dict) else obj.port.code

    @staticmethod
    def resolve_vessel(obj: Any) -> str:
        return str(obj["vessel"]) if isinstance(obj, dict) else obj.port_call.vessel.name

    @staticmethod
    def resolve_imo_number(obj: Any) -> str:
        if isinstance(obj, dict):
            return str(obj["imo_number"])
        return obj.port_call.vessel.imo_number  # type: ignore[no-any-return]


class FilingDetailOut(FilingOut):
    crew: list[PersonOut]
    passengers: list[PersonOut]
    corrections: list[CorrectionOut]


class OfficerFilingOut(FilingOut):
    crew: list[ScreenedPersonOut]
    passengers: list[ScreenedPersonOut]
    corrections: list[CorrectionOut]
    differences: dict[str, Any]
    overdue: bool
    minutes_left: int | None


class ListReportOut(Schema):
    kind: str
    rows: int


class CorrectionItemIn(Schema):
    field: str = ""
    list_kind: str = ""
    row: int | None = None
    message: str


class CorrectionRequestIn(Schema):
    items: list[CorrectionItemIn]


class RefuseIn(Schema):
    reason: str


class ShoreLeaveIn(Schema):
    positions: list[int]
    valid_from: dt.datetime
    valid_until: dt.datetime
    area: str


class BoardingIn(Schema):
    visitor_name: str
    visitor_document: str
    purpose: str
    valid_from: dt.datetime
    valid_until: dt.datetime


class PermitOut(Schema):
    id: int
    kind: str
    number: str
    filing_id: int
    holder: str
    area: str
    purpose: str
    valid_from: dt.datetime
    valid_until: dt.datetime
    revoked_at: dt.datetime | None
    token: str
    pdf_url: str

    @staticmethod
    def resolve_holder(obj: Permit) -> str:
        return obj.holder_name

    @staticmethod
    def resolve_token(obj: Permit) -> str:
        return permits.permit_token(obj)

    @staticmethod
    def resolve_pdf_url(obj: Permit) -> str:
        from django.urls import reverse

        return reverse("ports_permit_pdf", args=[obj.pk])


class RevokeIn(Schema):
    reason: str = ""


class VerifyOut(Schema):
    verdict: Literal["valid", "not_yet_valid", "expired", "revoked", "forged"]
    label: str
    number: str | None = None
    kind: str | None = None
    holder: str | None = None
    vessel: str | None = None
    valid_from: dt.datetime | None = None
    valid_until: dt.datetime | None = None


class StatsOut(Schema):
    port: str
    name_vi: str
    name_en: str
    submitted: int
    answered: int
    within_hour: int
    median_minutes: float | None
    within_hour_share: float | None


class QueueFilter(Schema):
    port: str = ""
    include_decided: bool = False


def _counts(filing: Filing) -> Filing:
    people = list(filing.people.all())
    filing.crew_count = sum(1 for p in people if p.kind == "crew")  # type: ignore[attr-defined]
    filing.passenger_count = len(people) - filing.crew_count  # type: ignore[attr-defined]
    return filing


def _detail(actor: Any, filing: Filing) -> dict[str, Any]:
    people = list(filing.people.order_by("kind", "position"))
    data: dict[str, Any] = FilingOut.from_orm(_counts(filing)).model_dump()
    data["crew"] = [p for p in people if p.kind == "crew"]
    data["passengers"] = [p for p in people if p.kind == "passenger"]
    corrections = filing.corrections.all()
    data["corrections"] = list(corrections)
    if not is_external(actor):
        data["differences"] = selectors.crew_diff(filing).as_dict()
        data["overdue"] = selectors.is_overdue(filing)
        data["minutes_left"] = selectors.minutes_left(filing)
    return data


# --- agents ------------------------------------------------------------------------


@router.get("/ports/vessels", response=list[VesselOut])
def vessel_find(request: HttpRequest, imo: str = "") -> Any:
    """Find a vessel by IMO number (agents start a call of a known vessel from it)."""
    request_user(request)
    qs = selectors.vessels()
    return (
        list(qs.filter(imo_number=imo.strip().upper().removeprefix("IMO").strip())[:1])
        if imo
        else list(qs[:200])
    )


@router.post("/ports/vessels", response={201: VesselOut})
def vessel_register(request: HttpRequest, payload: VesselIn) -> Status[Vessel]:
    """Register a vessel or update its particulars (the IMO check digit is validated)."""
    vessel = services.vessel_register(actor=request_user(request), **payload.model_dump())
    return Status(201, vessel)


@router.post("/ports/calls", response={201: PortCallOut})
def port_call_create(request: HttpRequest, payload: PortCallIn) -> Status[PortCall]:
    data = payload.model_dump()
    vessel = Vessel.objects.filter(pk=data.pop("vessel_id")).first()
    if vessel is None:
        raise NotFound()
    data["eta"], data["etd"] = _aware(data["eta"]), _aware(data["etd"])
    call = services.port_call_create(actor=request_user(request), vessel=vessel, **data)
    return Status(201, call)


@router.get("/ports/filings", response=list[FilingOut])
@paginate(LimitOffsetPagination)
def filing_list(request: HttpRequest, status: str = "") -> Any:
    """Filings the caller may see: an agent's organisation's, an officer's ports'."""
    qs = selectors.filings_for(request_user(request)).order_by("-eta", "-pk")
    return qs.filter(status=status) if status else qs


@router.post("/ports/filings", response={200: FilingDetailOut, 201: FilingDetailOut})
def filing_create(
    request: HttpRequest,
    payload: FilingIn,
    idempotency_key: str = Header("", alias="Idempotency-Key"),  # type: ignore[type-arg]
) -> Status[dict[str, Any]]:
    """Start an arrival, departure or transit declaration for a port call. A known
    vessel's crew list is copied from its last call. Send an `Idempotency-Key` header: a
    retry with the same key returns the first filing (200) and never creates a second."""
    actor = request_user(request)
    data = payload.model_dump(exclude_none=True)
    call = (
        selectors.port_calls_for(actor)
        .filter(pk=data.pop("port_call_id"))
        .select_related("vessel")
        .first()
    )
    if call is None:
        raise NotFound()
    filing, created = services.filing_create_idempotent(
        actor=actor, port_call=call, idempotency_key=idempotency_key, **data
    )
    return Status(201 if created else 200, _detail(actor, filing))


@router.get("/ports/filings/{filing_id}", response={200: FilingDetailOut | OfficerFilingOut})
def filing_detail(request: HttpRequest, filing_id: int) -> Any:
    """The filing with its lists. Officers also get screening results and differences
    from the vessel's last crew list; agents never do."""
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id, log_view=True)
    return _detail(actor, filing)


@router.patch("/ports/filings/{filing_id}", response=FilingDetailOut)
def filing_update(request: HttpRequest, filing_id: int, payload: Fal1In) -> Any:
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    filing = services.filing_update(actor=actor, filing=filing, **payload.model_dump())
    return _detail(actor, filing)


@router.put("/ports/filings/{filing_id}/lists/{kind}", response=ListReportOut)
def list_put(
    request: HttpRequest, filing_id: int, kind: Literal["crew", "passenger"], rows: list[PersonIn]
) -> dict[str, Any]:
    """Replace the crew or passenger list with these rows (all or nothing)."""
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    raw = lists.rows_from_people(kind, [r.model_dump() for r in rows])
    report = services.list_replace(actor=actor, filing=filing, kind=kind, rows=raw)
    return {"kind": kind, "rows": len(report.people)}


@router.post("/ports/filings/{filing_id}/lists/{kind}/upload", response=ListReportOut)
def list_upload(
    request: HttpRequest,
    filing_id: int,
    kind: Literal["crew", "passenger"],
    file: File[UploadedFile],
) -> dict[str, Any]:
    """Upload a list as CSV, XLSX (the template) or an EDIFACT PAXLST message."""
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    report = services.list_import(
        actor=actor, filing=filing, kind=kind, filename=file.name or "", data=file.read()
    )
    return {"kind": kind, "rows": len(report.people)}


class AttachmentOut(Schema):
    id: int
    kind: str
    filename: str
    content_type: str
    size: int


@router.post("/ports/filings/{filing_id}/attachments/{kind}", response={201: AttachmentOut})
def attachment_add(
    request: HttpRequest,
    filing_id: int,
    kind: Literal["fal3", "fal4"],
    file: File[UploadedFile],
) -> Status[Any]:
    """Attach the FAL 3 ship's stores or FAL 4 crew's effects declaration (PDF, JPEG, PNG
    or XLSX, at most 5 MB; the content must match the type)."""
    actor = request_user(request)
    attachment = services.attachment_add(
        actor=actor,
        filing=selectors.get_filing_for(actor, filing_id),
        kind=kind,
        filename=file.name or "",
        content_type=file.content_type or "",
        data=file.read(),
    )
    return Status(201, attachment)


@router.post("/ports/filings/{filing_id}/submit", response=FilingOut)
def filing_submit(request: HttpRequest, filing_id: int) -> Any:
    """Submit or resubmit: the one-hour answer clock starts; everyone is screened."""
    actor = request_user(request)
    filing = services.filing_submit(actor=actor, filing=selectors.get_filing_for(actor, filing_id))
    return _counts(filing)


# --- officers ----------------------------------------------------------------------


@router.get("/ports/queue", response=list[FilingOut])
@paginate(LimitOffsetPagination)
def queue(request: HttpRequest, filters: Query[QueueFilter]) -> Any:
    """Filings awaiting an answer at the caller's ports, by ETA."""
    return selectors.queue(request_user(request), **filters.model_dump())


@router.post("/ports/filings/{filing_id}/approve", response=FilingOut)
def filing_approve(request: HttpRequest, filing_id: int) -> Any:
    """Grant border clearance (the answer carries the clearance number)."""
    actor = request_user(request)
    filing = services.filing_approve(actor=actor, filing=selectors.get_filing_for(actor, filing_id))
    return _counts(filing)


@router.post("/ports/filings/{filing_id}/request-correction", response=FilingDetailOut)
def filing_request_correction(
    request: HttpRequest, filing_id: int, payload: CorrectionRequestIn
) -> Any:
    """Send back with comments on fields (``field``) or list rows (``list_kind``, ``row``)."""
    actor = request_user(request)
    filing = selectors.get_filing_for(actor, filing_id)
    services.filing_request_correction(
        actor=actor, filing=filing, items=[i.model_dump() for i in payload.items]
    )
    return _detail(actor, selectors.get_filing_for(actor, filing_id))


@router.post("/ports/filings/{filing_id}/refuse", response=FilingOut)
def filing_refuse(request: HttpRequest, filing_id: int, payload: RefuseIn) -> Any:
    actor = request_user(request)
    filing = services.filing_refuse(
        actor=actor, filing=selectors.get_filing_for(actor, filing_id), reason=payload.reason
    )
    return _counts(filing)


@router.post("/ports/filings/{filing_id}/permits/shore-leave", response={201: list[PermitOut]})
def shore_leave(request: HttpRequest, filing_id: int, payload: ShoreLeaveIn) -> Status[Any]:
    actor = request_user(request)
    issued = permits.shore_leave_issue(
        actor=actor,
        filing=selectors.get_filing_for(actor, filing_id),
        positions=payload.positions,
        valid_from=_aware(payload.valid_from),
        valid_until=_aware(payload.valid_until),
        area=payload.area,
    )
    return Status(201, issued)


@router.post("/ports/filings/{filing_id}/permits/boarding", response={201: PermitOut})
def boarding(request: HttpRequest, filing_id: int, payload: BoardingIn) -> Status[Any]:
    actor = request_user(request)
    data = payload.model_dump()
    data["valid_from"], data["valid_until"] = (
        _aware(data["valid_from"]),
        _aware(data["valid_until"]),
    )
    permit = permits.boarding_issue(
        actor=actor, filing=selectors.get_filing_for(actor, filing_id), **data
    )
    return Status(201, permit)


@router.get("/ports/permits", response=list[PermitOut])
@paginate(LimitOffsetPagination)
def permit_list(request: HttpRequest) -> Any:
    return selectors.permits_for(request_user(request))


@router.post("/ports/permits/{permit_id}/revoke", response=PermitOut)
def permit_revoke(request: HttpRequest, permit_id: int, payload: RevokeIn) -> Any:
    actor = request_user(request)
    permit = selectors.permits_for(actor).filter(pk=permit_id).first()
    if permit is None:
        raise NotFound()
    return permits.permit_revoke(actor=actor, permit=permit, reason=payload.reason)


@router.get("/ports/stats", response=list[StatsOut])
def stats(request: HttpRequest, date_from: dt.date, date_to: dt.date) -> Any:
    """Per port: submitted, answered, median minutes to the first answer, share within 1 h."""
    return selectors.processing_stats(request_user(request), date_from, date_to)


@router.get("/permits/verify", response=VerifyOut)
def permit_verify(request: HttpRequest, token: str = "") -> dict[str, Any]:
    """Verify a permit's QR token: valid, not yet valid, expired, revoked or forged."""
    request_user(request)
    result = permits.verify_token(token)
    body: dict[str, Any] = {"verdict": result.verdict, "label": result.label}
    if result.permit is not None:
        permit = result.permit
        body.update(
            number=permit.number,
            kind=permit.kind,
            holder=permit.holder_name,
            vessel=permit.filing.port_call.vessel.name,
            valid_from=permit.valid_from,
            valid_until=permit.valid_until,
        )
    return body


__all__ = ["ListPerson", "router"]


# --- agent self-registration ---------------------------------------------------------


class AgentApplicationIn(Schema):
    name: str
    tax_code: str
    address: str
    email: str
    phone: str
    ports: list[str]
    full_name: str
    username: str
    user_email: str
    password: str


class AgentApplicationOut(Schema):
    id: int
    status: str
    organisation: str
    tax_code: str


class RejectIn(Schema):
    reason: str


def _application_out(application: Any) -> dict[str, Any]:
    return {
        "id": application.pk,
        "status": application.status,
        "organisation": application.organisation.name,
        "tax_code": application.organisation.tax_code,
    }


@router.post("/ports/agent-applications", auth=None, response={201: AgentApplicationOut})
def agent_application_create(request: HttpRequest, payload: AgentApplicationIn) -> Status[Any]:
    """A shipping agency applies (public, no sign-in; rate-limited per address)."""
    registration.rate_check(client_address(request))
    application = applications.application_submit(actor=None, data=payload.dict())
    return Status(201, _application_out(application))


@router.get("/ports/agent-applications", response=list[AgentApplicationOut])
def agent_application_list(request: HttpRequest) -> Any:
    require_role(request_user(request), *services.APPROVER_ROLES)
    return [_application_out(a) for a in applications.pending()]


@router.post("/ports/agent-applications/{application_id}/approve", response=AgentApplicationOut)
def agent_application_approve(request: HttpRequest, application_id: int) -> Any:
    actor = request_user(request)
    require_role(actor, *services.APPROVER_ROLES)
    application = AgentApplication.objects.filter(pk=application_id).first()
    if application is None:
        raise NotFound()
    return _application_out(applications.application_approve(actor=actor, application=application))


@router.post("/ports/agent-applications/{application_id}/reject", response=AgentApplicationOut)
def agent_application_reject(request: HttpRequest, application_id: int, payload: RejectIn) -> Any:
    actor = request_user(request)
    require_role(actor, *services.APPROVER_ROLES)
    application = AgentApplication.objects.filter(pk=application_id).first()
    if application is None:
        raise NotFound()
    done = applications.application_reject(
        actor=actor, application=application, reason=payload.reason
    )
    return _application_out(done)
