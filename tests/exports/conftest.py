from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from django.utils import timezone

from bienphong.checkpoint.models import Crossing, Decision, Direction, TravelDocument, Traveller
from bienphong.org.models import GateKind, UnitType

from ..factories import make_unit

_numbers = itertools.count(1)


@pytest.fixture
def gate_b(tree: Any) -> Any:
    return make_unit("CK-B", tree.post_b, UnitType.GATE, GateKind.MAIN, borders_country="CHN")


def make_crossings(
    unit: Any,
    count: int,
    *,
    officer: Any = None,
    name: str = "Nguyễn Thị Hoà",
    nationality: str = "VNM",
    direction: str = Direction.ENTRY,
    at: dt.datetime | None = None,
    batch: int = 2000,
) -> list[Crossing]:
    """``count`` crossings at ``unit``, one traveller each, written in bulk (fast enough
    for the 20,000-row export test)."""
    at = at or timezone.now() - dt.timedelta(hours=1)
    made: list[Crossing] = []
    for start in range(0, count, batch):
        size = min(batch, count - start)
        numbers = [next(_numbers) for _ in range(size)]
        travellers = Traveller.objects.bulk_create(
            Traveller(full_name=f"{name} {n}", name_key=f"K{n}", nationality=nationality)
            for n in numbers
        )
        documents = TravelDocument.objects.bulk_create(
            TravelDocument(
                traveller=t, doc_type="passport", number=f"C{n:07d}", issuing_state=nationality
            )
            for t, n in zip(travellers, numbers, strict=True)
        )
        made += Crossing.objects.bulk_create(
            Crossing(
                traveller=t,
                document=d,
                unit=unit,
                direction=direction,
                at=at - dt.timedelta(seconds=n),
                officer=officer,
                decision=Decision.ADMITTED,
                nationality=nationality,
            )
            for t, d, n in zip(travellers, documents, numbers, strict=True)
        )
    return made
