"""Reading watchlist files (CSV, XLSX, OpenSanctions/FollowTheMoney JSON lines) into rows,
and validating every row, so that all bad rows are reported at once."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, BinaryIO

from django.utils.translation import gettext as _

from bienphong.nationality import to_icao

from .models import Instruction

TEMPLATE_COLUMNS = [
    "reference",
    "full_name",
    "aliases",
    "date_of_birth",
    "nationality",
    "sex",
    "document_numbers",
    "reason",
    "instruction",
    "instruction_note",
    "valid_from",
    "valid_until",
]
REQUIRED = ("reference", "full_name")
MAX_ROWS = 2_000_000
FORMATS = ("csv", "xlsx", "ftm")

_DOB = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOB_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_DOC = re.compile(r"[^0-9A-Z]")


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class EntryRow:
    row: int
    reference: str
    full_name: str
    aliases: list[str] = field(default_factory=list)
    birth: tuple[int | None, int | None, int | None] = (None, None, None)
    nationality: str = ""
    gender: str = ""
    documents: list[str] = field(default_factory=list)
    reason: str = ""
    instruction: str = ""
    instruction_note: str = ""
    valid_from: date | None = None
    valid_until: date | None = None


def detect_format(file_name: str) -> str | None:
    lower = file_name.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith((".json", ".jsonl", ".ndjson", ".ftm")):
        return "ftm"
    return None


def read_rows(stream: BinaryIO, file_format: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (row number as the user sees it, raw mapping)."""
    if file_format == "csv":
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        reader = csv.DictReader(text)
        for number, record in enumerate(reader, start=2):
            yield number, {(k or "").strip().lower(): v for k, v in record.items()}
    elif file_format == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(stream, read_only=True, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h or "").strip().lower() for h in next(rows, [])]
        for number, values in enumerate(rows, start=2):
            if values is None or all(v in (None, "") for v in values):
                continue
            yield number, dict(zip(header, values, strict=False))
    elif file_format == "ftm":
        for number, line in enumerate(io.TextIOWrapper(stream, encoding="utf-8"), start=1):
            if line.strip():
                yield number, _ftm_record(line)
    else:
        raise ValueError(file_format)


def _ftm_record(line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return {"__error__": _("Not a JSON object.")}
    if not isinstance(data, dict):
        return {"__error__": _("Not a JSON object.")}
    if data.get("schema") != "Person":
        return {"__skip__": True}
    props = data.get("properties") or {}

    def first(key: str) -> str:
        values = props.get(key) or []
        return str(values[0]) if values else ""

    gender = first("gender").lower()
    return {
        "reference": str(data.get("id", "")),
        "full_name": first("name"),
        "aliases": [str(a) for a in (props.get("alias") or []) + (props.get("name") or [])[1:]],
        "date_of_birth": first("birthDate"),
        "nationality": first("nationality") or first("citizenship"),
        "sex": {"male": "M", "female": "F"}.get(gender, ""),
        "document_numbers": [
            str(n) for n in (props.get("passportNumber") or []) + (props.get("idNumber") or [])
        ],
        "reason": "; ".join(str(n) for n in (props.get("notes") or props.get("topics") or [])),
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _split(value: Any) -> list[str]:
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [part.strip() for part in _text(value).split(";") if part.strip()]


def parse_birth(value: Any) -> tuple[int | None, int | None, int | None] | None:
    """Partial dates of birth: YYYY, YYYY-MM, YYYY-MM-DD or dd/mm/yyyy; None if invalid."""
    if isinstance(value, date):
        return value.year, value.month, value.day
    text = _text(value)
    if not text:
        return (None, None, None)
    match = _DOB.match(text)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
    else:
        match = _DOB_VN.match(text)
        if not match:
            return None
        day, month, year = (int(g) for g in match.groups())
    assert year is not None
    if not 1900 <= year <= date.today().year:
        return None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def _parse_date(value: Any) -> date | bool | None:
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        match = _DOB_VN.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return False
        return False


def normalise_document(number: str) -> str:
    return _DOC.sub("", number.upper())


def _instruction(value: Any, default: str) -> str | None:
    text = _text(value)
    if not text:
        return default
    lowered = text.lower()
    for choice in Instruction:
        if lowered in (choice.value, str(choice.label).lower()):
            return choice.value
    return None


def validate_row(
    number: int, raw: dict[str, Any], default_instruction: str
) -> tuple[EntryRow | None, list[RowError]]:
    errors: list[RowError] = []
    if raw.get("__error__"):
        return None, [RowError(number, "__all__", str(raw["__error__"]))]
    for name in REQUIRED:
        if not _text(raw.get(name)):
            errors.append(RowError(number, name, _("This field is required.")))
    birth = parse_birth(raw.get("date_of_birth"))
    if birth is None:
        errors.append(
            RowError(
                number,
                "date_of_birth",
                _("Not a valid date of birth: use YYYY, YYYY-MM, YYYY-MM-DD or dd/mm/yyyy."),
            )
        )
    nationality_text = _text(raw.get("nationality"))
    nationality = to_icao(nationality_text) if nationality_text else ""
    if nationality is None:
        errors.append(
            RowError(
                number,
                "nationality",
                _("Unknown nationality: use an ICAO 3-letter code or a country name."),
            )
        )
    sex = _text(raw.get("sex")).upper()[:1]
    if sex and sex not in {"M", "F", "X"}:
        errors.append(RowError(number, "sex", _("Sex must be M, F or X.")))
    instruction = _instruction(raw.get("instruction"), default_instruction)
    if instruction is None:
        errors.append(RowError(number, "instruction", _("Unknown instruction.")))
    valid_from = _parse_date(raw.get("valid_from"))
    valid_until = _parse_date(raw.get("valid_until"))
    for name, value in (("valid_from", valid_from), ("valid_until", valid_until)):
        if value is False:
            errors.append(RowError(number, name, _("Not a valid date: use YYYY-MM-DD.")))
    if isinstance(valid_from, date) and isinstance(valid_until, date) and valid_until < valid_from:
        errors.append(RowError(number, "valid_until", _("Ends before it starts.")))
    if len(_text(raw.get("full_name"))) > 300:
        errors.append(RowError(number, "full_name", _("At most 300 characters.")))
    if len(_text(raw.get("reference"))) > 100:
        errors.append(RowError(number, "reference", _("At most 100 characters.")))
    if errors:
        return None, errors
    assert birth is not None and instruction is not None
    return EntryRow(
        row=number,
        reference=_text(raw.get("reference")),
        full_name=_text(raw.get("full_name")),
        aliases=_split(raw.get("aliases"))[:50],
        birth=birth,
        nationality=nationality or "",
        gender=sex,
        documents=sorted(
            {
                normalise_document(d)
                for d in _split(raw.get("document_numbers"))
                if normalise_document(d)
            }
        )[:20],
        reason=_text(raw.get("reason")),
        instruction=instruction,
        instruction_note=_text(raw.get("instruction_note"))[:300],
        valid_from=valid_from if isinstance(valid_from, date) else None,
        valid_until=valid_until if isinstance(valid_until, date) else None,
    ), []
