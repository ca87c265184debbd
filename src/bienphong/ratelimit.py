"""Per-address limits on the public forms (a fixed window per address in Django's
default cache).

Each limit reads its rate from an environment variable at each call (``"10/hour"``;
also ``"N/minute"``, ``"N/day"`` or ``"N/<seconds>"``), so operators change it without a
settings edit; a bad value falls back to the limit's default.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from django.core.cache import cache

from bienphong.errors import DomainError

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


def parse_rate(text: str) -> tuple[int, int]:
    """``"N/period"`` as ``(allowed, window_seconds)``; ``ValueError`` if it is not one."""
    count_text, _sep, period = text.strip().lower().partition("/")
    if period.isdigit():
        seconds = int(period)
    else:
        unit = UNITS.get(period) or UNITS.get(period.rstrip("s"))
        if unit is None:
            raise ValueError(f"unknown period {period!r}")
        seconds = unit
    return max(int(count_text), 0), max(seconds, 1)


def client_address(request: object) -> str:
    meta = getattr(request, "META", {})
    return str(meta.get("REMOTE_ADDR") or "unknown")


@dataclass(frozen=True)
class Limit:
    """One form's limit: ``name`` keys its counters, ``error`` is what callers see."""

    name: str
    env_var: str
    default: str
    error: type[DomainError]

    def rate(self) -> tuple[int, int]:
        try:
            return parse_rate(os.environ.get(self.env_var) or self.default)
        except ValueError:
            return parse_rate(self.default)

    def check(self, address: str) -> None:
        """Count one submission from ``address``; raise ``error`` past the limit."""
        allowed, window = self.rate()
        key = f"bienphong:{self.name}:{address}:{window}:{int(time.time() // window)}"
        cache.add(key, 0, timeout=window + 5)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window + 5)
            used = 1
        if used > allowed:
            raise self.error()
