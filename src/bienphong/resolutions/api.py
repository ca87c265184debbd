"""The resolutions API under /api/v1/resolutions/."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from bienphong.errors import ValidationFailed
from bienphong.org.models import Unit, User
from bienphong.org.scoping import request_user, units_in_scope

from . import selectors, services
from .models import Area, Program, ProgramItem
from .selectors import progress as progress_selectors

router = Router(tags=["resolutions"])


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


def _unit(actor: Any, code: str, field: str = "unit") -> Unit:
    unit = units_in_scope(actor).filter(code=code).first()
    if unit is None:
        raise ValidationFailed(fields={field: [_("No such unit in your scope.")]})
    return unit


def _user(username: str, field: str) -> User:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise ValidationFailed(fields={field: [_("No such user.")]})
    return user


@router.get("/", response=list[ResolutionOut])
def resolution_list(request: HttpRequest) -> Any:
    """Resolutions the caller's units implement."""
    return selectors.resolution_list(actor=request_user(request))


@router.get("/tasks", response=list[TaskOut])
@paginate(LimitOffsetPagination)
def task_list(request: HttpRequest, resolution: int | None = None, status: str = "") -> Any:
    """Tasks in scope; `status` is one of done_on_time, done_late, open_within_deadline,
    open_overdue."""
    actor = request_user(request)
    res = selectors.resolution_get(actor=actor, pk=resolution) if resolution else None
    tasks = list(selectors.task_list(actor=actor, resolution=res))
    if status:
        tasks = [t for t in tasks if TaskOut.resolve_status(t) == status]
    return tasks


@router.get("/tasks/{task_id}", response=TaskOut)
def task_detail(request: HttpRequest, task_id: int) -> Any:
    return selectors.task_get(actor=request_user(request), pk=task_id)


@router.post("/tasks", response={201: TaskOut})
def task_create(request: HttpRequest, payload: TaskIn) -> Any:
    actor = request_user(request)
    item = selectors.item_get(actor=actor, pk=payload.item)
    task = services.task_create(
        actor=actor,
        item=item,
        unit=_unit(actor, payload.unit),
        owner=_user(payload.owner, "owner"),
        title=payload.title,
        start=payload.start,
        deadline=payload.deadline,
        weight=payload.weight,
    )
    return Status(201, task)


@router.post("/tasks/{task_id}/progress", response=TaskOut)
def task_progress(request: HttpRequest, task_id: int, payload: ProgressIn) -> Any:
    """Report progress on a task; 100 closes it."""
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=task_id)
    services.task_update_progress(
        actor=actor,
        task=task,
        progress=payload.progress,
        comment=payload.comment,
        completed_on=payload.completed_on,
    )
    return selectors.task_get(actor=actor, pk=task_id)


@router.post("/tasks/{task_id}/attachments", response={201: AttachmentOut})
def task_attach(request: HttpRequest, task_id: int, file: File[UploadedFile]) -> Any:
    """Evidence for a task: PDF, DOCX, XLSX, JPEG or PNG up to 10 MB, content-checked."""
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=task_id)
    attachment = services.attachment_add(
        actor=actor, task=task, name=file.name or "file", data=file.read()
    )
    return Status(201, attachment)


@router.post("/programs", response={201: ProgramOut})
def program_create(request: HttpRequest, payload: ProgramIn) -> Any:
    """A unit's program built from a superior's (`parent`), which must be in its chain
    of command."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=payload.resolution)
    parent = None
    if payload.parent is not None:
        # A superior's program may lie outside the caller's write scope: read it plainly,
        # the service checks the chain of command.
        parent = Program.objects.filter(pk=payload.parent, resolution=resolution).first()
        if parent is None:
            raise ValidationFailed(fields={"parent": [_("No such program.")]})
    program = services.program_create(
        actor=actor,
        resolution=resolution,
        unit=_unit(actor, payload.unit),
        title=payload.title,
        parent=parent,
    )
    return Status(201, program)


@router.post("/items", response={201: ItemOut})
def item_create(request: HttpRequest, payload: ItemIn) -> Any:
    actor = request_user(request)
    program = (
        Program.objects.select_related("unit", "resolution").filter(pk=payload.program).first()
    )
    if program is None or not units_in_scope(actor).filter(pk=program.unit_id).exists():
        raise ValidationFailed(fields={"program": [_("No such program.")]})
    parent = None
    if payload.parent is not None:
        parent = (
            ProgramItem.objects.select_related("program__unit").filter(pk=payload.parent).first()
        )
        if parent is None:
            raise ValidationFailed(fields={"parent": [_("No such item.")]})
    area = Area.objects.filter(pk=payload.area).first() if payload.area else None
    item = services.item_create(
        actor=actor,
        program=program,
        code=payload.code,
        title=payload.title,
        parent=parent,
        area=area,
        weight=payload.weight,
        solutions=payload.solutions,
    )
    return Status(201, item)


@router.get("/{resolution_id}/progress", response=ProgressOut)
def resolution_progress(request: HttpRequest, resolution_id: int, unit: str = "") -> Any:
    """The roll-up of the resolution over `unit`'s subtree (default: the whole
    resolution, or the caller's own unit). Every number carries its formula."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    scope_unit = _unit(actor, unit) if unit else _default_unit(actor, resolution)
    state = progress_selectors.progress(
        resolution=resolution, unit=scope_unit, today=timezone.localdate()
    )
    rows = []
    for row in progress_selectors.flatten(state.areas):
        obj = row.obj
        rows.append(
            {
                "kind": row.kind,
                "id": obj.pk,
                "code": getattr(obj, "code", ""),
                "title": obj.title,
                "unit": obj.program.unit.code
                if row.kind == "item"
                else (obj.unit.code if row.kind == "task" else ""),
                "depth": row.depth,
                "weight": row.weight,
                "value": round(row.value, 2),
                "formula": row.formula,
                "status": row.status,
                "assessment": row.assessment.progress if row.assessment else None,
                "assessed_by": str(row.assessment.assessed_by) if row.assessment else None,
            }
        )
    return {
        "resolution": resolution.code,
        "unit": scope_unit.code,
        "value": round(state.value, 2),
        "formula": state.formula,
        "status_counts": state.status_counts,
        "rows": rows,
        "overdue": [t.pk for t in state.overdue],
    }


def _default_unit(actor: Any, resolution: Any) -> Unit:
    scope = units_in_scope(actor)
    if scope.filter(pk=resolution.unit_id).exists():
        return resolution.unit  # type: ignore[no-any-return]
    first = scope.order_by("path").first()
    if first is None:
        raise ValidationFailed(fields={"unit": [_("Choose a unit.")]})
    return first


@router.get("/movements/{movement_id}/ranking", response=list[RankOut])
def movement_ranking(request: HttpRequest, movement_id: int, period: str) -> Any:
    """The published ranking: locked score sheets only."""
    actor = request_user(request)
    movement = selectors.movement_get(actor=actor, pk=movement_id)
    return [
        {
            "rank": entry.rank,
            "score": entry.score,
            "unit": sheet.registration.unit.code,
            "person": sheet.registration.person.username if sheet.registration.person else None,
        }
        for entry, sheet in progress_selectors.ranking(movement=movement, period=period)
    ]


@router.post("/sheets/{sheet_id}/review", response=SheetOut)
def sheet_review(request: HttpRequest, sheet_id: int, payload: SheetIn) -> Any:
    actor = request_user(request)
    sheet = selectors.sheet_get(actor=actor, pk=sheet_id)
    return services.sheet_review(
        actor=actor, sheet=sheet, points=payload.points, comment=payload.comment
    )


@router.post("/sheets/{sheet_id}/approve", response=SheetOut)
def sheet_approve(request: HttpRequest, sheet_id: int, payload: ApproveIn) -> Any:
    actor = request_user(request)
    sheet = selectors.sheet_get(actor=actor, pk=sheet_id)
    return services.sheet_approve(
        actor=actor, sheet=sheet, score=payload.score, reason=payload.reason
    )


@router.post("/sheets/{sheet_id}/lock", response=SheetOut)
def sheet_lock(request: HttpRequest, sheet_id: int) -> Any:
    actor = request_user(request)
    return services.sheet_lock(actor=actor, sheet=selectors.sheet_get(actor=actor, pk=sheet_id))


@router.get("/proposals", response=list[ProposalOut])
def proposal_list(request: HttpRequest) -> Any:
    return selectors.proposal_list(actor=request_user(request))


@router.post("/proposals", response={201: ProposalOut})
def proposal_create(request: HttpRequest, payload: ProposalIn) -> Any:
    actor = request_user(request)
    proposal = services.proposal_create(
        actor=actor,
        proposing_unit=_unit(actor, payload.proposing_unit, "proposing_unit"),
        nominee_unit=_unit(actor, payload.nominee_unit, "nominee_unit"),
        nominee_person=_user(payload.nominee_person, "nominee_person")
        if payload.nominee_person
        else None,
        form=payload.form,
        level=payload.level,
        year=payload.year,
        reason=payload.reason,
    )
    return Status(201, proposal)


@router.post("/proposals/{proposal_id}/decision", response=ProposalOut)
def proposal_decide(request: HttpRequest, proposal_id: int, payload: DecideIn) -> Any:
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=proposal_id)
    return services.proposal_decide(
        actor=actor,
        proposal=proposal,
        decision_number=payload.decision_number,
        decision_date=payload.decision_date,
    )


@router.post("/proposals/{proposal_id}/{step}", response=ProposalOut)
def proposal_step(request: HttpRequest, proposal_id: int, step: str, payload: StepIn) -> Any:
    """`step` is forward, return or approve."""
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=proposal_id)
    if step == "forward":
        return services.proposal_forward(actor=actor, proposal=proposal, comment=payload.comment)
    if step == "return":
        return services.proposal_return(actor=actor, proposal=proposal, comment=payload.comment)
    if step == "approve":
        return services.proposal_approve(actor=actor, proposal=proposal, comment=payload.comment)
    raise ValidationFailed(fields={"step": [_("Use forward, return or approve.")]})
