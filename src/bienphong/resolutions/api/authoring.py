"""Creating and editing resolutions, areas, targets and documents; attachments of
documents and proposals; downloads; milestones; emulation movements.

Registered before the other endpoint modules so that ``/proposals/{id}/attachments``
is matched before ``/proposals/{id}/{step}``.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Status
from ninja.files import UploadedFile

from bienphong.errors import NotFound, ValidationFailed
from bienphong.org.scoping import request_user

from .. import selectors, services
from ..downloads import attachment_response
from ..models import Area, Milestone, Resolution, Target
from .authoring_schemas import (
    AreaIn,
    AreaOut,
    AreaPatch,
    CriterionIn,
    CriterionOut,
    DocumentIn,
    DocumentOut,
    DocumentPatch,
    MilestoneDoneIn,
    MilestoneIn,
    MilestoneOut,
    MilestonePatch,
    MovementIn,
    MovementOut,
    RegistrationIn,
    RegistrationOut,
    ResolutionIn,
    ResolutionPatch,
    TargetIn,
    TargetOut,
    TargetPatch,
)
from .common import _unit, _user, router
from .schemas import AttachmentOut, ResolutionOut


def _changes(payload: Any) -> dict[str, Any]:
    return payload.dict(exclude_unset=True)  # type: ignore[no-any-return]


def _area(resolution: Resolution, pk: int | None) -> Area | None:
    if pk is None:
        return None
    area = resolution.areas.filter(pk=pk).first()
    if area is None:
        raise ValidationFailed(fields={"area": [_("Choose an area of this resolution.")]})
    return area


@router.post("/", response={201: ResolutionOut})
def resolution_create(request: HttpRequest, payload: ResolutionIn) -> Any:
    """A resolution (command staff): issuing body, term and date."""
    actor = request_user(request)
    fields = payload.dict()
    unit = _unit(actor, fields.pop("unit"))
    return Status(201, services.resolution_create(actor=actor, unit=unit, **fields))


@router.patch("/{int:resolution_id}", response=ResolutionOut)
def resolution_update(request: HttpRequest, resolution_id: int, payload: ResolutionPatch) -> Any:
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    return services.resolution_update(actor=actor, resolution=resolution, **_changes(payload))


@router.get("/{resolution_id}/areas", response=list[AreaOut])
def area_list(request: HttpRequest, resolution_id: int) -> Any:
    return selectors.resolution_get(actor=request_user(request), pk=resolution_id).areas.all()


@router.post("/{resolution_id}/areas", response={201: AreaOut})
def area_create(request: HttpRequest, resolution_id: int, payload: AreaIn) -> Any:
    """An objective, breakthrough area or key task (`kind`)."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    return Status(201, services.area_create(actor=actor, resolution=resolution, **payload.dict()))


@router.patch("/areas/{area_id}", response=AreaOut)
def area_update(request: HttpRequest, area_id: int, payload: AreaPatch) -> Any:
    actor = request_user(request)
    area = Area.objects.filter(
        pk=area_id, resolution__in=selectors.resolution_list(actor=actor)
    ).first()
    if area is None:
        raise NotFound()
    return services.area_update(actor=actor, area=area, **_changes(payload))


@router.get("/{resolution_id}/targets", response=list[TargetOut])
def target_list(request: HttpRequest, resolution_id: int) -> Any:
    return selectors.resolution_get(actor=request_user(request), pk=resolution_id).targets.all()


@router.post("/{resolution_id}/targets", response={201: TargetOut})
def target_create(request: HttpRequest, resolution_id: int, payload: TargetIn) -> Any:
    """A numeric target; `direction` is at_least or at_most; `indicator` optionally binds
    it to a registered indicator."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    fields = payload.dict()
    fields["area"] = _area(resolution, fields.pop("area"))
    return Status(201, services.target_create(actor=actor, resolution=resolution, **fields))


@router.patch("/targets/{target_id}", response=TargetOut)
def target_update(request: HttpRequest, target_id: int, payload: TargetPatch) -> Any:
    actor = request_user(request)
    target = (
        Target.objects.select_related("resolution__unit")
        .filter(pk=target_id, resolution__in=selectors.resolution_list(actor=actor))
        .first()
    )
    if target is None:
        raise NotFound()
    fields = _changes(payload)
    if "area" in fields:
        fields["area"] = _area(target.resolution, fields["area"])
    return services.target_update(actor=actor, target=target, **fields)


@router.get("/{resolution_id}/documents", response=list[DocumentOut])
def document_list(request: HttpRequest, resolution_id: int) -> Any:
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    return selectors.document_list(actor=actor, resolution=resolution)


@router.post("/{resolution_id}/documents", response={201: DocumentOut})
def document_create(request: HttpRequest, resolution_id: int, payload: DocumentIn) -> Any:
    """An assignment decision, working regulation or action program document."""
    actor = request_user(request)
    resolution = selectors.resolution_get(actor=actor, pk=resolution_id)
    fields = payload.dict()
    unit = _unit(actor, fields.pop("unit"))
    return Status(
        201,
        services.document_create(actor=actor, resolution=resolution, unit=unit, **fields),
    )


@router.patch("/documents/{document_id}", response=DocumentOut)
def document_update(request: HttpRequest, document_id: int, payload: DocumentPatch) -> Any:
    actor = request_user(request)
    document = selectors.document_get(actor=actor, pk=document_id)
    return services.document_update(actor=actor, document=document, **_changes(payload))


@router.post("/documents/{document_id}/attachments", response={201: AttachmentOut})
def document_attach(request: HttpRequest, document_id: int, file: File[UploadedFile]) -> Any:
    """PDF, DOCX, XLSX, JPEG or PNG up to 10 MB, content-checked."""
    actor = request_user(request)
    document = selectors.document_get(actor=actor, pk=document_id)
    return Status(
        201,
        services.attachment_add(
            actor=actor, document=document, name=file.name or "file", data=file.read()
        ),
    )


@router.post("/proposals/{proposal_id}/attachments", response={201: AttachmentOut})
def proposal_attach(request: HttpRequest, proposal_id: int, file: File[UploadedFile]) -> Any:
    """Evidence for a commendation proposal (by the unit holding it)."""
    actor = request_user(request)
    proposal = selectors.proposal_get(actor=actor, pk=proposal_id)
    return Status(
        201,
        services.attachment_add(
            actor=actor, proposal=proposal, name=file.name or "file", data=file.read()
        ),
    )


@router.get("/attachments/{attachment_id}/download")
def attachment_download(request: HttpRequest, attachment_id: int) -> Any:
    """The file, for those who can see its owner; audited as a view."""
    return attachment_response(actor=request_user(request), pk=attachment_id)


@router.post("/tasks/{task_id}/milestones", response={201: MilestoneOut})
def milestone_create(request: HttpRequest, task_id: int, payload: MilestoneIn) -> Any:
    actor = request_user(request)
    task = selectors.task_get(actor=actor, pk=task_id)
    return Status(
        201, services.milestone_add(actor=actor, task=task, title=payload.title, due=payload.due)
    )


def _milestone(actor: Any, milestone_id: int) -> Milestone:
    milestone = Milestone.objects.filter(
        pk=milestone_id, task__in=selectors.task_list(actor=actor)
    ).first()
    if milestone is None:
        raise NotFound()
    return milestone


@router.patch("/milestones/{milestone_id}", response=MilestoneOut)
def milestone_update(request: HttpRequest, milestone_id: int, payload: MilestonePatch) -> Any:
    actor = request_user(request)
    milestone = _milestone(actor, milestone_id)
    return services.milestone_update(actor=actor, milestone=milestone, **_changes(payload))


@router.post("/milestones/{milestone_id}/done", response=MilestoneOut)
def milestone_done(request: HttpRequest, milestone_id: int, payload: MilestoneDoneIn) -> Any:
    actor = request_user(request)
    milestone = _milestone(actor, milestone_id)
    return services.milestone_done(actor=actor, milestone=milestone, done_on=payload.done_on)


@router.post("/movements", response={201: MovementOut})
def movement_create(request: HttpRequest, payload: MovementIn) -> Any:
    actor = request_user(request)
    fields = payload.dict()
    unit = _unit(actor, fields.pop("unit"))
    return Status(201, services.movement_create(actor=actor, unit=unit, **fields))


@router.post("/movements/{movement_id}/criteria", response={201: CriterionOut})
def criterion_create(request: HttpRequest, movement_id: int, payload: CriterionIn) -> Any:
    """A criterion: `kind` is points, bonus or penalty, with its maximum points."""
    actor = request_user(request)
    movement = selectors.movement_get(actor=actor, pk=movement_id)
    return Status(201, services.criterion_add(actor=actor, movement=movement, **payload.dict()))


@router.post("/movements/{movement_id}/registrations", response={201: RegistrationOut})
def registration_create(request: HttpRequest, movement_id: int, payload: RegistrationIn) -> Any:
    """Register a unit, or a person of it, in the movement."""
    actor = request_user(request)
    movement = selectors.movement_get(actor=actor, pk=movement_id)
    person = _user(payload.person, "person") if payload.person else None
    return Status(
        201,
        services.registration_create(
            actor=actor, movement=movement, unit=_unit(actor, payload.unit), person=person
        ),
    )
