"""Vehicle crossings: plates, temporary-entry permits, driver and passengers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.engines.plates import parse_plate
from bienphong.errors import ValidationFailed
from bienphong.org.scoping import scope_queryset

from ..models import Crossing, Direction, Vehicle, VehicleCrossing, VehiclePermit
from .checks import gate_for

PLATE_MESSAGES = {
    "empty": gettext_lazy("Enter the plate."),
    "vn_format": gettext_lazy("Not a Vietnamese plate: e.g. 14A-123.45."),
    "vn_province": gettext_lazy("Unknown Vietnamese province code."),
    "cn_format": gettext_lazy("Not a Chinese plate: e.g. 桂A12345 (no I or O after the province)."),
    "cn_province": gettext_lazy("Unknown Chinese province character."),
    "cn_new_energy": gettext_lazy("A new-energy plate starts or ends with D or F."),
    "unsupported_country": gettext_lazy("Plates of this country are not supported."),
}


def _plate_error(code: str) -> str:
    return str(PLATE_MESSAGES.get(code, gettext_lazy("Not a valid plate.")))


def _parse_date(value: Any, name: str, errors: dict[str, list[str]]) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        errors[name] = [_("Not a valid date: use YYYY-MM-DD.")]
        return None


@transaction.atomic
def vehicle_crossing_record(
    *, actor: Any, payload: dict[str, Any], idempotency_key: str = ""
) -> tuple[VehicleCrossing, bool]:
    key = idempotency_key.strip()[:80] or None
    if key and (existing := VehicleCrossing.objects.filter(idempotency_key=key).first()):
        return existing, False
    gate = gate_for(actor, str(payload.get("gate") or ""))
    errors: dict[str, list[str]] = {}
    direction = str(payload.get("direction") or "")
    if direction not in Direction.values:
        errors["direction"] = [_("Choose entry or exit.")]
    country = str(payload.get("country") or "").upper() or None
    plate = parse_plate(str(payload.get("plate") or ""), country)
    if not plate.valid:
        errors["plate"] = [_plate_error(plate.errors[0] if plate.errors else "")]
    vehicle_type = str(payload.get("vehicle_type") or "").strip()
    if not vehicle_type:
        errors["vehicle_type"] = [_("This field is required.")]
    crossings = scope_queryset(Crossing.objects.all(), actor, unit_field="unit")
    driver = crossings.filter(pk=payload.get("driver_crossing") or 0).first()
    if driver is None:
        errors["driver_crossing"] = [_("Check the driver as a person first.")]
    passenger_ids = [int(p) for p in payload.get("passenger_crossings") or []]
    passengers = list(crossings.filter(pk__in=passenger_ids))
    if len(passengers) != len(set(passenger_ids)):
        errors["passenger_crossings"] = [_("Some passengers have no crossing at this gate.")]
    permit_data = payload.get("permit") or None
    if errors or driver is None:
        raise ValidationFailed(fields=errors)
    vehicle, _created = Vehicle.objects.get_or_create(
        country=plate.country,
        plate=plate.normalised,
        defaults={
            "plate_display": plate.display,
            "vehicle_type": vehicle_type,
            "owner": str(payload.get("owner") or "")[:200],
        },
    )
    permit = None
    if permit_data:
        perrors: dict[str, list[str]] = {}
        valid_from = _parse_date(permit_data.get("valid_from"), "permit.valid_from", perrors)
        deadline = _parse_date(permit_data.get("exit_deadline"), "permit.exit_deadline", perrors)
        number = str(permit_data.get("number") or "").strip()
        if not number:
            perrors["permit.number"] = [_("This field is required.")]
        if valid_from and deadline and deadline < valid_from:
            perrors["permit.exit_deadline"] = [_("Ends before it starts.")]
        if perrors:
            raise ValidationFailed(fields=perrors)
        assert valid_from is not None and deadline is not None
        permit = VehiclePermit.objects.create(
            vehicle=vehicle,
            number=number[:32],
            valid_from=valid_from,
            exit_deadline=deadline,
            unit=gate,
        )
    elif direction == Direction.EXIT:
        permit = vehicle.permits.order_by("-valid_from").first()
    if plate.country != "VNM" and direction == Direction.ENTRY and permit is None:
        raise ValidationFailed(
            fields={
                "permit": [
                    _("A foreign vehicle needs a temporary-entry permit with an exit deadline.")
                ]
            }
        )
    crossing = VehicleCrossing.objects.create(
        vehicle=vehicle,
        unit=gate,
        direction=direction,
        at=timezone.now(),
        officer=actor,
        driver=driver,
        cargo=str(payload.get("cargo") or "")[:500],
        permit=permit,
        idempotency_key=key,
    )
    crossing.passengers.set(passengers)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="checkpoint.vehicle.record",
        obj=crossing,
        unit_code=gate.code,
        after={
            "plate": plate.display,
            "direction": direction,
            "driver": driver.pk if driver else None,
            "passengers": passenger_ids,
            "permit": permit.number if permit else None,
        },
    )
    return crossing, True
