"""Sign-ins, sign-outs and failed sign-ins go into the audit chain."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import transaction
from django.dispatch import receiver

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    with transaction.atomic():
        audit.record(actor=user, action=AuditAction.LOGIN, event="auth.login", obj=user)


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        with transaction.atomic():
            audit.record(actor=user, action=AuditAction.LOGOUT, event="auth.logout", obj=user)


@receiver(user_login_failed)
def on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username", ""))[:150]
    with transaction.atomic():
        audit.record(
            actor=None,
            action=AuditAction.LOGIN_FAILED,
            event="auth.login_failed",
            object_type="org.user",
            object_id=username,
            object_repr=username,
        )
