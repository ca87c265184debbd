"""Reading MRZs and validating documents without one, for the checkpoint and the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from bienphong.engines.mrz import check_expiry, parse_mrz
from bienphong.engines.mrz.result import MrzResult

from .messages import translate_issue

MAX_MRZ_INPUT = 1000


def mrz_result_dict(result: MrzResult, *, today: dt.date) -> dict[str, Any]:
    """The engine's result with messages in the user's language and the expiry policy."""
    data = result.to_dict()
    data["errors"] = [translate_issue(e) for e in data["errors"]]
    data["warnings"] = [translate_issue(w) for w in data["warnings"]]
    expiry = check_expiry(result, today) if result.valid else None
    data["expiry"] = translate_issue(expiry.to_dict()) if expiry else None
    return data


def mrz_read(
    text: str, *, repair: bool = False, lenient: bool = False, today: dt.date | None = None
) -> dict[str, Any]:
    today = today or timezone.localdate()
    result = parse_mrz(text, reference_date=today, repair=repair, lenient=lenient)
    return mrz_result_dict(result, today=today)
