"""Who may see watchlist files, manage lists, screen and review hits."""

from __future__ import annotations

from typing import Any

from bienphong.caching import Memo
from bienphong.errors import PermissionDenied
from bienphong.org.roles import Role
from bienphong.org.scoping import has_role

from .models import Designation

SCREENING_ROLES = (Role.CHECKPOINT_OFFICER, Role.POST_COMMANDER, Role.COMMAND_STAFF)
REVIEW_READ_ROLES = (*SCREENING_ROLES, Role.AUDITOR)

# Whether a user is designated, per server process: a new or withdrawn designation takes
# effect within BIENPHONG_LOOKUP_CACHE_SECONDS (at once in the process that made it).
_designated: Memo[bool] = Memo(
    "watchlist-designations", lambda user_id: Designation.objects.filter(user_id=user_id).exists()
).invalidate_on_change(Designation)


def can_view_files(user: Any) -> bool:
    """Command staff and designated officers see entries; others see instructions only."""
    if has_role(user, Role.COMMAND_STAFF):
        return True
    if not has_role(user, *SCREENING_ROLES):
        return False
    cached = getattr(user, "_bienphong_designated", None)
    if cached is None:
        cached = _designated.get(user.pk)
        user._bienphong_designated = cached
    return bool(cached)


def require_files(user: Any) -> None:
    if not can_view_files(user):
        raise PermissionDenied()


def require_manage(user: Any) -> None:
    if not has_role(user, Role.COMMAND_STAFF):
        raise PermissionDenied()


def require_screening(user: Any) -> None:
    if not has_role(user, *SCREENING_ROLES):
        raise PermissionDenied()
