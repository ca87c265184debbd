"""Per-address limit on public declaration submissions (page and API share it), rate
from ``BIENPHONG_DECLARATION_RATE`` (``"10/hour"`` by default): see ``bienphong.ratelimit``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from bienphong.errors import DomainError
from bienphong.ratelimit import Limit, client_address

__all__ = ["RateLimited", "check", "client_address"]


class RateLimited(DomainError):
    code = "too_many_requests"
    status = 429
    default_message = _("Too many declarations from your connection; try again later.")


DECLARATIONS = Limit("health:declare", "BIENPHONG_DECLARATION_RATE", "10/hour", RateLimited)
check = DECLARATIONS.check
