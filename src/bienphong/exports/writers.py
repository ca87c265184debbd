"""Write rows to CSV (UTF-8 with BOM) or XLSX (openpyxl write-only), one row at a time.

Cells are made safe for spreadsheets: text starting with a formula trigger is prefixed
with an apostrophe (OWASP "CSV injection"), times are shown in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from django.utils import timezone
from django.utils.translation import gettext as _

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def safe_text(value: str) -> str:
    """Neutralise a cell a spreadsheet would evaluate as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def cell(value: Any) -> Any:
    """A Python value as a spreadsheet cell: numbers stay numbers, times become local."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, list | tuple | set):
        return safe_text("; ".join(str(v) for v in value))
    return safe_text(str(value))


def text_cell(value: Any) -> str:
    value = cell(value)
    if isinstance(value, dt.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class RowWriter(Protocol):
    def write(self, values: Iterable[Any]) -> None: ...


class _CsvWriter:
    def __init__(self, stream: Any):
        self._writer = csv.writer(stream)

    def write(self, values: Iterable[Any]) -> None:
        self._writer.writerow([text_cell(v) for v in values])


class _XlsxWriter:
    def __init__(self, sheet: Any):
        self._sheet = sheet

    def write(self, values: Iterable[Any]) -> None:
        self._sheet.append([cell(v) for v in values])


@contextmanager
def open_writer(path: Path, file_format: str, *, title: str) -> Iterator[RowWriter]:
    """A writer for ``path``; the file is complete when the block exits normally."""
    if file_format == "csv":
        # utf-8-sig writes the BOM Excel needs to read UTF-8.
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            yield _CsvWriter(stream)
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    yield _XlsxWriter(sheet)
    workbook.save(path)


def _sheet_title(title: str) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return (cleaned or "Export")[:31]
