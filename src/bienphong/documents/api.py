"""Travel-document reading and validation API (used by the checkpoint screen)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from bienphong.engines.mrz import (
    BorderAreaPass,
    BorderResidentPass,
    ChineseExitEntryPass,
    SeafarerBook,
    validate_border_area_pass,
    validate_border_resident_pass,
    validate_chinese_exit_entry_pass,
    validate_citizen_id,
    validate_seafarer_book,
)

from .messages import translate_issue
from .services import MAX_MRZ_INPUT, mrz_read

router = Router(tags=["documents"])


class MrzIn(Schema):
    text: str = Field(min_length=1, max_length=MAX_MRZ_INPUT)
    repair: bool = False
    lenient: bool = False


class CheckOut(Schema):
    field: str
    given: str
    computed: str
    ok: bool


class MrzOut(Schema):
    type: str | None
    valid: bool
    fields: dict[str, Any]
    checks: list[CheckOut]
    errors: list[dict[str, Any]]
    warnings: list[dict[str, Any]]
    repairs: list[dict[str, Any]]
    expiry: dict[str, Any] | None


@router.post("/mrz", response=MrzOut)
def read_mrz(request: HttpRequest, payload: MrzIn) -> dict[str, Any]:
    """Parse and validate an MRZ as a scanner typed it (CR/LF anywhere or none).

    An invalid MRZ is a normal answer (`valid: false` with every error and its position);
    only a malformed request is an error."""
    return mrz_read(payload.text, repair=payload.repair, lenient=payload.lenient)


class PassIn(Schema):
    number: str
    holder_name: str
    nationality: str
    issue_date: dt.date
    expiry_date: dt.date
    birth_date: dt.date | None = None
    sex: str | None = None


class BorderAreaPassIn(PassIn):
    entries: str
    destination_areas: list[str]
    home_area: str | None = None
    visiting: str | None = None


class BorderResidentPassIn(PassIn):
    home_area: str
    visiting: str | None = None


class ChineseExitEntryPassIn(PassIn):
    nationality: str = "CHN"
    entries: str
    destination_area: str | None = None


class SeafarerBookIn(PassIn):
    issuing_state: str


class CitizenIdIn(Schema):
    number: str
    birth_date: dt.date | None = None
    sex: str | None = None


class ValidationOut(Schema):
    valid: bool
    errors: list[dict[str, Any]]
    warnings: list[dict[str, Any]]


def _out(validation: Any) -> dict[str, Any]:
    return {
        "valid": validation.valid,
        "errors": [translate_issue(e.to_dict()) for e in validation.errors],
        "warnings": [translate_issue(w.to_dict()) for w in validation.warnings],
    }


def _common(payload: PassIn) -> dict[str, Any]:
    return {
        "number": payload.number.strip().upper(),
        "holder_name": payload.holder_name,
        "issue_date": payload.issue_date,
        "expiry_date": payload.expiry_date,
        "birth_date": payload.birth_date,
        "sex": payload.sex,
    }


@router.post("/border-area-pass/validate", response=ValidationOut)
def border_area_pass(request: HttpRequest, payload: BorderAreaPassIn) -> dict[str, Any]:
    """Vietnam–China border-area pass (giấy thông hành): single entry 1 month, multiple 12."""
    document = BorderAreaPass(
        **_common(payload),
        nationality=payload.nationality.upper(),
        entries=payload.entries,
        destination_areas=tuple(payload.destination_areas),
        home_area=payload.home_area,
    )
    return _out(validate_border_area_pass(document, timezone.localdate(), payload.visiting))


@router.post("/border-resident-pass/validate", response=ValidationOut)
def border_resident_pass(request: HttpRequest, payload: BorderResidentPassIn) -> dict[str, Any]:
    document = BorderResidentPass(
        **_common(payload), nationality=payload.nationality.upper(), home_area=payload.home_area
    )
    return _out(validate_border_resident_pass(document, timezone.localdate(), payload.visiting))


@router.post("/chinese-exit-entry-pass/validate", response=ValidationOut)
def chinese_exit_entry_pass(
    request: HttpRequest, payload: ChineseExitEntryPassIn
) -> dict[str, Any]:
    document = ChineseExitEntryPass(
        **_common(payload),
        nationality=payload.nationality.upper(),
        entries=payload.entries,
        destination_area=payload.destination_area,
    )
    return _out(validate_chinese_exit_entry_pass(document, timezone.localdate()))


@router.post("/seafarer-book/validate", response=ValidationOut)
def seafarer_book(request: HttpRequest, payload: SeafarerBookIn) -> dict[str, Any]:
    document = SeafarerBook(
        **_common(payload),
        nationality=payload.nationality.upper(),
        issuing_state=payload.issuing_state.upper(),
    )
    return _out(validate_seafarer_book(document, timezone.localdate()))


@router.post("/citizen-id/validate", response=ValidationOut)
def citizen_id(request: HttpRequest, payload: CitizenIdIn) -> dict[str, Any]:
    """Vietnamese 12-digit citizen ID (CCCD), cross-checked with birth date and sex."""
    return _out(validate_citizen_id(payload.number.strip(), payload.birth_date, payload.sex))
