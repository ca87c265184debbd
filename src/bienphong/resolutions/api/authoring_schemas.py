"""Schemas for creating and editing resolutions, their parts, documents, milestones
and emulation movements."""

from datetime import date
from decimal import Decimal
from typing import Any

from ninja import Schema


class ResolutionIn(Schema):
    code: str
    title: str
    issuing_body: str
    unit: str
    term_start: int
    term_end: int
    issued_on: date
    summary: str = ""


class ResolutionPatch(Schema):
    code: str | None = None
    title: str | None = None
    issuing_body: str | None = None
    term_start: int | None = None
    term_end: int | None = None
    issued_on: date | None = None
    summary: str | None = None


class AreaIn(Schema):
    kind: str
    code: str
    title: str
    weight: Decimal = Decimal(1)
    order: int = 0


class AreaPatch(Schema):
    kind: str | None = None
    code: str | None = None
    title: str | None = None
    weight: Decimal | None = None
    order: int | None = None


class AreaOut(Schema):
    id: int
    resolution: int
    kind: str
    code: str
    title: str
    weight: float
    order: int

    @staticmethod
    def resolve_resolution(obj: Any) -> int:
        return obj.resolution_id  # type: ignore[no-any-return]


class TargetIn(Schema):
    code: str
    title: str
    measure_unit: str
    baseline: Decimal
    target_value: Decimal
    direction: str
    deadline: date
    area: int | None = None
    indicator: str = ""


class TargetPatch(Schema):
    code: str | None = None
    title: str | None = None
    measure_unit: str | None = None
    baseline: Decimal | None = None
    target_value: Decimal | None = None
    direction: str | None = None
    deadline: date | None = None
    area: int | None = None
    indicator: str | None = None


class TargetOut(Schema):
    id: int
    resolution: int
    area: int | None
    code: str
    title: str
    measure_unit: str
    baseline: float
    target_value: float
    direction: str
    deadline: date
    indicator: str

    @staticmethod
    def resolve_resolution(obj: Any) -> int:
        return obj.resolution_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_area(obj: Any) -> int | None:
        return obj.area_id  # type: ignore[no-any-return]


class DocumentIn(Schema):
    unit: str
    kind: str
    number: str
    issued_on: date
    signer: str
    title: str


class DocumentPatch(Schema):
    kind: str | None = None
    number: str | None = None
    issued_on: date | None = None
    signer: str | None = None
    title: str | None = None


class DocumentOut(Schema):
    id: int
    resolution: int
    unit: str
    kind: str
    number: str
    issued_on: date
    signer: str
    title: str
    attachments: list[int]

    @staticmethod
    def resolve_resolution(obj: Any) -> int:
        return obj.resolution_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_attachments(obj: Any) -> list[int]:
        return [a.pk for a in obj.attachments.all()]


class MilestoneIn(Schema):
    title: str
    due: date


class MilestonePatch(Schema):
    title: str | None = None
    due: date | None = None


class MilestoneDoneIn(Schema):
    done_on: date


class MilestoneOut(Schema):
    id: int
    task: int
    title: str
    due: date
    done_on: date | None

    @staticmethod
    def resolve_task(obj: Any) -> int:
        return obj.task_id  # type: ignore[no-any-return]


class MovementIn(Schema):
    unit: str
    title: str
    start: date
    end: date
    description: str = ""


class MovementOut(Schema):
    id: int
    unit: str
    title: str
    start: date
    end: date

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)


class CriterionIn(Schema):
    code: str
    name: str
    kind: str
    max_points: Decimal


class CriterionOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    max_points: float


class RegistrationIn(Schema):
    unit: str
    person: str = ""


class RegistrationOut(Schema):
    id: int
    movement: int
    unit: str
    person: str | None

    @staticmethod
    def resolve_movement(obj: Any) -> int:
        return obj.movement_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_person(obj: Any) -> str | None:
        return obj.person.username if obj.person else None
