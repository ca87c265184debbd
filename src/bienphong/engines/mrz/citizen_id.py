"""Vietnamese citizen ID number (số định danh cá nhân / CCCD): 12 digits.

Layout: 3-digit province code of birth registration, 1 digit for century and sex
(0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s),
2 digits year of birth, 6 digits serial. Province codes: Circular 07/2016/TT-BCA.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

PROVINCES: Final[dict[str, str]] = {
    "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
    "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
    "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
    "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
    "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
    "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
    "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
    "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
    "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
    "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
    "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
    "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu", "079": "Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
    "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
    "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
    "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
}  # fmt: skip

_DIGITS: Final = frozenset("0123456789")


@dataclass(frozen=True, slots=True)
class CitizenId:
    number: str
    province_code: str
    province: str | None
    sex: str  # "M" or "F"
    birth_year: int
    serial: str


def decode_citizen_id(number: str) -> CitizenId | None:
    """Decode a 12-digit number; None when it is not 12 ASCII digits."""
    if len(number) != 12 or not _DIGITS.issuperset(number):
        return None
    gender = int(number[3])
    return CitizenId(
        number=number,
        province_code=number[:3],
        province=PROVINCES.get(number[:3]),
        sex="F" if gender % 2 else "M",
        birth_year=1900 + 100 * (gender // 2) + int(number[4:6]),
        serial=number[6:],
    )


def citizen_id_problems(
    number: str, birth_date: dt.date | None = None, sex: str | None = None
) -> list[tuple[str, str]]:
    """(code, field) pairs for everything wrong with `number`; empty when valid."""
    decoded = decode_citizen_id(number)
    if decoded is None:
        return [("invalid_format", "number")]
    found: list[tuple[str, str]] = []
    if decoded.province is None:
        found.append(("unknown_province", "number"))
    if birth_date is not None and birth_date.year != decoded.birth_year:
        found.append(("birth_year_mismatch", "birth_date"))
    if sex in ("M", "F") and sex != decoded.sex:
        found.append(("sex_mismatch", "sex"))
    return found
