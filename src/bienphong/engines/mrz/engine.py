"""Public entry points: parse_mrz, check_expiry, split_documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

from . import codes as c
from . import fast
from . import profiles as prof
from .layouts import LAYOUTS
from .normalize import TD1, normalize
from .reader import Reader, read_fields
from .repair import repair_lines
from .result import EMPTY_FIELDS, Issue, MrzFields, MrzResult, Repair, issue

INTERNAL_ERROR: Final = "internal_error"


def _profile_issue(code: str, name: str) -> Issue:
    return Issue(code, f"{c.MESSAGES[code]} ({name})")


def _apply_profiles(
    active: tuple[str, ...], fmt: str, lines: list[str], ref: dt.date, r: Reader, f: MrzFields
) -> tuple[Reader, MrzFields, str | None]:
    used: str | None = None
    for name in active:
        if not prof.matches(name, fmt, lines):
            continue
        if name == prof.VNM_CCCD:
            f = prof.extend_vnm(r, f)
        elif r.errors:
            alt_r, alt_f = prof.read_replacing(name, lines, ref)
            if len(alt_r.errors) >= len(r.errors):
                continue
            r, f = alt_r, alt_f
        else:
            continue
        used = name
        r.warnings.append(_profile_issue(c.PROFILE_APPLIED, name))
        break
    if used is None and r.errors:
        for name in sorted(prof.REPLACING - set(active)):
            if (
                prof.matches(name, fmt, lines)
                and not prof.read_replacing(name, lines, ref)[0].errors
            ):
                r.warnings.append(_profile_issue(c.PROFILE_AVAILABLE, name))
    return r, f, used


def _parse(
    text: object, reference_date: dt.date, repair: bool, lenient: bool, profiles: Iterable[object]
) -> MrzResult:
    norm = normalize(text)
    active: tuple[str, ...] = ()
    warnings = norm.warnings
    if lenient or profiles:
        active, profile_warnings = prof.resolve(lenient, profiles)
        warnings = warnings + profile_warnings
    fmt = norm.fmt
    if fmt is None:
        return MrzResult(
            type=norm.guess,
            valid=False,
            fields=EMPTY_FIELDS,
            errors=tuple(norm.errors),
            warnings=tuple(warnings),
            lines=tuple(norm.lines),
        )
    lines = norm.lines
    layout = LAYOUTS[fmt]
    repairs: tuple[Repair, ...] = ()
    quick = None
    if not norm.errors:
        if repair:
            lines, repairs = repair_lines(lines, layout)
        if fmt == TD1:
            quick = fast.read_td1(lines, reference_date)
        else:
            quick = fast.read_two_row(lines, layout, reference_date)
    r = Reader(lines, reference_date)
    if quick is not None:
        fields, r.checks = quick
    else:
        fields = read_fields(r, layout)
    used = None
    if active or r.errors:
        r, fields, used = _apply_profiles(active, fmt, lines, reference_date, r, fields)
    errors = norm.errors + r.errors if norm.errors else r.errors
    return MrzResult(
        type=fmt,
        valid=not errors,
        fields=fields,
        checks=tuple(r.checks),
        errors=tuple(errors),
        warnings=tuple(warnings + r.warnings) if r.warnings else tuple(warnings),
        repairs=repairs,
        lines=tuple(lines),
        profile=used,
    )


def parse_mrz(
    text: str,
    *,
    reference_date: dt.date,
    repair: bool = False,
    lenient: bool = False,
    profiles: Iterable[str] = (),
) -> MrzResult:
    """Parse and validate one MRZ. Never raises; problems are in `errors`/`warnings`.

    `reference_date` fixes the century of two-digit years (birth dates not after it,
    expiry dates at most 20 years after it). `repair` fixes OCR letter/digit confusions
    in numeric fields where check digits confirm them. `lenient` enables every issuer
    profile; `profiles` enables the named ones (see `profiles.PROFILES`).
    """
    try:
        return _parse(text, reference_date, repair, lenient, profiles)
    except Exception:  # a safety net: the engine must never raise on input
        bug = Issue(INTERNAL_ERROR, "Internal error while reading the MRZ.")
        return MrzResult(type=None, valid=False, fields=EMPTY_FIELDS, errors=(bug,))


def check_expiry(result: MrzResult, today: dt.date) -> Issue | None:
    """Policy check: None if the document is valid on `today` (expiry day included)."""
    layout = LAYOUTS.get(result.type or "")
    where: tuple[int | None, int | None, int | None] = (None, None, None)
    if layout is not None and result.profile != prof.FRA_CNI_1988:
        line, start, end = layout.expiry
        where = (line + 1, start + 1, end)
    iso = result.fields.expiry_date_iso
    if iso is None:
        return issue(c.EXPIRY_UNKNOWN, *where)
    if dt.date.fromisoformat(iso) < today:
        return issue(c.EXPIRED, *where)
    return None


def split_documents(text: str) -> list[str]:
    """Split text holding several MRZs separated by blank lines, in input order."""
    documents: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip():
            current.append(line)
        elif current:
            documents.append("\n".join(current))
            current = []
    if current:
        documents.append("\n".join(current))
    return documents
