from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.utils import timezone

from bienphong.checkpoint.models import Crossing, Decision, TravelDocument, Traveller
from bienphong.situation.services import incidents as services

_numbers = itertools.count(1)
TZ = dt.timezone(dt.timedelta(hours=7))


def local(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TZ)


def add_crossings(
    unit: Any,
    count: int,
    *,
    at: dt.datetime,
    direction: str = "entry",
    decision: str = Decision.ADMITTED,
    nationality: str = "VNM",
    reason: str = "",
    officer: Any = None,
) -> list[Crossing]:
    from bienphong.org.models import User

    officer = officer or User.objects.order_by("pk").first()
    numbers = [next(_numbers) for _ in range(count)]
    travellers = Traveller.objects.bulk_create(
        Traveller(full_name=f"Trần Văn {n}", name_key=f"S{n}", nationality=nationality)
        for n in numbers
    )
    documents = TravelDocument.objects.bulk_create(
        TravelDocument(traveller=t, doc_type="passport", number=f"S{n:07d}", issuing_state="VNM")
        for t, n in zip(travellers, numbers, strict=True)
    )
    return Crossing.objects.bulk_create(
        Crossing(
            traveller=t,
            document=d,
            unit=unit,
            direction=direction,
            at=at,
            officer=officer,
            decision=decision,
            reason_code=reason,
            nationality=nationality,
        )
        for t, d in zip(travellers, documents, strict=True)
    )


def incident_data(unit: Any, **overrides: Any) -> services.IncidentIn:
    values: dict[str, Any] = {
        "kind": "smuggling",
        "title": "Thu giữ hàng lậu",
        "occurred_at": timezone.now() - dt.timedelta(hours=2),
        "unit": unit,
        "place": "Đường mòn gần mốc 1325",
        "goods": "Thuốc lá điếu",
        "quantity": 120,
        "unit_of_measure": "bao",
        "estimated_value_vnd": 3_600_000,
        "people": [services.PersonIn("Hoàng Văn Lực", "C1234567", "VNM", "người vận chuyển")],
        "vehicles": [services.VehicleIn("29A-123.45", "VNM", "xe máy")],
    }
    values.update(overrides)
    return services.IncidentIn(**values)


@pytest.fixture
def record(users: Any, tree: Any) -> Any:
    def make(unit: Any = None, actor: Any = None, **overrides: Any) -> Any:
        return services.incident_create(
            actor=actor or users["officer_a"], data=incident_data(unit or tree.post_a, **overrides)
        )

    return make
