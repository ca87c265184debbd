"""Field positions of the ICAO 9303 MRZ formats (0-based line, start, end-exclusive)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .normalize import MRVA, MRVB, TD1, TD2, TD3

Slot = tuple[int, int, int]
Pos = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Layout:
    name: str
    name_slot: Slot
    number: Slot
    number_check: Pos
    nationality: Slot
    birth: Slot
    birth_check: Pos
    sex: Pos
    expiry: Slot
    expiry_check: Pos
    optional: Slot
    optional_check: Pos | None
    optional2: Slot | None
    composite: tuple[Slot, ...]
    composite_check: Pos | None
    overflow: bool
    doc_letters: str  # expected first letters of the document code


def _two_row(
    name: str,
    width: int,
    optional_check: Pos | None,
    composite: tuple[Slot, ...],
    overflow: bool,
    doc_letters: str,
) -> Layout:
    """Layout of a 2-line format: all share the line-2 positions up to the optional data."""
    optional_end = width - (1 if composite else 0) - (1 if optional_check else 0)
    return Layout(
        name=name,
        name_slot=(0, 5, width),
        number=(1, 0, 9),
        number_check=(1, 9),
        nationality=(1, 10, 13),
        birth=(1, 13, 19),
        birth_check=(1, 19),
        sex=(1, 20),
        expiry=(1, 21, 27),
        expiry_check=(1, 27),
        optional=(1, 28, optional_end),
        optional_check=optional_check,
        optional2=None,
        composite=composite,
        composite_check=(1, width - 1) if composite else None,
        overflow=overflow,
        doc_letters=doc_letters,
    )


TD1_LAYOUT: Final = Layout(
    name=TD1,
    name_slot=(2, 0, 30),
    number=(0, 5, 14),
    number_check=(0, 14),
    nationality=(1, 15, 18),
    birth=(1, 0, 6),
    birth_check=(1, 6),
    sex=(1, 7),
    expiry=(1, 8, 14),
    expiry_check=(1, 14),
    optional=(0, 15, 30),
    optional_check=None,
    optional2=(1, 18, 29),
    composite=((0, 5, 30), (1, 0, 7), (1, 8, 15), (1, 18, 29)),
    composite_check=(1, 29),
    overflow=True,
    doc_letters="IAC",
)
TD2_LAYOUT: Final = _two_row(TD2, 36, None, ((1, 0, 10), (1, 13, 20), (1, 21, 35)), True, "IAC")
TD3_LAYOUT: Final = _two_row(TD3, 44, (1, 42), ((1, 0, 10), (1, 13, 20), (1, 21, 43)), False, "P")
MRVA_LAYOUT: Final = _two_row(MRVA, 44, None, (), False, "V")
MRVB_LAYOUT: Final = _two_row(MRVB, 36, None, (), False, "V")

LAYOUTS: Final[dict[str, Layout]] = {
    TD1: TD1_LAYOUT,
    TD2: TD2_LAYOUT,
    TD3: TD3_LAYOUT,
    MRVA: MRVA_LAYOUT,
    MRVB: MRVB_LAYOUT,
}
