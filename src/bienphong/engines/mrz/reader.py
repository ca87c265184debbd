"""Read and validate the fields of a well-shaped MRZ according to a layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from . import codes as c
from . import countries, dates
from .checkdigits import check_char
from .layouts import Layout, Pos, Slot
from .result import Check, Issue, MrzFields, issue

_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NAME_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
_SEXES: Final = frozenset("MF<")
_ISO: Final = countries.ISO_ALPHA3


def split_name(field: str) -> tuple[str, str]:
    """Primary and secondary identifiers, '<' turned to spaces."""
    body = field.rstrip("<")
    k = body.find("<<")
    if k < 0:
        return " ".join(body.replace("<", " ").split()), ""
    surname = " ".join(body[:k].replace("<", " ").split())
    given = " ".join(body[k + 2 :].replace("<", " ").split())
    return surname, given


def clean_optional(raw: str) -> str:
    """Optional data with fillers shown as spaces and trailing/leading fillers dropped."""
    return raw.replace("<", " ").strip()


class Reader:
    """Collects checks, errors and warnings while fields are read."""

    __slots__ = ("checks", "errors", "lines", "reference", "warnings")

    def __init__(self, lines: Sequence[str], reference: dt.date) -> None:
        self.lines = lines
        self.reference = reference
        self.checks: list[Check] = []
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []

    def slot(self, s: Slot) -> str:
        return self.lines[s[0]][s[1] : s[2]]

    def char(self, p: Pos) -> str:
        return self.lines[p[0]][p[1]]

    def check(self, field: str, data: str, pos: Pos, filler_ok: bool = False) -> bool:
        """Compare the check digit at `pos` with the one computed over `data`."""
        given = self.lines[pos[0]][pos[1]]
        computed = check_char(data)
        ok = given == computed or (filler_ok and given == "<" and data.strip("<") == "")
        self.checks.append(Check(field, given, computed, ok))
        if not ok:
            self.errors.append(issue(c.CHECK_DIGIT, pos[0] + 1, pos[1] + 1, pos[1] + 1))
        return ok

    def date(self, s: Slot, expiry: bool) -> tuple[str, str | None]:
        raw = self.lines[s[0]][s[1] : s[2]]
        iso = dates.fast_iso(raw, self.reference, expiry)
        if iso is not None:
            return raw, iso
        parse = dates.expiry_date if expiry else dates.birth_date
        found, status = parse(raw, self.reference)
        if status == dates.INVALID:
            self.errors.append(issue(c.INVALID_DATE, s[0] + 1, s[1] + 1, s[2]))
        elif status == dates.PARTIAL:
            self.warnings.append(issue(c.PARTIAL_DATE, s[0] + 1, s[1] + 1, s[2]))
        return raw, found.isoformat() if found is not None else None

    def country(self, s: Slot) -> str:
        raw = self.lines[s[0]][s[1] : s[2]]
        if raw in _ISO:
            return raw
        code, kind = countries.classify(raw)
        if kind == countries.ISO:
            return code
        where = (s[0] + 1, s[1] + 1, s[2])
        if kind == countries.NON_ISO:
            self.warnings.append(issue(c.NON_ISO_CODE, *where))
        elif kind == countries.UNKNOWN:
            self.warnings.append(issue(c.UNKNOWN_COUNTRY_CODE, *where))
        else:
            self.errors.append(issue(c.INVALID_COUNTRY_CODE, *where))
        return code

    def document_code(self, letters: str) -> str:
        raw = self.lines[0][0:2]
        if raw[0] not in _LETTERS or raw[1] not in _NAME_CHARS:
            self.errors.append(issue(c.INVALID_DOCUMENT_CODE, 1, 1, 2))
        elif raw[0] not in letters:
            self.warnings.append(issue(c.UNEXPECTED_DOCUMENT_CODE, 1, 1, 2))
        return raw.rstrip("<")

    def name(self, s: Slot, truncation: bool = True) -> tuple[str, str]:
        field = self.lines[s[0]][s[1] : s[2]]
        if not _NAME_CHARS.issuperset(field):
            bad = [i for i, ch in enumerate(field) if ch not in _NAME_CHARS]
            self.errors.append(
                issue(c.INVALID_NAME, s[0] + 1, s[1] + bad[0] + 1, s[1] + bad[-1] + 1)
            )
        surname, given = split_name(field)
        if not surname and not given:
            self.warnings.append(issue(c.MISSING_NAME, s[0] + 1, s[1] + 1, s[2]))
        elif truncation and field[-1] != "<":
            self.warnings.append(issue(c.NAME_TRUNCATED, s[0] + 1, s[2], s[2]))
        return surname, given

    def sex(self, p: Pos) -> str:
        value = self.lines[p[0]][p[1]]
        if value not in _SEXES:
            if value == "X":
                self.warnings.append(issue(c.NONSTANDARD_SEX, p[0] + 1, p[1] + 1, p[1] + 1))
            else:
                self.errors.append(issue(c.INVALID_SEX, p[0] + 1, p[1] + 1, p[1] + 1))
        return value


def _document_number(r: Reader, lay: Layout) -> tuple[str, str]:
    """(document number, optional data) handling the TD1/TD2 long-number overflow."""
    raw = r.slot(lay.number)
    optional = r.slot(lay.optional)
    line, o_start, _ = lay.optional
    if lay.overflow and r.char(lay.number_check) == "<" and optional[0] != "<":
        k = optional.find("<")
        part = optional if k < 0 else optional[:k]
        number = raw + part[:-1]
        r.warnings.append(issue(c.LONG_DOCUMENT_NUMBER, line + 1, o_start + 1, o_start + len(part)))
        r.check("document_number", number, (line, o_start + len(part) - 1))
        rest = "" if k < 0 else optional[k + 1 :]
        return number.rstrip("<"), clean_optional(rest)
    r.check("document_number", raw, lay.number_check)
    number = raw.rstrip("<")
    if not number:
        n_line, n_start, n_end = lay.number
        r.errors.append(issue(c.INVALID_DOCUMENT_NUMBER, n_line + 1, n_start + 1, n_end))
    return number, optional.replace("<", " ").strip()


def read_fields(r: Reader, lay: Layout) -> MrzFields:
    """Read every field of `lay`, recording checks and issues on `r`."""
    document_code = r.document_code(lay.doc_letters)
    issuing_state = r.country((0, 2, 5))
    surname, given_names = r.name(lay.name_slot)
    number, optional = _document_number(r, lay)
    nationality = r.country(lay.nationality)
    birth_raw, birth_iso = r.date(lay.birth, False)
    r.check("birth_date", birth_raw, lay.birth_check)
    sex = r.sex(lay.sex)
    expiry_raw, expiry_iso = r.date(lay.expiry, True)
    r.check("expiry_date", expiry_raw, lay.expiry_check)
    if lay.optional_check is not None:
        r.check("optional_data", r.slot(lay.optional), lay.optional_check, filler_ok=True)
    optional2 = None if lay.optional2 is None else clean_optional(r.slot(lay.optional2))
    if lay.composite_check is not None:
        lines = r.lines
        data = "".join([lines[s[0]][s[1] : s[2]] for s in lay.composite])
        r.check("composite", data, lay.composite_check)
    return MrzFields(
        document_code,
        issuing_state,
        surname,
        given_names,
        number,
        nationality,
        birth_raw,
        birth_iso,
        sex,
        expiry_raw,
        expiry_iso,
        optional,
        optional2,
    )
