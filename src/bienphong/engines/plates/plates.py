"""Vietnamese and Chinese plate formats.

Vietnam: a two-digit province code (11-99, Quảng Ninh = 14), a series of one or two
letters (optionally followed by a digit, e.g. ``51F1``), then 4 or 5 digits, written
``14A-123.45`` or ``14A-1234``. Diplomatic and special series (NG, NN, LD, KT…) follow the
same shape. China: a province character (桂 = Guangxi), a letter of the issuing city
(never I or O), then 5 letters/digits; new-energy plates have 6, starting with D or F
(small vehicles) or ending with D or F (large vehicles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

VN_PROVINCE_CODES: Final = frozenset(
    [str(n) for n in range(11, 100) if n not in (13, 42, 44, 45, 46, 87, 91, 96)]
)
CN_PROVINCES: Final = frozenset("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新")

_VN: Final = re.compile(r"^(\d{2})([A-Z]{1,2}\d?)-(\d{3}\.?\d{2}|\d{4})$")
# Without a separator "14A12345" reads as 14A-123.45, not 14A1-2345.
_VN_COMPACT: Final = (
    re.compile(r"^(\d{2})([A-Z]{1,2})(\d{3}\.?\d{2})$"),
    re.compile(r"^(\d{2})([A-Z]{1,2}\d?)(\d{3}\.?\d{2}|\d{4})$"),
)
_CN: Final = re.compile(r"^([\u4e00-\u9fff])([A-HJ-NP-Z])[·•\-\s]?([A-HJ-NP-Z0-9]{5,6})$")


@dataclass(frozen=True)
class PlateResult:
    valid: bool
    country: str = ""
    normalised: str = ""
    display: str = ""
    new_energy: bool = False
    errors: tuple[str, ...] = field(default_factory=tuple)


def _vietnamese(text: str) -> PlateResult:
    match = _VN.match(text.replace(" ", "-"))
    compact = text.replace(" ", "").replace("-", "")
    for pattern in _VN_COMPACT:
        match = match or pattern.match(compact)
    if match is None:
        return PlateResult(False, "VNM", errors=("vn_format",))
    province, series, number = match.groups()
    digits = number.replace(".", "")
    if province not in VN_PROVINCE_CODES:
        return PlateResult(False, "VNM", errors=("vn_province",))
    display = (
        f"{province}{series}-{digits[:3]}.{digits[3:]}"
        if len(digits) == 5
        else (f"{province}{series}-{digits}")
    )
    return PlateResult(True, "VNM", f"{province}{series}{digits}", display)


def _chinese(text: str) -> PlateResult:
    match = _CN.match(text)
    if match is None:
        return PlateResult(False, "CHN", errors=("cn_format",))
    province, city, rest = match.groups()
    if province not in CN_PROVINCES:
        return PlateResult(False, "CHN", errors=("cn_province",))
    new_energy = len(rest) == 6
    if new_energy and not (rest[0] in "DF" or rest[-1] in "DF"):
        return PlateResult(False, "CHN", errors=("cn_new_energy",))
    return PlateResult(
        True, "CHN", f"{province}{city}{rest}", f"{province}{city}·{rest}", new_energy
    )


def parse_plate(raw: str, country: str | None = None) -> PlateResult:
    """Validate a plate; ``country`` (VNM/CHN) when known, else inferred from the text."""
    text = " ".join((raw or "").upper().split())
    if not text:
        return PlateResult(False, country or "", errors=("empty",))
    compact = text.replace(" ", "")
    is_chinese = bool(compact) and "\u4e00" <= compact[0] <= "\u9fff"
    if country == "CHN" or (country is None and is_chinese):
        return _chinese(compact)
    if country in (None, "VNM"):
        return _vietnamese(text)
    return PlateResult(False, country, errors=("unsupported_country",))
