"""Recording incidents, their people, vehicles, follow-ups and attachments."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath
from typing import Any
from uuid import uuid4

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit.services import snapshot
from bienphong.engines.plates import parse_plate
from bienphong.errors import Conflict, ValidationFailed, full_clean
from bienphong.org.models import Unit, UnitType
from bienphong.org.scoping import require_write
from bienphong.resolutions.attachments import check_upload

from ..models import (
    FollowUp,
    Incident,
    IncidentAttachment,
    IncidentKind,
    IncidentPerson,
    IncidentStatus,
    IncidentVehicle,
)
from .common import audit_create, audit_update, save

RECORDING_UNIT_TYPES = (UnitType.POST, UnitType.GATE, UnitType.SEAPORT, UnitType.STATION)
EDITABLE_FIELDS = (
    "kind",
    "title",
    "occurred_at",
    "unit",
    "place",
    "latitude",
    "longitude",
    "description",
    "actions_taken",
    "people_count",
    "direction",
    "goods",
    "quantity",
    "unit_of_measure",
    "estimated_value_vnd",
)


@dataclass
class PersonIn:
    name: str
    document: str = ""
    nationality: str = ""
    role: str = ""


@dataclass
class VehicleIn:
    plate: str
    country: str = ""
    description: str = ""


@dataclass
class IncidentIn:
    """What a form or the API sends; validated as one unit, written all or nothing."""

    kind: str
    title: str
    occurred_at: Any
    unit: Unit
    place: str
    latitude: Any = None
    longitude: Any = None
    description: str = ""
    actions_taken: str = ""
    people_count: int | None = None
    direction: str = ""
    goods: str = ""
    quantity: Any = None
    unit_of_measure: str = ""
    estimated_value_vnd: int | None = None
    people: list[PersonIn] = field(default_factory=list)
    vehicles: list[VehicleIn] = field(default_factory=list)


def _required(errors: dict[str, list[str]], name: str, value: Any) -> None:
    if value in (None, ""):
        errors.setdefault(name, []).append(_("This field is required for this kind of incident."))


def _check_kind_fields(data: IncidentIn) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if data.kind == IncidentKind.ILLEGAL_CROSSING:
        _required(errors, "people_count", data.people_count)
        _required(errors, "direction", data.direction)
    if data.kind == IncidentKind.SMUGGLING:
        _required(errors, "goods", data.goods)
        _required(errors, "quantity", data.quantity)
        _required(errors, "unit_of_measure", data.unit_of_measure)
    if (data.latitude is None) != (data.longitude is None):
        errors.setdefault("longitude" if data.longitude is None else "latitude", []).append(
            _("Give both latitude and longitude, or neither.")
        )
    if data.occurred_at is not None and timezone.is_naive(data.occurred_at):
        errors.setdefault("occurred_at", []).append(_("Give the time with its time zone."))
    elif data.occurred_at is not None and data.occurred_at > timezone.now():
        errors.setdefault("occurred_at", []).append(_("The time is in the future."))
    if data.unit.unit_type not in RECORDING_UNIT_TYPES:
        errors.setdefault("unit", []).append(_("Choose a post or one of its gates."))
    return errors


def _check_vehicles(vehicles: list[VehicleIn]) -> tuple[list[VehicleIn], dict[str, list[str]]]:
    checked, errors = [], {}
    for index, vehicle in enumerate(vehicles):
        result = parse_plate(vehicle.plate, vehicle.country or None)
        if not result.valid:
            errors[f"vehicles.{index}.plate"] = [_("This is not a valid registration plate.")]
            continue
        checked.append(
            VehicleIn(result.display or result.normalised, result.country, vehicle.description)
        )
    return checked, errors


def _write_children(incident: Incident, data: IncidentIn, vehicles: list[VehicleIn]) -> None:
    errors: dict[str, list[str]] = {}
    for index, person in enumerate(data.people):
        row = IncidentPerson(incident=incident, **person.__dict__)
        try:
            save(row)
        except ValidationFailed as error:
            for name, messages in error.fields.items():
                errors[f"people.{index}.{name}"] = messages
    for vehicle in vehicles:
        save(IncidentVehicle(incident=incident, **vehicle.__dict__))
    if errors:
        raise ValidationFailed(fields=errors)


def _apply(incident: Incident, data: IncidentIn) -> list[VehicleIn]:
    errors = _check_kind_fields(data)
    vehicles, vehicle_errors = _check_vehicles(data.vehicles)
    errors.update(vehicle_errors)
    for name in EDITABLE_FIELDS:
        value = getattr(data, name)
        # A float's binary expansion would fail the decimal places check: go through str.
        setattr(incident, name, Decimal(str(value)) if isinstance(value, float) else value)
    try:
        full_clean(incident)
    except ValidationFailed as error:
        for name, messages in error.fields.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationFailed(fields=errors)
    return vehicles


@transaction.atomic
def incident_create(*, actor: Any, data: IncidentIn) -> Incident:
    require_write(actor, data.unit)
    incident = Incident(recorded_by=actor)
    vehicles = _apply(incident, data)
    incident.save()
    _write_children(incident, data, vehicles)
    audit_create(actor, "incident.create", incident)
    return incident


@transaction.atomic
def incident_update(*, actor: Any, incident: Incident, data: IncidentIn) -> Incident:
    """Replace the incident's fields, people and vehicles (a closed incident is final)."""
    require_write(actor, incident.unit)
    require_write(actor, data.unit)
    if incident.status == IncidentStatus.CLOSED:
        raise Conflict(_("A closed incident cannot be edited; add a follow-up instead."))
    before = snapshot(incident)
    vehicles = _apply(incident, data)
    incident.save()
    incident.people.all().delete()
    incident.vehicles.all().delete()
    _write_children(incident, data, vehicles)
    audit_update(actor, "incident.update", incident, before)
    return incident


@transaction.atomic
def follow_up_add(*, actor: Any, incident: Incident, note: str) -> FollowUp:
    """Append a dated note; an open incident moves to follow-up."""
    require_write(actor, incident.unit)
    if incident.status == IncidentStatus.CLOSED:
        raise Conflict(_("The incident is closed."))
    if not (note or "").strip():
        raise ValidationFailed(fields={"note": [_("Write the follow-up note.")]})
    entry = FollowUp(incident=incident, note=note.strip(), author=actor)
    save(entry)
    audit_create(actor, "incident.follow_up", entry)
    if incident.status == IncidentStatus.OPEN:
        before = snapshot(incident, fields=["status"])
        incident.status = IncidentStatus.FOLLOW_UP
        incident.save(update_fields=["status", "updated_at"])
        audit_update(actor, "incident.status", incident, before)
    return entry


@transaction.atomic
def incident_close(*, actor: Any, incident: Incident, note: str = "") -> Incident:
    require_write(actor, incident.unit)
    if incident.status == IncidentStatus.CLOSED:
        raise Conflict(_("The incident is already closed."))
    if note.strip():
        save(FollowUp(incident=incident, note=note.strip(), author=actor))
    before = snapshot(incident, fields=["status", "closed_at"])
    incident.status = IncidentStatus.CLOSED
    incident.closed_at = timezone.now()
    incident.save(update_fields=["status", "closed_at", "updated_at"])
    audit_update(actor, "incident.close", incident, before)
    return incident


@transaction.atomic
def attachment_add(*, actor: Any, incident: Incident, name: str, data: bytes) -> IncidentAttachment:
    """Attach a photo or document, checked by size and content (magic bytes)."""
    require_write(actor, incident.unit)
    content_type, digest = check_upload(name, data)
    attachment = IncidentAttachment(
        incident=incident,
        original_name=name[:200],
        content_type=content_type,
        size=len(data),
        sha256=digest,
        uploaded_by=actor,
    )
    # A random stored name: nothing from the user reaches the file system path.
    # check_upload accepted the suffix, so it is one of a known few.
    suffix = PurePath(name).suffix.lower()
    attachment.file.save(f"{uuid4().hex}{suffix}", ContentFile(data), save=False)
    save(attachment)
    audit_create(actor, "incident.attachment", attachment)
    return attachment
