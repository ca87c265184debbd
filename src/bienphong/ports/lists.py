"""Crew and passenger lists (FAL 5 / FAL 6): columns, readers and row validation.

Readers turn a CSV, XLSX or EDIFACT PAXLST file into rows of text; ``validate_rows``
checks every row and cell and reports *all* the errors at once, so nothing is
half-imported. Names are kept as written, plus the official upper-case A-Z form.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienphong.errors import ValidationFailed
from bienphong.nationality import to_icao

from .identifiers import is_unlocode

CREW = "crew"
PASSENGER = "passenger"
MAX_ROWS = 5000
MAX_FILE_BYTES = 5 * 1024 * 1024

# (key, header in the template) — the header is bilingual so one template serves both.
COMMON_COLUMNS = [
    ("family_name", "Họ / Family name"),
    ("given_names", "Tên / Given names"),
    ("nationality", "Quốc tịch / Nationality"),
    ("birth_date", "Ngày sinh / Date of birth"),
    ("birth_place", "Nơi sinh / Place of birth"),
    ("sex", "Giới tính / Sex"),
    ("doc_type", "Loại giấy tờ / Document type"),
    ("doc_number", "Số giấy tờ / Document number"),
    ("doc_issuing_state", "Nước cấp / Issuing state"),
    ("doc_expiry", "Ngày hết hạn / Expiry date"),
    ("visa", "Thị thực / Visa"),
]
CREW_COLUMNS = [
    COMMON_COLUMNS[0],
    COMMON_COLUMNS[1],
    ("rank", "Chức danh / Rank"),
    *COMMON_COLUMNS[2:],
]
PASSENGER_COLUMNS = [
    *COMMON_COLUMNS,
    ("embark_port", "Cảng lên tàu / Port of embarkation"),
    ("disembark_port", "Cảng rời tàu / Port of disembarkation"),
    ("transit", "Quá cảnh / Transit"),
]

COLUMN_LABELS = {
    "family_name": gettext_lazy("Family name"),
    "given_names": gettext_lazy("Given names"),
    "rank": gettext_lazy("Rank"),
    "nationality": gettext_lazy("Nationality"),
    "birth_date": gettext_lazy("Date of birth"),
    "birth_place": gettext_lazy("Place of birth"),
    "sex": gettext_lazy("Sex"),
    "doc_type": gettext_lazy("Document type"),
    "doc_number": gettext_lazy("Document number"),
    "doc_issuing_state": gettext_lazy("Issuing state"),
    "doc_expiry": gettext_lazy("Expiry date"),
    "visa": gettext_lazy("Visa"),
    "embark_port": gettext_lazy("Port of embarkation"),
    "disembark_port": gettext_lazy("Port of disembarkation"),
    "transit": gettext_lazy("Transit"),
    "file": gettext_lazy("File"),
}

REQUIRED = ("family_name", "nationality", "birth_date", "sex", "doc_type", "doc_number")
MASTER_RANKS = {"MASTER", "CAPTAIN", "CAPT", "THUYEN TRUONG", "MASTER MARINER"}
DOC_TYPES = {
    "P": "P",
    "PASSPORT": "P",
    "HO CHIEU": "P",
    "S": "S",
    "SEAFARER": "S",
    "SEAFARERS BOOK": "S",
    "SEAMAN BOOK": "S",
    "SO THUYEN VIEN": "S",
    "I": "I",
    "ID": "I",
    "ID CARD": "I",
    "CCCD": "I",
    "O": "O",
    "OTHER": "O",
}
SEXES = {"M": "M", "MALE": "M", "NAM": "M", "F": "F", "FEMALE": "F", "NU": "F", "X": "X"}
YES = {"Y", "YES", "CO", "1", "TRUE", "X"}
NO = {"", "N", "NO", "KHONG", "0", "FALSE"}

# Error messages (constants the tests assert).
E_REQUIRED = gettext_lazy("This cell is required.")
E_DATE = gettext_lazy("Write the date as dd/mm/yyyy or yyyy-mm-dd.")
E_BIRTH_FUTURE = gettext_lazy("The date of birth is in the future.")
E_EXPIRED = gettext_lazy("The document has expired.")
E_NATIONALITY = gettext_lazy("Unknown nationality: use an ICAO code or a country name.")
E_SEX = gettext_lazy("Sex must be M, F or X.")
E_DOC_TYPE = gettext_lazy("Document type must be P (passport), S (seafarer's book), I or O.")
E_DOC_NUMBER = gettext_lazy("Document numbers have letters and digits only (up to 20).")
E_DUPLICATE = gettext_lazy("This document number is already on row %(row)s.")
E_NAME = gettext_lazy("The name has no letters that can be written in A-Z.")
E_MASTER_FIRST = gettext_lazy("The master must be listed first.")
E_NO_MASTER = gettext_lazy("The crew list must start with the master.")
E_PORT = gettext_lazy("Write the port as a UN/LOCODE (5 letters, e.g. VNCLN).")
E_TRANSIT = gettext_lazy("Write Y or N.")
E_EMPTY = gettext_lazy("The list has no rows.")
E_TOO_MANY = gettext_lazy("A list may have at most %(max)s rows.")
E_HEADER = gettext_lazy("Unknown or missing columns; download the template: %(columns)s")
E_FILE = gettext_lazy("The file could not be read as %(kind)s.")
E_FILE_SIZE = gettext_lazy("The file is larger than 5 MB.")


@dataclass(frozen=True)
class CellError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "column_label": str(COLUMN_LABELS.get(self.column, self.column)),
            "message": self.message,
        }


@dataclass
class RawRow:
    row: int  # the row number the user sees (header is row 1 in files)
    values: dict[str, Any]


@dataclass
class ListReport:
    kind: str
    people: list[dict[str, Any]] = field(default_factory=list)
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ListInvalid(self)


class ListInvalid(ValidationFailed):
    """Every bad row and cell of a list; the fields are ``<list>.<row>.<column>``."""

    def __init__(self, report: ListReport):
        self.report = report
        fields: dict[str, list[str]] = {}
        for e in report.errors:
            key = f"{report.kind}.{e.row}.{e.column}" if e.row else e.column
            fields.setdefault(key, []).append(e.message)
        super().__init__(
            _("The list has %(count)s errors; nothing was imported.")
            % {"count": len(report.errors)},
            fields=fields,
        )


def columns_for(kind: str) -> list[tuple[str, str]]:
    return CREW_COLUMNS if kind == CREW else PASSENGER_COLUMNS


# --- names -------------------------------------------------------------------------


def official_name(text: str) -> str:
    """The upper-case A-Z form the national portal requires ("Nguyễn Văn Đức" ->
    "NGUYEN VAN DUC"); other scripts are romanised."""
    text = text.replace("Đ", "D").replace("đ", "d")
    # Syllables of CJK scripts become separate words ("王小明" -> "WANG XIAO MING").
    ascii_text = "".join(f" {anyascii(ch)} " if ord(ch) >= 0x2E80 else anyascii(ch) for ch in text)
    letters = re.sub(r"[^A-Z ]+", " ", ascii_text.upper())
    return " ".join(letters.split())


def _fold(text: str) -> str:
    return official_name(text)


# --- cells -------------------------------------------------------------------------


def parse_date(value: Any) -> dt.date | None:
    """dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd, or a spreadsheet date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    match = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
    try:
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def validate_rows(kind: str, rows: list[RawRow], *, on_date: dt.date | None = None) -> ListReport:
    """Check every row and cell; report all errors. ``on_date`` is the day documents
    must still be valid (the ETA)."""
    report = ListReport(kind)
    if not rows:
        report.errors.append(CellError(0, "file", str(E_EMPTY)))
        return report
    if len(rows) > MAX_ROWS:
        report.errors.append(CellError(0, "file", str(E_TOO_MANY) % {"max": MAX_ROWS}))
        return report
    today = on_date or dt.date.today()
    seen_docs: dict[str, int] = {}
    for raw in rows:
        person, errors = _validate_row(kind, raw, today)
        number = person.get("doc_number") or ""
        if number:
            if number in seen_docs:
                errors.append(
                    CellError(raw.row, "doc_number", str(E_DUPLICATE) % {"row": seen_docs[number]})
                )
            else:
                seen_docs[number] = raw.row
        person["row"] = raw.row
        report.people.append(person)
        report.errors.extend(errors)
    if kind == CREW:
        masters = [p for p in report.people if _fold(p.get("rank", "")) in MASTER_RANKS]
        first = report.people[0]
        if not masters:
            report.errors.append(CellError(first["row"], "rank", str(E_NO_MASTER)))
        elif masters[0] is not first:
            report.errors.append(CellError(masters[0]["row"], "rank", str(E_MASTER_FIRST)))
    report.errors.sort(key=lambda e: (e.row, e.column))
    return report


def _validate_row(kind: str, raw: RawRow, today: dt.date) -> tuple[dict[str, Any], list[CellError]]:
    values = {key: raw.values.get(key) for key, _label in columns_for(kind)}
    errors: list[CellError] = []

    def err(column: str, message: Any) -> None:
        errors.append(CellError(raw.row, column, str(message)))

    person: dict[str, Any] = {
        key: _text(v) for key, v in values.items() if key not in ("birth_date", "doc_expiry")
    }
    for key in REQUIRED:
        if key in ("birth_date",):
            if values.get(key) in (None, "") or not str(values.get(key)).strip():
                err(key, E_REQUIRED)
        elif not person.get(key):
            err(key, E_REQUIRED)
    full = " ".join(p for p in (person["family_name"], person["given_names"]) if p)
    person["official_name"] = official_name(full)
    if person["family_name"] and not person["official_name"]:
        err("family_name", E_NAME)
    if person["nationality"]:
        code = to_icao(person["nationality"])
        if code is None:
            err("nationality", E_NATIONALITY)
        person["nationality"] = code or person["nationality"]
    if person["doc_issuing_state"]:
        code = to_icao(person["doc_issuing_state"])
        if code is None:
            err("doc_issuing_state", E_NATIONALITY)
        person["doc_issuing_state"] = code or person["doc_issuing_state"]
    elif person["nationality"] and to_icao(person["nationality"]):
        person["doc_issuing_state"] = person["nationality"]
    birth_raw = values.get("birth_date")
    person["birth_date"] = None
    if birth_raw not in (None, "") and str(birth_raw).strip():
        birth = parse_date(birth_raw)
        if birth is None:
            err("birth_date", E_DATE)
        elif birth > today:
            err("birth_date", E_BIRTH_FUTURE)
        person["birth_date"] = birth
    expiry_raw = values.get("doc_expiry")
    person["doc_expiry"] = None
    if expiry_raw not in (None, "") and str(expiry_raw).strip():
        expiry = parse_date(expiry_raw)
        if expiry is None:
            err("doc_expiry", E_DATE)
        elif expiry < today:
            err("doc_expiry", E_EXPIRED)
        person["doc_expiry"] = expiry
    if person["sex"]:
        sex = SEXES.get(_fold(person["sex"]))
        if sex is None:
            err("sex", E_SEX)
        person["sex"] = sex or person["sex"]
    if person["doc_type"]:
        doc_type = DOC_TYPES.get(_fold(person["doc_type"]))
        if doc_type is None:
            err("doc_type", E_DOC_TYPE)
        person["doc_type"] = doc_type or person["doc_type"]
    if person["doc_number"]:
        number = re.sub(r"[\s\-]", "", person["doc_number"]).upper()
        if not re.fullmatch(r"[A-Z0-9]{1,20}", number):
            err("doc_number", E_DOC_NUMBER)
        person["doc_number"] = number
    if kind == PASSENGER:
        for key in ("embark_port", "disembark_port"):
            port = person[key].replace(" ", "").upper()
            if port and not is_unlocode(port):
                err(key, E_PORT)
            person[key] = port
        transit = _fold(person["transit"])
        if transit not in YES | NO:
            err("transit", E_TRANSIT)
        person["transit"] = transit in YES
    else:
        person["rank"] = person.get("rank", "")
    return person, errors


# --- readers -----------------------------------------------------------------------


def _header_map(kind: str, header: list[Any]) -> dict[int, str]:
    known: dict[str, str] = {}
    for key, label in columns_for(kind):
        known[_fold(key.replace("_", " "))] = key
        known[_fold(label)] = key
        for part in label.split("/"):
            known[_fold(part)] = key
        known[_fold(str(COLUMN_LABELS[key]))] = key
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        found = known.get(_fold(_text(cell)))
        if found:
            mapping[index] = found
    if "family_name" not in mapping.values() or "doc_number" not in mapping.values():
        columns = ", ".join(label for _key, label in columns_for(kind))
        raise ValidationFailed(fields={"file": [str(E_HEADER) % {"columns": columns}]})
    return mapping


def _rows_from_table(kind: str, table: list[list[Any]]) -> list[RawRow]:
    # Skip leading blank lines; the first non-blank line is the header.
    start = 0
    while start < len(table) and not any(_text(c) for c in table[start]):
        start += 1
    if start >= len(table):
        return []
    mapping = _header_map(kind, table[start])
    rows: list[RawRow] = []
    for offset, line in enumerate(table[start + 1 :], start=start + 2):
        if not any(_text(c) for c in line):
            continue
        values = {key: line[i] if i < len(line) else None for i, key in mapping.items()}
        rows.append(RawRow(offset, values))
    return rows


def read_csv(kind: str, data: bytes) -> list[RawRow]:
    _check_size(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationFailed(fields={"file": [str(E_FILE) % {"kind": "CSV (UTF-8)"}]}) from error
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return _rows_from_table(kind, list(csv.reader(io.StringIO(text), delimiter=delimiter)))


def read_xlsx(kind: str, data: bytes) -> list[RawRow]:
    _check_size(data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        table = [list(r) for r in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise ValidationFailed(fields={"file": [str(E_FILE) % {"kind": "XLSX"}]}) from error
    return _rows_from_table(kind, table)


def _edifact_date(text: str, *, past: bool) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if len(digits) == 6:
        yy = int(digits[:2])
        century = 1900 if past and yy > dt.date.today().year % 100 else 2000
        return f"{century + yy:04d}-{digits[2:4]}-{digits[4:]}"
    return text


def _component(element: Any, index: int) -> str:
    if isinstance(element, list):
        return str(element[index]) if index < len(element) and element[index] else ""
    return str(element or "") if index == 0 else ""


def read_paxlst(kind: str, data: bytes) -> list[RawRow]:
    """Persons from an EDIFACT PAXLST message (segment group 4: NAD+FM crew, NAD+FL
    passengers), parsed with pydifact. Row numbers count persons from 1."""
    _check_size(data)
    from pydifact.segmentcollection import Interchange

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            segments = list(Interchange.from_str(text.strip()).segments)
    except Exception as error:  # pydifact raises EDISyntaxError and others
        raise ValidationFailed(
            fields={"file": [str(E_FILE) % {"kind": "EDIFACT PAXLST"}]}
        ) from error
    wanted = "FM" if kind == CREW else "FL"
    rows: list[RawRow] = []
    current: dict[str, Any] | None = None
    for segment in segments:
        tag, elements = segment.tag, list(segment.elements)
        first = _component(elements[0], 0) if elements else ""
        if tag == "NAD":
            current = None
            if (first in ("FM", "FL", "DDT", "DDU") and first == wanted) or (
                first in ("DDU",) and kind == CREW
            ):
                name = elements[3] if len(elements) > 3 else ""
                current = {
                    "family_name": _component(name, 0),
                    "given_names": " ".join(
                        _component(name, i) for i in range(1, 5) if _component(name, i)
                    ),
                }
                rows.append(RawRow(len(rows) + 1, current))
            continue
        if current is None:
            continue
        if tag == "ATT" and first == "2" and len(elements) > 2:
            current["sex"] = _component(elements[2], 0)
        elif tag == "DTM":
            qualifier = _component(elements[0], 0)
            value = _component(elements[0], 1)
            if qualifier == "329":
                current["birth_date"] = _edifact_date(value, past=True)
            elif qualifier == "36":
                current["doc_expiry"] = _edifact_date(value, past=False)
        elif tag == "LOC" and len(elements) > 1:
            value = _component(elements[1], 0)
            if first == "180":
                current["birth_place"] = value
            elif first == "91":
                current["doc_issuing_state"] = value
            elif first == "178":
                current["embark_port"] = value
            elif first == "179":
                current["disembark_port"] = value
        elif tag == "NAT" and len(elements) > 1:
            current["nationality"] = _component(elements[1], 0)
        elif tag == "EMP" and len(elements) > 1:
            current["rank"] = _component(elements[1], 3) or _component(elements[1], 0)
        elif tag == "DOC" and len(elements) > 1:
            current["doc_type"] = _component(elements[0], 0)
            current["doc_number"] = _component(elements[1], 0)
        elif tag == "CNT":
            current = None
    return rows


def _check_size(data: bytes) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise ValidationFailed(fields={"file": [str(E_FILE_SIZE)]})


def read_upload(kind: str, filename: str, data: bytes) -> list[RawRow]:
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return read_xlsx(kind, data)
    if name.endswith((".edi", ".edifact", ".txt", ".paxlst")) or data.lstrip().startswith(
        (b"UNA", b"UNB", b"UNH")
    ):
        return read_paxlst(kind, data)
    return read_csv(kind, data)


def rows_from_people(kind: str, people: list[dict[str, Any]]) -> list[RawRow]:
    """Rows typed in a form or sent as JSON (numbered from 1)."""
    keys = [key for key, _label in columns_for(kind)]
    return [
        RawRow(index, {key: person.get(key) for key in keys})
        for index, person in enumerate(people, start=1)
    ]


# --- templates ---------------------------------------------------------------------

EXAMPLE = {
    "family_name": "Nguyễn",
    "given_names": "Văn An",
    "rank": "Master",
    "nationality": "VNM",
    "birth_date": "12/05/1980",
    "birth_place": "Hải Phòng",
    "sex": "M",
    "doc_type": "P",
    "doc_number": "C1234567",
    "doc_issuing_state": "VNM",
    "doc_expiry": "31/12/2030",
    "visa": "",
    "embark_port": "CNSHA",
    "disembark_port": "VNCLN",
    "transit": "N",
}


def template_csv(kind: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _key, label in columns_for(kind)])
    writer.writerow([EXAMPLE[key] for key, _label in columns_for(kind)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx(kind: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "FAL5" if kind == CREW else "FAL6"
    sheet.append([label for _key, label in columns_for(kind)])
    sheet.append([EXAMPLE[key] for key, _label in columns_for(kind)])
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 22
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
