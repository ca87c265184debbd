"""Crossings written straight to the table: what the checkpoint records, minus the checks."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any
from zoneinfo import ZoneInfo

from bienphong.checkpoint.models import Crossing, TravelDocument, Traveller

VN = ZoneInfo("Asia/Ho_Chi_Minh")
_numbers = itertools.count(1)


def traveller(nationality: str = "VNM", doc_type: str = "passport") -> TravelDocument:
    n = next(_numbers)
    person = Traveller.objects.create(
        full_name=f"TEST PERSON {n}", name_key=f"TEST PERSON {n}", nationality=nationality
    )
    return TravelDocument.objects.create(
        traveller=person, doc_type=doc_type, number=f"T{n:07d}", issuing_state=nationality
    )


def crossing(
    *,
    document: TravelDocument,
    unit: Any,
    officer: Any,
    at: dt.datetime,
    direction: str = "entry",
    decision: str = "admitted",
    reason_code: str = "",
    corrects: Crossing | None = None,
    lane: str = "",
) -> Crossing:
    if decision != "admitted" and not reason_code:
        reason_code = "other"
    return Crossing.objects.create(
        traveller=document.traveller,
        document=document,
        unit=unit,
        lane=lane,
        direction=direction,
        at=at,
        officer=officer,
        decision=decision,
        reason_code=reason_code,
        nationality=document.issuing_state,
        corrects=corrects,
        correction_reason="typo" if corrects else "",
    )


def local(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=VN)
