"""Per-address limit on public declaration submissions (page and API share it).

The rate comes from ``BIENPHONG_DECLARATION_RATE`` (``"10/hour"`` by default; also
``"N/minute"``, ``"N/day"`` or ``"N/<seconds>"``) and is read at each call, so operators
change it without a settings edit. Counters live in Django's default cache: a fixed
window per address.
"""

from __future__ import annotations

import os
import time

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from bienphong.errors import DomainError

DEFAULT_RATE = "10/hour"
UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "h": 3600,
    "hour": 3600,
    "d": 86400,
    "day": 86400,
}


class RateLimited(DomainError):
    code = "too_many_requests"
    status = 429
    default_message = _("Too many declarations from your connection; try again later.")


def rate() -> tuple[int, int]:
    """``(allowed, window_seconds)`` from the environment; a bad value falls back."""
    text = (os.environ.get("BIENPHONG_DECLARATION_RATE") or DEFAULT_RATE).strip().lower()
    try:
        count_text, _sep, period = text.partition("/")
        count = int(count_text)
        seconds = (
            int(period)
            if period.isdigit()
            else UNITS[period if period in UNITS else period.rstrip("s")]
        )
    except (KeyError, ValueError):
        return rate_default()
    return (max(count, 0), max(seconds, 1))


def rate_default() -> tuple[int, int]:
    return 10, 3600


def client_address(request: object) -> str:
    meta = getattr(request, "META", {})
    return str(meta.get("REMOTE_ADDR") or "unknown")


def check(address: str) -> None:
    """Count one submission from ``address``; raise ``RateLimited`` past the limit."""
    allowed, window = rate()
    bucket = int(time.time() // window)
    key = f"bienphong:health:declare:{address}:{window}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        used = 1
    if used > allowed:
        raise RateLimited()
