"""Public entry points: parse_mrz, check_expiry, split_documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from . import codes as c
from . import fast
from . import profiles as prof
from .layouts import LAYOUTS
from .normalize import TD1, clean_layout, normalize
from .reader import Reader, read_fields
from .repair import repair_lines
from .result import EMPTY_FIELDS, Check, Issue, MrzFields, MrzResult, Repair, issue

_new = object.__new__
_setattr = object.__setattr__


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
        for name in prof.REPLACING:
            if (
                name not in active
                and prof.matches(name, fmt, lines)
                and not prof.read_replacing(name, lines, ref)[0].errors
            ):
                r.warnings.append(_profile_issue(c.PROFILE_AVAILABLE, name))
    return r, f, used


def _ordered(items: Sequence[Issue]) -> tuple[Issue, ...]:
    """Issues in reading order: by line, then column (issues without a place first)."""
    if len(items) < 2:
        return tuple(items)
    return tuple(sorted(items, key=lambda i: (i.line or 0, i.start or 0)))


def _result(
    fmt: str,
    fields: MrzFields,
    checks: list[Check],
    errors: Sequence[Issue],
    warnings: Sequence[Issue],
    repairs: tuple[Repair, ...],
    lines: list[str],
    profile: str | None,
) -> MrzResult:
    """Build the result without the per-field cost of the frozen dataclass __init__."""
    result: MrzResult = _new(MrzResult)
    _setattr(
        result,
        "__dict__",
        {
            "type": fmt,
            "valid": not errors,
            "fields": fields,
            "checks": tuple(checks),
            "errors": _ordered(errors) if len(errors) > 1 else tuple(errors),
            "warnings": _ordered(warnings) if len(warnings) > 1 else tuple(warnings),
            "repairs": repairs,
            "lines": tuple(lines),
            "profile": profile,
        },
    )
    return result


def _parse(
    text: object, reference_date: dt.date, repair: bool, lenient: bool, profiles: Iterable[object]
) -> MrzResult:
    clean = clean_layout(text) if type(text) is str else None
    if clean is not None:
        lines, fmt = clean
        base_errors: list[Issue] = []
        warnings: list[Issue] = []
    else:
        norm = normalize(text)
        if norm.fmt is None:
            warnings = norm.warnings + prof.resolve(lenient, profiles)[1]
            return MrzResult(
                type=norm.guess,
                valid=False,
                fields=EMPTY_FIELDS,
                errors=tuple(norm.errors),
                warnings=tuple(warnings),
                lines=tuple(norm.lines),
            )
        lines, fmt, base_errors, warnings = norm.lines, norm.fmt, norm.errors, norm.warnings
    active: tuple[str, ...] = ()
    if lenient or profiles:
        active, profile_warnings = prof.resolve(lenient, profiles)
        warnings = warnings + profile_warnings
    layout = LAYOUTS[fmt]
    repairs: tuple[Repair, ...] = ()
    quick = None
    if not base_errors:
        if repair:
            lines, repairs = repair_lines(lines, layout)
        if fmt == TD1:
            quick = fast.read_td1(lines, reference_date)
        else:
            quick = fast.read_two_row(lines, layout, reference_date)
    if quick is not None and not active and not quick[2]:
        fields, checks, _, found = quick
        return _result(fmt, fields, checks, (), warnings + found, repairs, lines, None)
    r = Reader(lines, reference_date)
    if quick is not None:
        fields, r.checks, r.errors, r.warnings = quick
    else:
        fields = read_fields(r, layout)
    used = None
    if active or r.errors:
        r, fields, used = _apply_profiles(active, fmt, lines, reference_date, r, fields)
    errors = base_errors + r.errors
    return _result(fmt, fields, r.checks, errors, warnings + r.warnings, repairs, lines, used)


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
        return MrzResult(
            type=None, valid=False, fields=EMPTY_FIELDS, errors=(issue(c.INTERNAL_ERROR),)
        )


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
