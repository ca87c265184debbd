"""Optional OCR repair of numeric fields, accepted only where check digits confirm it."""

from __future__ import annotations

from typing import Final

from .checkdigits import check_char
from .layouts import Layout, Pos, Slot
from .result import Repair

# Letters OCR confuses with digits (numeric fields only ever get the digit).
TO_DIGIT: Final = {"O": "0", "I": "1", "B": "8", "S": "5", "Z": "2", "G": "6"}
TO_LETTER: Final = {v: k for k, v in TO_DIGIT.items()}
_DIGITS: Final = frozenset("0123456789")


def _try_field(rows: list[list[str]], slot: Slot, pos: Pos, name: str, out: list[Repair]) -> None:
    """Repair a date field and its check digit when the repaired pair agrees."""
    line, start, end = slot
    cells = [(line, i) for i in range(start, end)] + [pos]
    chars = [rows[ln][col] for ln, col in cells]
    if not any(ch in TO_DIGIT for ch in chars):
        return
    fixed = [TO_DIGIT.get(ch, ch) for ch in chars]
    data, digit = "".join(fixed[:-1]), fixed[-1]
    if not _DIGITS.issuperset(data) or check_char(data) != digit:
        return
    for (ln, col), old, new in zip(cells, chars, fixed, strict=True):
        if old != new:
            rows[ln][col] = new
            field = name if (ln, col) != pos else name + "_check_digit"
            out.append(Repair(ln + 1, col + 1, old, new, field))


def _try_digit(rows: list[list[str]], data: str, pos: Pos, name: str, out: list[Repair]) -> None:
    """Repair a lone check digit read as a letter when the digit matches the data."""
    old = rows[pos[0]][pos[1]]
    new = TO_DIGIT.get(old)
    if new is not None and check_char(data) == new:
        rows[pos[0]][pos[1]] = new
        out.append(Repair(pos[0] + 1, pos[1] + 1, old, new, name + "_check_digit"))


def _text(rows: list[list[str]], slot: Slot) -> str:
    return "".join(rows[slot[0]][slot[1] : slot[2]])


def repair_lines(lines: list[str], lay: Layout) -> tuple[list[str], tuple[Repair, ...]]:
    """Return repaired lines and the list of repairs (empty when nothing was confirmed)."""
    rows = [list(line) for line in lines]
    out: list[Repair] = []
    _try_field(rows, lay.birth, lay.birth_check, "birth_date", out)
    _try_field(rows, lay.expiry, lay.expiry_check, "expiry_date", out)
    if rows[lay.number_check[0]][lay.number_check[1]] != "<":
        _try_digit(rows, _text(rows, lay.number), lay.number_check, "document_number", out)
    if lay.optional_check is not None:
        _try_digit(rows, _text(rows, lay.optional), lay.optional_check, "optional_data", out)
    if lay.composite_check is not None:
        data = "".join(_text(rows, s) for s in lay.composite)
        _try_digit(rows, data, lay.composite_check, "composite", out)
    if not out:
        return lines, ()
    return ["".join(row) for row in rows], tuple(out)
