"""API authentication: bearer tokens for machine clients, sessions for the browser."""

from __future__ import annotations

import copy
from datetime import timedelta
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from bienphong.caching import Memo
from bienphong.org.models import ApiToken, Membership, User
from bienphong.org.scoping import memberships
from bienphong.org.tokens import digest_of

# Writing last_used_at on every call would make each read a write.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def _token_row(digest: Any) -> ApiToken | None:
    row = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is not None:
        memberships(row.user)  # loaded with the token, kept with it
    return row


# A revoked token, a deactivated user or a changed role takes effect in this process at
# once, in the other server processes within BIENPHONG_LOOKUP_CACHE_SECONDS.
_tokens: Memo[ApiToken | None] = Memo("api-tokens", _token_row).invalidate_on_change(
    ApiToken, User, Membership
)


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = _tokens.get(digest_of(token))
        if row is None:
            return None
        now = timezone.now()
        if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
            row.last_used_at = now
        # Each request gets its own copy: per-request attributes never leak between them.
        user = copy.copy(row.user)
        request.user = user
        return user


class BrowserSessionAuth(SessionAuth):
    """Django's session, with ninja's CSRF check for unsafe methods."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return user
        return None


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
