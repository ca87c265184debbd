"""Sending notifications: stored in-app, and emailed after the transaction commits."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)


def notify(
    *,
    recipients: Iterable[Any],
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str = "",
    email: bool = True,
) -> list[Notification]:
    """Notify each recipient once (per ``dedupe_key`` when given)."""
    created: list[Notification] = []
    for user in {u.pk: u for u in recipients if u is not None and u.is_active}.values():
        if (
            dedupe_key
            and Notification.objects.filter(recipient=user, dedupe_key=dedupe_key).exists()
        ):
            continue
        created.append(
            Notification.objects.create(
                recipient=user,
                kind=kind,
                title=title[:200],
                body=body,
                url=url[:300],
                dedupe_key=dedupe_key[:200],
            )
        )
    if email:
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: _send_emails(ids))
    return created


def _send_emails(ids: list[int]) -> None:
    for note in Notification.objects.filter(pk__in=ids).select_related("recipient"):
        if not note.recipient.email:
            continue
        try:
            send_mail(
                note.title, f"{note.body}\n\n{note.url}".strip(), None, [note.recipient.email]
            )
        except OSError:  # mail server down: the in-app notice still stands
            logger.warning("could not email notification %s", note.pk, exc_info=True)
            continue
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())


def mark_read(*, actor: Any, ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())
