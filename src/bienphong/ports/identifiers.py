"""Pure checks for vessel and port identifiers (no Django, no I/O)."""

from __future__ import annotations

import re

_IMO = re.compile(r"^(?:IMO\s*)?(\d{7})$")
_UNLOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")


def imo_check_digit(first_six: str) -> int:
    """The IMO check digit: digits weighted 7..2, the sum's last digit."""
    if len(first_six) != 6 or not first_six.isdigit():
        raise ValueError("six digits expected")
    return sum(int(d) * w for d, w in zip(first_six, range(7, 1, -1), strict=True)) % 10


def normalise_imo(text: str) -> str | None:
    """The seven-digit IMO number if ``text`` is one with a correct check digit."""
    match = _IMO.match((text or "").strip().upper())
    if not match:
        return None
    digits = match.group(1)
    return digits if imo_check_digit(digits[:6]) == int(digits[6]) else None


def is_unlocode(text: str) -> bool:
    """Shape of a UN/LOCODE: country (2 letters) + location (3 letters or digits 2-9)."""
    return bool(_UNLOCODE.match(text or ""))
