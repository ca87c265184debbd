"""Input and output schemas of the resolutions API."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from ninja import Schema


class ResolutionOut(Schema):
    id: int
    code: str
    title: str
    issuing_body: str
    unit: str
    term_start: int
    term_end: int
    issued_on: date

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)


class RowOut(Schema):
    kind: str
    id: int
    code: str
    title: str
    unit: str
    depth: int
    weight: float
    value: float
    formula: str
    status: str
    assessment: int | None
    assessed_by: str | None


class ProgressOut(Schema):
    resolution: str
    unit: str
    value: float
    formula: str
    status_counts: dict[str, int]
    rows: list[RowOut]
    overdue: list[int]


class TaskOut(Schema):
    id: int
    title: str
    unit: str
    owner: str
    start: date
    deadline: date
    progress: int
    completed_on: date | None
    status: str
    item: int | None
    recommendation: int | None

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_owner(obj: Any) -> str:
        return str(obj.owner.username)

    @staticmethod
    def resolve_item(obj: Any) -> int | None:
        return obj.item_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_recommendation(obj: Any) -> int | None:
        return obj.recommendation_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_status(obj: Any) -> str:
        from bienphong.engines.tracking import classify

        return classify(
            deadline=obj.deadline, completed_on=obj.completed_on, today=timezone.localdate()
        ).value


class ProgressIn(Schema):
    progress: int
    comment: str = ""
    completed_on: date | None = None


class ProgramIn(Schema):
    resolution: int
    unit: str
    title: str
    parent: int | None = None


class ProgramOut(Schema):
    id: int
    title: str
    unit: str
    parent: int | None

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_parent(obj: Any) -> int | None:
        return obj.parent_id  # type: ignore[no-any-return]


class ItemIn(Schema):
    program: int
    code: str
    title: str
    parent: int | None = None
    area: int | None = None
    weight: Decimal = Decimal(1)
    solutions: str = ""


class ItemOut(Schema):
    id: int
    program: int
    code: str
    title: str
    area: int
    parent: int | None
    weight: float

    @staticmethod
    def resolve_program(obj: Any) -> int:
        return obj.program_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_area(obj: Any) -> int:
        return obj.area_id  # type: ignore[no-any-return]

    @staticmethod
    def resolve_parent(obj: Any) -> int | None:
        return obj.parent_id  # type: ignore[no-any-return]


class TaskIn(Schema):
    item: int
    unit: str
    owner: str
    title: str
    start: date
    deadline: date
    weight: Decimal = Decimal(1)


class AttachmentOut(Schema):
    id: int
    original_name: str
    content_type: str
    size: int
    sha256: str


class RankOut(Schema):
    rank: int
    score: float
    unit: str
    person: str | None


class SheetIn(Schema):
    points: dict[int, Decimal]
    comment: str = ""


class ApproveIn(Schema):
    score: Decimal | None = None
    reason: str = ""


class SheetOut(Schema):
    id: int
    period: str
    state: str
    self_score: float | None
    computed_score: float | None
    approved_score: float | None


class ProposalIn(Schema):
    proposing_unit: str
    nominee_unit: str
    nominee_person: str = ""
    form: str
    level: str
    year: int
    reason: str


class StepIn(Schema):
    comment: str = ""


class DecideIn(Schema):
    decision_number: str
    decision_date: date


class TransitionOut(Schema):
    action: str
    from_unit: str | None
    to_unit: str
    state: str
    actor: str
    at: Any
    comment: str


class ProposalOut(Schema):
    id: int
    form: str
    level: str
    year: int
    state: str
    holder: str
    proposing_unit: str
    nominee_unit: str
    decision_number: str
    decision_date: date | None
    transitions: list[TransitionOut]

    @staticmethod
    def resolve_holder(obj: Any) -> str:
        return str(obj.holder.code)

    @staticmethod
    def resolve_proposing_unit(obj: Any) -> str:
        return str(obj.proposing_unit.code)

    @staticmethod
    def resolve_nominee_unit(obj: Any) -> str:
        return str(obj.nominee_unit.code)

    @staticmethod
    def resolve_transitions(obj: Any) -> list[dict[str, Any]]:
        return [
            {
                "action": t.action,
                "from_unit": t.from_unit.code if t.from_unit else None,
                "to_unit": t.to_unit.code,
                "state": t.state,
                "actor": t.actor.username,
                "at": t.at,
                "comment": t.comment,
            }
            for t in obj.transitions.select_related("from_unit", "to_unit", "actor")
        ]


class SelfAssessIn(Schema):
    registration: int
    period: str
    points: dict[int, Decimal]


class AssessmentIn(Schema):
    progress: int
    comment: str
    area: int | None = None
    item: int | None = None


class AssessmentOut(Schema):
    id: int
    progress: int
    comment: str
    assessed_by: str
    assessed_at: Any

    @staticmethod
    def resolve_assessed_by(obj: Any) -> str:
        return str(obj.assessed_by.username)


class ReportIn(Schema):
    unit: str
    period_end: date


class ReportOut(Schema):
    id: int
    unit: str
    period_end: date
    submitted_by: str
    submitted_at: Any
    data: dict[str, Any]

    @staticmethod
    def resolve_unit(obj: Any) -> str:
        return str(obj.unit.code)

    @staticmethod
    def resolve_submitted_by(obj: Any) -> str:
        return str(obj.submitted_by.username)


class RecommendationIn(Schema):
    text: str
    owner: str
    start: date
    deadline: date


class InspectionIn(Schema):
    resolution: int | None = None
    inspecting_unit: str
    inspected_unit: str
    team: str
    scope: str
    start: date
    end: date
    findings: list[str] = []
    recommendations: list[RecommendationIn] = []


class InspectionOut(Schema):
    id: int
    inspecting_unit: str
    inspected_unit: str
    follow_up_tasks: list[int]

    @staticmethod
    def resolve_inspecting_unit(obj: Any) -> str:
        return str(obj.inspecting_unit.code)

    @staticmethod
    def resolve_inspected_unit(obj: Any) -> str:
        return str(obj.inspected_unit.code)

    @staticmethod
    def resolve_follow_up_tasks(obj: Any) -> list[int]:
        return [r.follow_up.pk for r in obj.recommendations.select_related("follow_up")]
