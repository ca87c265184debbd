"""Request and response shapes of the situation API."""

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema


class PersonSchema(Schema):
    name: str
    document: str = ""
    nationality: str = ""
    role: str = ""


class VehicleSchema(Schema):
    plate: str
    country: str = ""
    description: str = ""


class IncidentIn(Schema):
    kind: str
    title: str
    occurred_at: dt.datetime
    unit: str = Field(description="Code of the recording post or gate.")
    place: str
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    description: str = ""
    actions_taken: str = ""
    people_count: int | None = None
    direction: str = ""
    goods: str = ""
    quantity: Decimal | None = None
    unit_of_measure: str = ""
    estimated_value_vnd: int | None = None
    people: list[PersonSchema] = []
    vehicles: list[VehicleSchema] = []


class IncidentRow(Schema):
    id: int
    kind: str
    title: str
    occurred_at: dt.datetime
    unit: str = Field(alias="unit.code")
    place: str
    status: str


class FollowUpOut(Schema):
    id: int
    note: str
    author: str = Field(alias="author.username")
    at: dt.datetime


class AttachmentOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime


class IncidentOut(IncidentRow):
    latitude: Decimal | None
    longitude: Decimal | None
    description: str
    actions_taken: str
    people_count: int | None
    direction: str
    goods: str
    quantity: Decimal | None
    unit_of_measure: str
    estimated_value_vnd: int | None
    closed_at: dt.datetime | None
    recorded_by: str = Field(alias="recorded_by.username")
    people: list[PersonSchema]
    vehicles: list[VehicleSchema]
    follow_ups: list[FollowUpOut]
    attachments: list[AttachmentOut]


class NoteIn(Schema):
    note: str = ""


class ReportIn(Schema):
    unit: str
    period_kind: str
    period_start: dt.date


class NarrativeIn(Schema):
    situation_inside: str | None = None
    situation_outside: str | None = None
    notable_events: str | None = None
    proposals: str | None = None


class ReturnIn(Schema):
    comment: str


class ReportRow(Schema):
    id: int
    unit: str = Field(alias="unit.code")
    period_kind: str
    period_start: dt.date
    period_end: dt.date
    status: str
    author: str = Field(alias="author.username")
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None


class ReportOut(ReportRow):
    situation_inside: str
    situation_outside: str
    notable_events: str
    proposals: str
    return_comment: str
    compiled_at: dt.datetime | None
    decided_by: str | None = Field(None, alias="decided_by.username")
    figures: dict[str, Any]
