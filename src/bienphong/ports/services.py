"""Writes for vessels, port calls, filings, lists and decisions. Every write is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    ValidationFailed,
    full_clean,
)
from bienphong.nationality import to_icao
from bienphong.notifications.services import notify
from bienphong.org.models import Membership, Organisation, Unit, UnitType, User
from bienphong.org.roles import Role
from bienphong.org.scoping import memberships, require_role, require_write
from bienphong.watchlists.screening import Subject, screen_people

from . import lists
from .identifiers import is_unlocode, normalise_imo
from .models import (
    ANSWER_WITHIN,
    AWAITING_OFFICER,
    EDITABLE,
    TRANSITIONS,
    Attachment,
    AttachmentKind,
    Correction,
    Filing,
    FilingKind,
    FilingStatus,
    ListPerson,
    Permit,
    PersonKind,
    PortCall,
    Vessel,
)

OFFICER_ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF)
APPROVER_ROLES = (Role.COMMAND_STAFF, Role.ADMINISTRATOR)
FAL1_FIELDS = (
    "master_name",
    "last_port",
    "cargo_description",
    "remarks",
    "weapons_on_board",
    "weapons_details",
    "stowaways_on_board",
    "stowaways_details",
)
ATTACHMENT_TYPES = {
    "application/pdf": b"%PDF",
    "image/jpeg": b"\xff\xd8\xff",
    "image/png": b"\x89PNG",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": b"PK",
}
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024

E_NOT_APPROVED = gettext_lazy("Your organisation has not been approved yet.")
E_IMO = gettext_lazy("Not a valid IMO number (7 digits with a correct check digit).")
E_FLAG = gettext_lazy("Unknown flag state: use an ICAO code or a country name.")
E_PORT = gettext_lazy("Choose a seaport.")
E_UNLOCODE = gettext_lazy("Write the port as a UN/LOCODE (5 letters, e.g. VNCLN).")
E_ETD = gettext_lazy("The ETD must not be before the ETA.")
E_TONNAGE = gettext_lazy("The net tonnage cannot exceed the gross tonnage.")
E_NOT_EDITABLE = gettext_lazy("This filing can no longer be changed.")
E_TRANSITION = gettext_lazy("A filing that is %(status)s cannot become %(to)s.")
E_NO_CREW = gettext_lazy("Add the crew list before submitting.")
E_NO_CORRECTION = gettext_lazy("Say what must be corrected.")
E_NO_ROW = gettext_lazy("There is no row %(row)s in the %(list)s list.")
E_REASON = gettext_lazy("Give the reason for refusal.")
E_ATTACHMENT_TYPE = gettext_lazy("Attach a PDF, JPEG, PNG or XLSX file.")
E_ATTACHMENT_SIZE = gettext_lazy("The file is larger than 5 MB.")
E_WEAPONS = gettext_lazy("Describe the weapons on board.")
E_STOWAWAYS = gettext_lazy("Describe the stowaways on board.")


_clean = full_clean


def agent_organisation(actor: Any) -> Organisation:
    """The approved organisation an agent files for."""
    for membership in memberships(actor):
        if membership.role == Role.SHIPPING_AGENT and membership.organisation is not None:
            if not membership.organisation.is_approved:
                raise PermissionDenied(E_NOT_APPROVED)
            return membership.organisation
    raise PermissionDenied()


def _require_owner(actor: Any, filing: Filing) -> None:
    if agent_organisation(actor).pk != filing.organisation_id:
        raise NotFound()


def _require_officer(actor: Any, filing: Filing) -> None:
    require_role(actor, *OFFICER_ROLES)
    require_write(actor, filing.port)


def agent_users(organisation_id: int) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        memberships__role=Role.SHIPPING_AGENT,
        memberships__organisation_id=organisation_id,
    ).distinct()


def _port_officers(port: Unit) -> QuerySet[User]:
    prefixes = [port.path[: i + 1] for i, ch in enumerate(port.path) if ch == "/" and i]
    return User.objects.filter(
        is_active=True,
        memberships__role__in=[Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER],
        memberships__unit__path__in=prefixes,
    ).distinct()


# --- vessels and calls -------------------------------------------------------------


@transaction.atomic
def vessel_register(
    *,
    actor: Any,
    imo_number: str,
    name: str,
    flag: str,
    vessel_type: str,
    gross_tonnage: int,
    net_tonnage: int,
    call_sign: str = "",
) -> Vessel:
    """Register a vessel, or update the particulars of one already known by IMO number."""
    agent_organisation(actor)
    errors: dict[str, list[str]] = {}
    imo = normalise_imo(imo_number)
    if imo is None:
        errors["imo_number"] = [str(E_IMO)]
    flag_code = to_icao(flag or "")
    if flag_code is None:
        errors["flag"] = [str(E_FLAG)]
    if errors or imo is None:
        raise ValidationFailed(fields=errors)
    if net_tonnage is not None and gross_tonnage is not None and net_tonnage > gross_tonnage:
        raise ValidationFailed(fields={"net_tonnage": [str(E_TONNAGE)]})
    vessel = Vessel.objects.select_for_update().filter(imo_number=imo).first()
    before = audit.snapshot(vessel) if vessel else None
    vessel = vessel or Vessel(imo_number=imo)
    vessel.name = " ".join(name.split()).upper()
    vessel.call_sign = call_sign.strip().upper()
    vessel.flag = flag_code or ""
    vessel.vessel_type = vessel_type
    vessel.gross_tonnage = gross_tonnage
    vessel.net_tonnage = net_tonnage
    _clean(vessel)
    vessel.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE if before else AuditAction.CREATE,
        event="ports.vessel.register",
        obj=vessel,
        before=before,
        after=audit.snapshot(vessel),
    )
    return vessel


def seaport(code: str) -> Unit:
    code = (code or "").strip().upper()
    port = (
        Unit.objects.filter(unit_type=UnitType.SEAPORT, is_active=True, code=code).first()
        or Unit.objects.filter(unit_type=UnitType.SEAPORT, is_active=True, unlocode=code).first()
    )
    if port is None:
        raise ValidationFailed(fields={"port": [str(E_PORT)]})
    return port


@transaction.atomic
def port_call_create(
    *,
    actor: Any,
    vessel: Vessel,
    port: str,
    eta: dt.datetime,
    etd: dt.datetime,
    purpose: str,
    berth: str = "",
    voyage_number: str = "",
    previous_port: str = "",
    next_port: str = "",
) -> PortCall:
    organisation = agent_organisation(actor)
    unit = seaport(port)
    errors: dict[str, list[str]] = {}
    codes = {}
    for name, value in (("previous_port", previous_port), ("next_port", next_port)):
        codes[name] = (value or "").replace(" ", "").upper()
        if codes[name] and not is_unlocode(codes[name]):
            errors[name] = [str(E_UNLOCODE)]
    if eta and etd and etd < eta:
        errors["etd"] = [str(E_ETD)]
    if errors:
        raise ValidationFailed(fields=errors)
    call = PortCall(
        vessel=vessel,
        organisation=organisation,
        port=unit,
        eta=eta,
        etd=etd,
        purpose=purpose,
        berth=berth.strip(),
        voyage_number=voyage_number.strip(),
        **codes,
    )
    _clean(call)
    call.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="ports.call.create",
        obj=call,
        unit_code=unit.code,
        after=audit.snapshot(call),
    )
    return call


# --- filings -----------------------------------------------------------------------


def _fal1_errors(fields: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    last_port = fields.get("last_port") or ""
    if last_port and not is_unlocode(last_port):
        errors["last_port"] = [str(E_UNLOCODE)]
    if fields.get("weapons_on_board") and not (fields.get("weapons_details") or "").strip():
        errors["weapons_details"] = [str(E_WEAPONS)]
    if fields.get("stowaways_on_board") and not (fields.get("stowaways_details") or "").strip():
        errors["stowaways_details"] = [str(E_STOWAWAYS)]
    return errors


def last_crew_filing(vessel: Vessel, *, exclude: int | None = None) -> Filing | None:
    """The vessel's most recent filing that has a crew list (any agent's)."""
    qs = Filing.objects.filter(port_call__vessel=vessel, people__kind=PersonKind.CREW).exclude(
        status=FilingStatus.DRAFT
    )
    if exclude:
        qs = qs.exclude(pk=exclude)
    return qs.order_by("-eta", "-pk").distinct().first()


def filing_create_idempotent(
    *, actor: Any, port_call: PortCall, kind: str, idempotency_key: str, **fal1: Any
) -> tuple[Filing, bool]:
    """``filing_create`` for machine clients: a retry with the same ``Idempotency-Key``
    returns the first filing (and ``False``) and never creates a second one."""
    key = (idempotency_key or "").strip()[:64]
    if not key:
        return filing_create(actor=actor, port_call=port_call, kind=kind, **fal1), True
    organisation = agent_organisation(actor)
    existing = Filing.objects.filter(organisation=organisation, idempotency_key=key).first()
    if existing is not None:
        return existing, False
    try:
        filing = filing_create(
            actor=actor, port_call=port_call, kind=kind, idempotency_key=key, **fal1
        )
    except IntegrityError:  # a concurrent retry won the race
        return Filing.objects.get(organisation=organisation, idempotency_key=key), False
    return filing, True


@transaction.atomic
def filing_create(
    *, actor: Any, port_call: PortCall, kind: str, idempotency_key: str = "", **fal1: Any
) -> Filing:
    """Start a declaration. A known vessel's crew list is copied from its last call, so
    the agent edits only what changed."""
    organisation = agent_organisation(actor)
    if port_call.organisation_id != organisation.pk:
        raise NotFound()
    if kind not in FilingKind.values:
        raise ValidationFailed(fields={"kind": [_("Choose arrival, departure or transit.")]})
    fal1 = {k: v for k, v in fal1.items() if k in FAL1_FIELDS}
    if "last_port" in fal1:
        fal1["last_port"] = (fal1["last_port"] or "").upper()
    fal1.setdefault("last_port", port_call.previous_port)
    errors = _fal1_errors(fal1)
    if errors:
        raise ValidationFailed(fields=errors)
    previous = last_crew_filing(port_call.vessel)
    filing = Filing(
        port_call=port_call,
        organisation=organisation,
        port=port_call.port,
        eta=port_call.eta,
        kind=kind,
        created_by=actor,
        previous_filing=previous,
        idempotency_key=idempotency_key,
        **fal1,
    )
    _clean(filing)
    filing.save()
    if previous is not None:
        copies = []
        for person in previous.people.filter(kind=PersonKind.CREW).order_by("position"):
            person.pk = None
            person.filing = filing
            person.screened_at = None
            person.screening_hits = 0
            person.screening_blocking = False
            copies.append(person)
        ListPerson.objects.bulk_create(copies)
        if not filing.master_name and copies:
            filing.master_name = copies[0].full_name
            filing.save(update_fields=["master_name"])
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="ports.filing.create",
        obj=filing,
        unit_code=filing.port.code,
        after=audit.snapshot(filing),
    )
    return filing


def _lock(filing: Filing) -> Filing:
    return (
        Filing.objects.select_for_update()
        .select_related("port", "port_call__vessel")
        .get(pk=filing.pk)
    )


@transaction.atomic
def filing_update(*, actor: Any, filing: Filing, **fields: Any) -> Filing:
    _require_owner(actor, filing)
    filing = _lock(filing)
    if filing.status not in EDITABLE:
        raise Conflict(E_NOT_EDITABLE)
    before = audit.snapshot(filing, fields=list(FAL1_FIELDS))
    for name, value in fields.items():
        if name in FAL1_FIELDS and value is not None:
            setattr(filing, name, value.upper() if name == "last_port" else value)
    errors = _fal1_errors({name: getattr(filing, name) for name in FAL1_FIELDS})
    if errors:
        raise ValidationFailed(fields=errors)
    _clean(filing)
    filing.save()
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="ports.filing.update",
        obj=filing,
        unit_code=filing.port.code,
        before=before,
        after=audit.snapshot(filing, fields=list(FAL1_FIELDS)),
    )
    return filing


@transaction.atomic
def list_replace(
    *, actor: Any, filing: Filing, kind: str, rows: list[lists.RawRow]
) -> lists.ListReport:
    """Validate a whole crew or passenger list and store it, or store nothing and raise
    with every bad row and cell."""
    _require_owner(actor, filing)
    filing = _lock(filing)
    if filing.status not in EDITABLE:
        raise Conflict(E_NOT_EDITABLE)
    report = lists.validate_rows(kind, rows, on_date=timezone.localdate(filing.eta))
    report.raise_if_errors()
    old_rows = filing.people.filter(kind=kind)
    if Permit.objects.filter(person__in=old_rows).exists():  # a permit names a row
        raise Conflict(E_NOT_EDITABLE)
    # Fixed SQL: nothing else refers to the rows, and the ORM's collector loaded all
    # 500 of them and deleted them in five batches (a tenth of an import's time).
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {ListPerson._meta.db_table} WHERE filing_id = %s AND kind = %s",  # noqa: S608
            [filing.pk, kind],
        )
    fields = {f.name for f in ListPerson._meta.concrete_fields}
    ListPerson.objects.bulk_create(
        ListPerson(
            filing=filing,
            kind=kind,
            position=index,
            **{
                k: ("" if v is None and k not in ("birth_date", "doc_expiry") else v)
                for k, v in person.items()
                if k in fields
            },
        )
        for index, person in enumerate(report.people, start=1)
    )
    if kind == PersonKind.CREW and report.people:
        first = report.people[0]
        filing.master_name = " ".join(p for p in (first["family_name"], first["given_names"]) if p)
        filing.save(update_fields=["master_name", "updated_at"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event=f"ports.filing.{kind}_list",
        obj=filing,
        unit_code=filing.port.code,
        after={"kind": kind, "rows": len(report.people)},
    )
    return report


def list_import(
    *, actor: Any, filing: Filing, kind: str, filename: str, data: bytes
) -> lists.ListReport:
    rows = lists.read_upload(kind, filename, data)
    return list_replace(actor=actor, filing=filing, kind=kind, rows=rows)


@transaction.atomic
def attachment_add(
    *, actor: Any, filing: Filing, kind: str, filename: str, content_type: str, data: bytes
) -> Attachment:
    _require_owner(actor, filing)
    filing = _lock(filing)
    if filing.status not in EDITABLE:
        raise Conflict(E_NOT_EDITABLE)
    if kind not in AttachmentKind.values:
        raise ValidationFailed(fields={"kind": [_("Choose FAL 3 or FAL 4.")]})
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationFailed(fields={"file": [str(E_ATTACHMENT_SIZE)]})
    magic = ATTACHMENT_TYPES.get(content_type)
    if magic is None or not data.startswith(magic):
        raise ValidationFailed(fields={"file": [str(E_ATTACHMENT_TYPE)]})
    attachment = Attachment.objects.create(
        filing=filing,
        kind=kind,
        filename=filename[-200:] or kind,
        content_type=content_type,
        size=len(data),
        content=data,
        uploaded_by=actor,
    )
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="ports.filing.attach",
        obj=filing,
        unit_code=filing.port.code,
        after={"kind": kind, "filename": attachment.filename, "size": len(data)},
    )
    return attachment


def _move(filing: Filing, to: str) -> str:
    if to not in TRANSITIONS[filing.status]:
        raise Conflict(
            E_TRANSITION % {"status": filing.get_status_display(), "to": FilingStatus(to).label}
        )
    before = filing.status
    filing.status = to
    return before


def _notify_agents(filing: Filing, title: str, body: str = "") -> None:
    notify(
        recipients=agent_users(filing.organisation_id),
        kind="ports.filing",
        title=title,
        body=body,
        url=reverse("ports_filing", args=[filing.pk]),
    )


def _screen(actor: Any, filing: Filing) -> None:
    now = timezone.now()
    people = list(filing.people.all())
    results = screen_people(
        actor=actor,
        unit=filing.port,
        context="port",
        people=[
            Subject(
                name=person.full_name,
                dob=person.birth_date.isoformat() if person.birth_date else None,
                nationality=person.nationality,
                document_number=person.doc_number,
                context_ref=f"filing:{filing.pk}:{person.kind}:{person.position}",
            )
            for person in people
        ],
    )
    # One UPDATE per distinct outcome (nearly everyone: no hit), not a 500-branch CASE.
    groups: dict[tuple[int, bool], list[int]] = {}
    for person, result in zip(people, results, strict=True):
        hits = sum(1 for o in result.outcomes if o.hit is not None)
        groups.setdefault((hits, result.blocking), []).append(person.pk)
    for (hits, blocking), pks in groups.items():
        for start in range(0, len(pks), 500):
            ListPerson.objects.filter(pk__in=pks[start : start + 500]).update(
                screened_at=now, screening_hits=hits, screening_blocking=blocking
            )


@transaction.atomic
def filing_submit(*, actor: Any, filing: Filing) -> Filing:
    """Submit (or resubmit after a correction): the one-hour clock starts, and every
    person on the lists is screened; hits go to the officers' review."""
    _require_owner(actor, filing)
    filing = _lock(filing)
    if filing.status not in EDITABLE:
        raise Conflict(E_NOT_EDITABLE)
    if not filing.people.filter(kind=PersonKind.CREW).exists():
        raise ValidationFailed(fields={"crew": [str(E_NO_CREW)]})
    to = FilingStatus.SUBMITTED if filing.status == FilingStatus.DRAFT else FilingStatus.RESUBMITTED
    before = _move(filing, to)
    now = timezone.now()
    filing.submitted_at = filing.submitted_at or now
    filing.clock_started_at = now
    filing.due_at = now + ANSWER_WITHIN
    filing.save()
    filing.corrections.filter(resolved_at__isnull=True).update(resolved_at=now)
    _screen(actor, filing)
    _audit_transition(
        actor, filing, f"ports.filing.{to}", before, {"status": to, "due_at": filing.due_at}
    )
    _notify_agents(
        filing,
        _("Filing #%(id)s is %(status)s")
        % {"id": filing.pk, "status": filing.get_status_display().lower()},
    )
    notify(
        recipients=_port_officers(filing.port),
        kind="ports.queue",
        title=_("New filing #%(id)s for %(vessel)s to answer within one hour")
        % {"id": filing.pk, "vessel": filing.port_call.vessel.name},
        url=reverse("ports_review", args=[filing.pk]),
        email=False,
    )
    return filing


def _answered(filing: Filing, actor: Any, now: dt.datetime) -> None:
    filing.first_answered_at = filing.first_answered_at or now


@transaction.atomic
def filing_request_correction(
    *, actor: Any, filing: Filing, items: Iterable[dict[str, Any]]
) -> list[Correction]:
    """Send the filing back with comments tied to fields or to list rows."""
    _require_officer(actor, filing)
    filing = _lock(filing)
    created: list[Correction] = []
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items):
        message = (item.get("message") or "").strip()
        if not message:
            continue
        list_kind = item.get("list_kind") or ""
        row = item.get("row")
        if row is not None and row != "":
            row = int(row)
            if not filing.people.filter(kind=list_kind or PersonKind.CREW, position=row).exists():
                errors[f"items.{index}.row"] = [
                    str(E_NO_ROW) % {"row": row, "list": PersonKind(list_kind or "crew").label}
                ]
                continue
            list_kind = list_kind or PersonKind.CREW
        else:
            row = None
        created.append(
            Correction(
                filing=filing,
                field=(item.get("field") or "")[:60],
                list_kind=list_kind,
                row=row,
                message=message,
                author=actor,
            )
        )
    if errors:
        raise ValidationFailed(fields=errors)
    if not created:
        raise ValidationFailed(fields={"items": [str(E_NO_CORRECTION)]})
    before = _move(filing, FilingStatus.CORRECTION_REQUESTED)
    _answered(filing, actor, timezone.now())
    filing.save()
    Correction.objects.bulk_create(created)
    _audit_transition(
        actor,
        filing,
        "ports.filing.correction_requested",
        before,
        {
            "status": filing.status,
            "items": [{"field": c.field, "list": c.list_kind, "row": c.row} for c in created],
        },
    )
    _notify_agents(
        filing,
        _("Filing #%(id)s: correction requested") % {"id": filing.pk},
        "\n".join(c.message for c in created),
    )
    return created


def _audit_transition(
    actor: Any, filing: Filing, event: str, before: str, after: dict[str, Any]
) -> None:
    """One audit entry for a status change of a filing."""
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event=event,
        obj=filing,
        unit_code=filing.port.code,
        before={"status": before},
        after=after,
    )


def _clearance_number(filing: Filing, now: dt.datetime) -> str:
    code = filing.port.unlocode or filing.port.code
    return f"BP-{code}-{timezone.localtime(now):%Y}-{filing.pk:06d}"


@transaction.atomic
def filing_approve(*, actor: Any, filing: Filing) -> Filing:
    """Grant border clearance: the filing gets a clearance number."""
    _require_officer(actor, filing)
    filing = _lock(filing)
    before = _move(filing, FilingStatus.APPROVED)
    now = timezone.now()
    _answered(filing, actor, now)
    filing.decided_at = now
    filing.decided_by = actor
    filing.clearance_number = _clearance_number(filing, now)
    filing.save()
    _audit_transition(
        actor,
        filing,
        "ports.filing.approve",
        before,
        {"status": filing.status, "clearance_number": filing.clearance_number},
    )
    _notify_agents(
        filing,
        _("Filing #%(id)s approved: border clearance %(number)s")
        % {"id": filing.pk, "number": filing.clearance_number},
    )
    return filing


@transaction.atomic
def filing_refuse(*, actor: Any, filing: Filing, reason: str) -> Filing:
    _require_officer(actor, filing)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(fields={"reason": [str(E_REASON)]})
    filing = _lock(filing)
    before = _move(filing, FilingStatus.REFUSED)
    now = timezone.now()
    _answered(filing, actor, now)
    filing.decided_at = now
    filing.decided_by = actor
    filing.refusal_reason = reason
    filing.save()
    _audit_transition(
        actor, filing, "ports.filing.refuse", before, {"status": filing.status, "reason": reason}
    )
    _notify_agents(filing, _("Filing #%(id)s refused") % {"id": filing.pk}, reason)
    return filing


def awaiting(status: str) -> bool:
    return status in AWAITING_OFFICER


__all__ = [
    "Membership",
    "agent_organisation",
    "attachment_add",
    "filing_approve",
    "filing_create",
    "filing_refuse",
    "filing_request_correction",
    "filing_submit",
    "filing_update",
    "list_import",
    "list_replace",
    "port_call_create",
    "vessel_register",
]
