"""Input clean-up and layout detection: case, whitespace, line breaks, lengths, characters."""

from __future__ import annotations

from typing import Final

from . import codes as c
from .result import Issue, issue

TD1: Final = "TD1"
TD2: Final = "TD2"
TD3: Final = "TD3"
MRVA: Final = "MRV-A"
MRVB: Final = "MRV-B"

ALLOWED: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_ALLOWED_LF: Final = ALLOWED | {"\n"}
_UPPER: Final = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Total characters -> (lines, width), for MRZs typed without (or with odd) line breaks.
_BY_TOTAL: Final = {90: (3, 30), 72: (2, 36), 88: (2, 44)}
_TWO_LINE_WIDTHS: Final = (36, 44)
_MAX_CHAR_ERRORS: Final = 20


def format_of(rows: int, width: int, first: str) -> str:
    """Format name for a layout; visas are the 2-line formats whose code starts with V."""
    if rows == 3:
        return TD1
    if width == 44:
        return MRVA if first == "V" else TD3
    return MRVB if first == "V" else TD2


class Normalized:
    """Cleaned lines plus what was found; `fmt` is None when the layout is wrong."""

    __slots__ = ("errors", "fmt", "guess", "lines", "warnings")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.fmt: str | None = None
        self.guess: str | None = None
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []


def _clean_lines(text: str, out: Normalized) -> list[str]:
    lines: list[str] = []
    blank_inside = False
    case_warned = space_warned = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if lines:
                blank_inside = True
            continue
        if not ALLOWED.issuperset(line):
            number = len(lines) + 1
            if not space_warned and any(ch.isspace() for ch in line):
                col = next(i for i, ch in enumerate(line) if ch.isspace()) + 1
                out.warnings.append(issue(c.WHITESPACE, number, col, col))
                space_warned = True
            line = "".join(line.split())
            upper = line.translate(_UPPER)
            if upper != line:
                if not case_warned:
                    col = next(
                        i for i, (a, b) in enumerate(zip(line, upper, strict=True)) if a != b
                    )
                    out.warnings.append(issue(c.LOWERCASE, number, col + 1, col + 1))
                    case_warned = True
                line = upper
        lines.append(line)
    if blank_inside and len(lines) > 1:
        out.warnings.append(issue(c.LINE_BREAKS))
    return lines


def _illegal(lines: list[str], out: Normalized) -> None:
    count = 0
    for number, line in enumerate(lines, 1):
        if ALLOWED.issuperset(line):
            continue
        start = -1
        for i, ch in enumerate(line):
            bad = ch not in ALLOWED
            if bad and start < 0:
                start = i
            elif not bad and start >= 0:
                out.errors.append(issue(c.ILLEGAL_CHARACTER, number, start + 1, i))
                start = -1
                count += 1
            if count >= _MAX_CHAR_ERRORS:
                return
        if start >= 0:
            out.errors.append(issue(c.ILLEGAL_CHARACTER, number, start + 1, len(line)))
            count += 1


def _length_errors(lines: list[str], width: int, out: Normalized) -> None:
    for number, line in enumerate(lines, 1):
        size = len(line)
        if size < width:
            out.errors.append(issue(c.LINE_LENGTH, number, size + 1, width))
        elif size > width:
            out.errors.append(issue(c.LINE_LENGTH, number, width + 1, size))


def clean_layout(text: str) -> tuple[list[str], str] | None:
    """(lines, format) when `text` is already a clean LF-separated MRZ, else None."""
    lines = text.split("\n")
    if not lines[-1]:  # one trailing newline is common and harmless
        lines.pop()
    rows = len(lines)
    if rows < 2:
        return None
    width = len(lines[0])
    if rows == 2:
        shaped = (width == 44 or width == 36) and len(lines[1]) == width
    else:
        shaped = rows == 3 and width == 30 and len(lines[1]) == 30 and len(lines[2]) == 30
    if shaped and _ALLOWED_LF.issuperset(text):
        return lines, format_of(rows, width, lines[0][0])
    return None


def normalize(text: object) -> Normalized:
    """Clean `text` and find its layout; never raises."""
    out = Normalized()
    if not isinstance(text, str):
        out.errors.append(issue(c.NOT_TEXT))
        return out
    lines = _clean_lines(text, out)
    count = len(lines)
    if count == 0:
        out.errors.append(issue(c.EMPTY))
        return out
    lens = [len(line) for line in lines]
    first = lines[0][:1]
    if count == 3 and lens == [30, 30, 30]:
        out.fmt = TD1
    elif count == 2 and lens[0] == lens[1] and lens[0] in _TWO_LINE_WIDTHS:
        out.fmt = format_of(2, lens[0], first)
    else:
        total = sum(lens)
        layout = _BY_TOTAL.get(total)
        keep = layout is not None and layout[0] == 3 and count == 2
        if layout is not None and not (keep and any(n in _TWO_LINE_WIDTHS for n in lens)):
            rows, width = layout
            joined = "".join(lines)
            lines = [joined[i * width : (i + 1) * width] for i in range(rows)]
            out.warnings.append(issue(c.LINE_BREAKS))
            out.fmt = format_of(rows, width, first)
        elif count == 3:
            out.guess = TD1
            _length_errors(lines, 30, out)
        elif count == 2:
            if lens[0] in _TWO_LINE_WIDTHS:
                width = lens[0]
            elif lens[1] in _TWO_LINE_WIDTHS:
                width = lens[1]
            else:
                width = min(_TWO_LINE_WIDTHS, key=lambda w: abs(w - max(lens)))
            out.guess = format_of(2, width, first)
            _length_errors(lines, width, out)
        else:
            out.errors.append(issue(c.LINE_COUNT))
    out.lines = lines
    _illegal(lines, out)
    if out.fmt is not None:
        out.guess = out.fmt
    return out
