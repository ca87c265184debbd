"""The document an officer presents: read from an MRZ or from the short form."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from bienphong.documents.messages import translate_issue
from bienphong.engines.mrz import (
    BorderAreaPass,
    BorderResidentPass,
    ChineseExitEntryPass,
    SeafarerBook,
    check_expiry,
    parse_mrz,
    validate_border_area_pass,
    validate_border_resident_pass,
    validate_chinese_exit_entry_pass,
    validate_seafarer_book,
)
from bienphong.errors import ValidationFailed
from bienphong.nationality import to_icao
from bienphong.text import name_key

from ..models import DocumentType

MANUAL_TYPES = (
    DocumentType.BORDER_AREA_PASS,
    DocumentType.BORDER_RESIDENT_PASS,
    DocumentType.CN_EXIT_ENTRY_PASS,
    DocumentType.SEAFARER_BOOK,
    DocumentType.PASSPORT,
    DocumentType.ID_CARD,
)


@dataclass
class DocumentFacts:
    doc_type: str
    number: str
    issuing_state: str
    full_name: str
    nationality: str
    birth_date: dt.date | None
    birth_text: str
    sex: str
    expiry_date: dt.date | None
    issue_date: dt.date | None = None
    entries: str = ""
    areas: list[str] = field(default_factory=list)
    source: str = "mrz"
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    mrz: dict[str, Any] | None = None

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def identity_key(self) -> tuple[str, str, str]:
        return name_key(self.full_name), self.birth_text, self.nationality

    def fingerprint(self) -> str:
        raw = "|".join([self.doc_type, self.issuing_state, self.number, *self.identity_key])
        return hashlib.sha256(raw.encode()).hexdigest()

    def summary(self) -> dict[str, Any]:
        return {
            "doc_type": self.doc_type,
            "doc_type_label": str(DocumentType(self.doc_type).label)
            if self.doc_type in DocumentType.values
            else self.doc_type,
            "number": self.number,
            "issuing_state": self.issuing_state,
            "full_name": self.full_name,
            "nationality": self.nationality,
            "birth_date": self.birth_text,
            "sex": self.sex,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "entries": self.entries,
            "areas": self.areas,
            "source": self.source,
        }


def _iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def from_mrz(text: str, today: dt.date) -> DocumentFacts:
    result = parse_mrz(text, reference_date=today)
    data = result.to_dict()
    fields = data["fields"]
    code = (fields.get("document_code") or "")[:1]
    doc_type = {"P": DocumentType.PASSPORT, "V": DocumentType.VISA}.get(code, DocumentType.ID_CARD)
    name = " ".join(x for x in (fields.get("surname"), fields.get("given_names")) if x)
    birth = _iso(fields.get("birth_date_iso"))
    facts = DocumentFacts(
        doc_type=doc_type,
        number=fields.get("document_number") or "",
        issuing_state=fields.get("issuing_state") or "",
        full_name=name,
        nationality=fields.get("nationality") or "",
        birth_date=birth,
        birth_text=birth.isoformat() if birth else "",
        sex=fields.get("sex") or "",
        expiry_date=_iso(fields.get("expiry_date_iso")),
        source="mrz",
        errors=[translate_issue(e) for e in data["errors"]],
        warnings=[translate_issue(w) for w in data["warnings"]],
        mrz=data,
    )
    if result.valid:
        expiry = check_expiry(result, today)
        if expiry is not None:
            facts.errors.append(translate_issue(expiry.to_dict()))
    if doc_type == DocumentType.VISA and result.valid:
        facts.warnings.append(
            {
                "code": "visa_only",
                "message": _("This is a visa: scan the passport it is in as well."),
            }
        )
    return facts


def _required(data: dict[str, Any], name: str, errors: dict[str, list[str]]) -> str:
    value = str(data.get(name) or "").strip()
    if not value:
        errors.setdefault(name, []).append(_("This field is required."))
    return value


def _date(
    data: dict[str, Any], name: str, errors: dict[str, list[str]], required: bool = True
) -> dt.date | None:
    value = str(data.get(name) or "").strip()
    if not value:
        if required:
            errors.setdefault(name, []).append(_("This field is required."))
        return None
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    errors.setdefault(name, []).append(_("Not a valid date: use dd/mm/yyyy."))
    return None


def from_form(data: dict[str, Any], today: dt.date) -> DocumentFacts:
    """A document without an MRZ, typed into the short form. Raises ValidationFailed
    naming every bad field; rule violations (validity, areas) come back as errors."""
    errors: dict[str, list[str]] = {}
    doc_type = str(data.get("doc_type") or "")
    if doc_type not in MANUAL_TYPES:
        errors["doc_type"] = [_("Choose the type of document.")]
    number = _required(data, "number", errors).upper().replace(" ", "")
    name = " ".join(_required(data, "full_name", errors).split())
    nationality_text = _required(data, "nationality", errors)
    nationality = to_icao(nationality_text) if nationality_text else ""
    if nationality_text and not nationality:
        errors["nationality"] = [
            _("Unknown nationality: use an ICAO 3-letter code or a country name.")
        ]
    birth = _date(data, "birth_date", errors, required=False)
    issue = _date(
        data,
        "issue_date",
        errors,
        required=doc_type not in (DocumentType.PASSPORT, DocumentType.ID_CARD),
    )
    expiry = _date(data, "expiry_date", errors)
    sex = str(data.get("sex") or "").upper()[:1]
    entries = str(data.get("entries") or "")
    areas = [a for a in data.get("areas") or [] if a]
    if isinstance(data.get("areas"), str):
        areas = [a.strip() for a in str(data["areas"]).split(",") if a.strip()]
    if doc_type in (
        DocumentType.BORDER_AREA_PASS,
        DocumentType.CN_EXIT_ENTRY_PASS,
    ) and entries not in ("single", "multiple"):
        errors["entries"] = [_("Choose single or multiple entry.")]
    if errors:
        raise ValidationFailed(fields=errors)
    assert expiry is not None and nationality
    facts = DocumentFacts(
        doc_type=doc_type,
        number=number,
        issuing_state=str(data.get("issuing_state") or nationality).upper()[:3],
        full_name=name,
        nationality=nationality,
        birth_date=birth,
        birth_text=birth.isoformat() if birth else "",
        sex=sex,
        expiry_date=expiry,
        issue_date=issue,
        entries=entries,
        areas=areas,
        source="form",
    )
    validation = _validate_rules(facts, today)
    if validation is not None:
        facts.errors = [translate_issue(e.to_dict()) for e in validation.errors]
        facts.warnings = [translate_issue(w.to_dict()) for w in validation.warnings]
    elif expiry < today:
        facts.errors.append(
            {"code": "expired", "message": _("The document has expired."), "field": "expiry_date"}
        )
    return facts


def _validate_rules(facts: DocumentFacts, today: dt.date) -> Any:
    common: dict[str, Any] = {
        "number": facts.number,
        "holder_name": facts.full_name,
        "issue_date": facts.issue_date or facts.expiry_date,
        "expiry_date": facts.expiry_date,
        "birth_date": facts.birth_date,
        "sex": facts.sex or None,
    }
    if facts.doc_type == DocumentType.BORDER_AREA_PASS:
        return validate_border_area_pass(
            BorderAreaPass(
                **common,
                nationality=facts.nationality,
                entries=facts.entries,
                destination_areas=tuple(facts.areas),
            ),
            today,
        )
    if facts.doc_type == DocumentType.BORDER_RESIDENT_PASS:
        return validate_border_resident_pass(
            BorderResidentPass(
                **common,
                nationality=facts.nationality,
                home_area=facts.areas[0] if facts.areas else "",
            ),
            today,
        )
    if facts.doc_type == DocumentType.CN_EXIT_ENTRY_PASS:
        return validate_chinese_exit_entry_pass(
            ChineseExitEntryPass(**common, nationality=facts.nationality, entries=facts.entries),
            today,
        )
    if facts.doc_type == DocumentType.SEAFARER_BOOK:
        return validate_seafarer_book(
            SeafarerBook(
                **common, nationality=facts.nationality, issuing_state=facts.issuing_state
            ),
            today,
        )
    return None


def read_document(payload: dict[str, Any], today: dt.date) -> DocumentFacts:
    mrz = str(payload.get("mrz") or "").strip()
    if mrz:
        if len(mrz) > 1000:
            raise ValidationFailed(fields={"mrz": [_("At most 1000 characters.")]})
        return from_mrz(mrz, today)
    if payload.get("document"):
        return from_form(dict(payload["document"]), today)
    raise ValidationFailed(fields={"mrz": [_("Scan or type the MRZ, or fill in the form.")]})
