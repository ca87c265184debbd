from __future__ import annotations

from typing import Any

from django.http import HttpRequest

import bienphong
from bienphong.notifications.models import Notification
from bienphong.org.roles import Role
from bienphong.org.scoping import primary_membership

from .navigation import items_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {
            "nav_items": [],
            "primary_membership": None,
            "BIENPHONG_VERSION": bienphong.__version__,
        }
    membership = primary_membership(user)
    return {
        "nav_items": items_for(user),
        "primary_membership": membership,
        "is_administrator": bool(membership and membership.role == Role.ADMINISTRATOR),
        "BIENPHONG_VERSION": bienphong.__version__,
        "unread_count": Notification.objects.filter(recipient=user, read_at__isnull=True).count(),
    }
