"""Appending many audit entries at once: a list's review items, each audited.

Kept beside the screening code rather than in ``bienphong.audit`` while that module is
being reworked; it writes exactly the links ``audit.services.record`` writes (same
fields, same digest, same chain head), so ``verify_chain`` checks them alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from bienphong.audit.chain import entry_digest, to_json_value
from bienphong.audit.context import request_context
from bienphong.audit.models import AuditChainHead, AuditEntry

HEAD_TABLE = AuditChainHead._meta.db_table


def _locked_head_hash() -> str:
    """The newest link's hash, the head row locked until the transaction ends (as
    ``audit.services`` does before each append)."""
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    return head.last_hash


@dataclass(frozen=True)
class Item:
    """One entry of a batch appended by ``record_many``."""

    obj: models.Model
    unit_code: str
    after: Any = None


def record_many(*, actor: Any, action: str, event: str, items: list[Item]) -> list[AuditEntry]:
    """One entry per item, chained in order, with the head locked and moved once (a list's
    review items cost three statements, not two or three each). Runs inside the caller's
    transaction, like ``record``."""
    if not items:
        return []
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    common: dict[str, Any] = {
        "at": timezone.now(),
        "actor_id": actor.pk if authenticated else None,
        "actor_username": actor.get_username() if authenticated else "",
        "action": action,
        "event": event,
        "client_address": request_context().client_address,
        "before": None,
    }
    with transaction.atomic(savepoint=False):
        prev_hash = _locked_head_hash()
        entries = []
        for item in items:
            fields = {
                **common,
                "unit_code": item.unit_code,
                "object_type": item.obj._meta.label_lower,
                "object_id": str(item.obj.pk),
                "object_repr": str(item.obj)[:200],
                "after": to_json_value(item.after) if item.after is not None else None,
            }
            digest = entry_digest(fields, prev_hash)
            entries.append(AuditEntry(prev_hash=prev_hash, hash=digest, **fields))
            prev_hash = digest
        AuditEntry.objects.bulk_create(entries, batch_size=500)
        last_id = entries[-1].pk
        if last_id is None:  # a backend that cannot return ids from a bulk insert
            last_id = AuditEntry.objects.values_list("pk", flat=True).get(hash=prev_hash)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {HEAD_TABLE} SET last_entry_id = %s, last_hash = %s,"  # noqa: S608
                " length = length + %s WHERE id = 1",
                [last_id, prev_hash, len(entries)],
            )
    return entries
