"""Exports API: start an export of a list with filters, follow it, fetch the file."""

import datetime as dt
from typing import Any

from django.http import FileResponse, HttpRequest
from django.urls import reverse
from ninja import Field, Router, Schema, Status

from bienphong.org.scoping import request_user

from . import registry, services
from .models import ExportJob

router = Router(tags=["exports"])


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]]


class ErrorOut(Schema):
    error: ErrorBody


class ExportIn(Schema):
    list_name: str = Field(
        alias="list", description="The registered list's name, from GET /exports/lists."
    )
    format: str = Field(description="`csv` (UTF-8 with BOM) or `xlsx`.")
    params: dict[str, str | list[str]] = Field(
        default_factory=dict,
        description="The list screen's filters, as in its query string "
        '(e.g. `{"direction": "entry", "date_from": "2026-11-01"}`).',
    )
    purpose: str = Field("", description="Why the data is exported (recorded in the audit log).")


class ExportJobOut(Schema):
    id: int
    list: str = Field(description="The exported list's name.")
    format: str
    params: dict[str, Any]
    status: str = Field(description="queued, running, done or failed.")
    rows_done: int
    rows_total: int = Field(description="Rows to write; 0 until counted.")
    percent: int
    error: str
    created_at: dt.datetime
    finished_at: dt.datetime | None
    expires_at: dt.datetime
    file_url: str | None = Field(description="Where to download the file once done.")

    @staticmethod
    def resolve_list(obj: ExportJob) -> str:
        return obj.list_name

    @staticmethod
    def resolve_format(obj: ExportJob) -> str:
        return obj.file_format

    @staticmethod
    def resolve_file_url(obj: ExportJob) -> str | None:
        return reverse("api-v1:exports_file", args=[obj.pk]) if obj.downloadable else None


class ColumnOut(Schema):
    key: str
    header: str


class ListOut(Schema):
    name: str
    title: str
    personal_data: bool
    columns: list[ColumnOut]


@router.get(
    "/lists",
    response=list[ListOut],
    summary="Lists the caller may export",
    description="Each list's stable name, title and columns, in the caller's language.",
)
def export_lists(request: HttpRequest) -> list[dict[str, Any]]:
    actor = request_user(request)
    return [
        {
            "name": e.name,
            "title": str(e.title),
            "personal_data": e.personal_data,
            "columns": [{"key": c.key, "header": str(c.header)} for c in e.columns],
        }
        for e in registry.available_for(actor)
    ]


@router.post(
    "",
    response={201: ExportJobOut, 400: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    summary="Start an export",
    description="Exports the list with the given filters in the background. An unknown "
    "list or one the caller may not export is a 400 naming `list`; a bad filter is a 400 "
    "naming the filter. Poll GET /exports/{id} until `status` is `done`.",
)
def export_create(request: HttpRequest, payload: ExportIn) -> Status[ExportJob]:
    job = services.export_start(
        actor=request_user(request),
        list_name=payload.list_name,
        file_format=payload.format,
        params=payload.params,
        purpose=payload.purpose,
    )
    return Status(201, job)


@router.get(
    "/{job_id}",
    response={200: ExportJobOut, 404: ErrorOut},
    summary="An export's status and progress",
    description="Only the user who started the export sees it.",
)
def export_get(request: HttpRequest, job_id: int) -> ExportJob:
    return services.job_get(actor=request_user(request), pk=job_id)


@router.get(
    "/{job_id}/file",
    url_name="exports_file",
    response={200: None, 404: ErrorOut},
    summary="Download an export's file",
    description="The CSV or XLSX file of a finished export, to its owner only, until it "
    "expires; 404 otherwise.",
)
def export_file(request: HttpRequest, job_id: int) -> FileResponse:
    return services.file_response(actor=request_user(request), pk=job_id)
