"""Nationality codes: what people type (ICAO code, ISO alpha-2, a country name in English
or Vietnamese) to the ICAO 3-letter code used on travel documents."""

from __future__ import annotations

from functools import lru_cache

import pycountry

from bienphong.text import strip_diacritics

# ICAO Doc 9303 codes that are not ISO 3166 alpha-3.
ICAO_EXTRA = {
    "D": "D",  # Germany on its own documents
    "GBD": "GBD",
    "GBN": "GBN",
    "GBO": "GBO",
    "GBP": "GBP",
    "GBS": "GBS",
    "UNO": "UNO",
    "UNA": "UNA",
    "UNK": "UNK",
    "XXA": "XXA",
    "XXB": "XXB",
    "XXC": "XXC",
    "XXX": "XXX",
    "EUE": "EUE",
    "RKS": "RKS",
    "XOM": "XOM",
    "XPO": "XPO",
    "XCC": "XCC",
    "XES": "XES",
    "XMP": "XMP",
    "XIM": "XIM",
    "XDC": "XDC",
    "XBA": "XBA",
}

# Names officers and agents commonly type in Vietnamese (without diacritics after folding).
VIETNAMESE_NAMES = {
    "viet nam": "VNM",
    "trung quoc": "CHN",
    "dai loan": "TWN",
    "hong kong": "HKG",
    "ma cao": "MAC",
    "han quoc": "KOR",
    "trieu tien": "PRK",
    "nhat ban": "JPN",
    "nga": "RUS",
    "lien bang nga": "RUS",
    "my": "USA",
    "hoa ky": "USA",
    "anh": "GBR",
    "phap": "FRA",
    "duc": "DEU",
    "uc": "AUS",
    "an do": "IND",
    "thai lan": "THA",
    "lao": "LAO",
    "campuchia": "KHM",
    "philippines": "PHL",
    "indonesia": "IDN",
    "malaysia": "MYS",
    "singapore": "SGP",
    "myanmar": "MMR",
    "ukraina": "UKR",
    "ba lan": "POL",
    "y": "ITA",
    "tay ban nha": "ESP",
    "ha lan": "NLD",
    "canada": "CAN",
}


def _fold(text: str) -> str:
    return " ".join(strip_diacritics(text).lower().split())


@lru_cache(maxsize=4096)
def to_icao(text: str) -> str | None:
    """The ICAO 3-letter code for ``text``, or None if it names no country."""
    raw = (text or "").strip()
    if not raw:
        return None
    upper = raw.upper()
    folded = _fold(raw)
    # "Nga" (Russia in Vietnamese) is also NGA (Nigeria): a code only when typed as one.
    if raw != upper and folded in VIETNAMESE_NAMES:
        return VIETNAMESE_NAMES[folded]
    if upper in ICAO_EXTRA:
        return ICAO_EXTRA[upper]
    if len(upper) == 3 and pycountry.countries.get(alpha_3=upper):
        return upper
    if len(upper) == 2:
        country = pycountry.countries.get(alpha_2=upper)
        return country.alpha_3 if country else None
    if folded in VIETNAMESE_NAMES:
        return VIETNAMESE_NAMES[folded]
    try:
        return str(pycountry.countries.lookup(raw).alpha_3)
    except LookupError:
        return None
