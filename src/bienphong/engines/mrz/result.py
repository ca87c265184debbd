"""Result types of the MRZ engine; `MrzResult.to_dict()` is the public JSON shape.

Parts are immutable named tuples (cheap to build); the result itself is a frozen dataclass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from .codes import MESSAGES


class Issue(NamedTuple):
    """An error or warning; line and columns are 1-based, end inclusive."""

    code: str
    message: str
    line: int | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "line": self.line,
            "start": self.start,
            "end": self.end,
        }


def issue(
    code: str, line: int | None = None, start: int | None = None, end: int | None = None
) -> Issue:
    """Build an Issue with the constant message of `code`."""
    return Issue(code, MESSAGES[code], line, start, end)


class Check(NamedTuple):
    field: str
    given: str
    computed: str
    ok: bool

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "given": self.given, "computed": self.computed, "ok": self.ok}


class Repair(NamedTuple):
    line: int
    column: int
    from_: str
    to: str
    field: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "column": self.column,
            "from": self.from_,
            "to": self.to,
            "field": self.field,
        }


class MrzFields(NamedTuple):
    document_code: str | None = None
    issuing_state: str | None = None
    surname: str | None = None
    given_names: str | None = None
    document_number: str | None = None
    nationality: str | None = None
    birth_date: str | None = None
    birth_date_iso: str | None = None
    sex: str | None = None
    expiry_date: str | None = None
    expiry_date_iso: str | None = None
    optional_data: str | None = None
    optional_data_2: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_code": self.document_code,
            "issuing_state": self.issuing_state,
            "surname": self.surname,
            "given_names": self.given_names,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "birth_date": self.birth_date,
            "birth_date_iso": self.birth_date_iso,
            "sex": self.sex,
            "expiry_date": self.expiry_date,
            "expiry_date_iso": self.expiry_date_iso,
            "optional_data": self.optional_data,
            "optional_data_2": self.optional_data_2,
        }


EMPTY_FIELDS = MrzFields()


@dataclass(frozen=True)
class MrzResult:
    """Outcome of `parse_mrz`. `lines` and `profile` are extras, not part of `to_dict()`."""

    type: str | None
    valid: bool
    fields: MrzFields
    checks: tuple[Check, ...] = ()
    errors: tuple[Issue, ...] = ()
    warnings: tuple[Issue, ...] = ()
    repairs: tuple[Repair, ...] = ()
    lines: tuple[str, ...] = ()
    profile: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "valid": self.valid,
            "fields": self.fields.to_dict(),
            "checks": [c.to_dict() for c in self.checks],
            "errors": [e.to_dict() for e in self.errors],
            "warnings": [w.to_dict() for w in self.warnings],
            "repairs": [r.to_dict() for r in self.repairs],
        }
