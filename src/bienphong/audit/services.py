"""Appending to the audit chain and verifying it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.db import connection, models, transaction
from django.utils import timezone

from .chain import GENESIS_HASH, entry_digest, to_json_value
from .context import request_context
from .models import AuditAction, AuditChainHead, AuditEntry

# Fields never copied into before/after snapshots.
SECRET_FIELDS = frozenset({"password", "digest"})


def snapshot(instance: models.Model, *, fields: list[str] | None = None) -> dict[str, Any]:
    """A JSON-safe picture of a model instance's concrete fields for before/after."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in SECRET_FIELDS or (fields is not None and field.name not in fields):
            continue
        data[field.attname] = getattr(instance, field.attname)
    return cast(dict[str, Any], to_json_value(data))


def _actor_unit_code(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return ""
    from bienphong.org.scoping import memberships  # org imports audit, not the reverse

    units = [m.unit for m in memberships(actor) if m.unit is not None]
    return units[0].code if units else ""


def _actor_fields(actor: Any) -> dict[str, Any]:
    """When and by whom: the fields every link starts with."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return {
        "at": timezone.now(),
        "actor_id": actor.pk if authenticated else None,
        "actor_username": actor.get_username() if authenticated else "",
    }


def record(
    *,
    actor: Any,
    action: str,
    event: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    unit_code: str | None = None,
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one entry. Runs inside the caller's transaction, so the write and
    its audit entry commit or roll back together."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:200]
    fields: dict[str, Any] = {
        **_actor_fields(actor),
        "unit_code": unit_code if unit_code is not None else _actor_unit_code(actor),
        "action": action,
        "event": event,
        "object_type": object_type,
        "object_id": str(object_id),
        "object_repr": object_repr[:200],
        "client_address": request_context().client_address,
        "before": to_json_value(before) if before is not None else None,
        "after": to_json_value(after) if after is not None else None,
    }
    # No savepoint of its own: inside the caller's transaction a failure here fails the
    # whole write anyway, and the savepoint cost two statements per audited write.
    # Everything but the two hashes is prepared before the chain head is locked: on
    # PostgreSQL the lock serialises every audited write until its commit.
    entry = AuditEntry(**fields)
    sql, columns, returning = _insert_statement()
    params = [f.get_db_prep_save(getattr(entry, f.attname), connection) for f in columns]
    with transaction.atomic(savepoint=False):
        prev_hash = _locked_head_hash()
        digest = entry_digest(fields, prev_hash)
        entry.prev_hash, entry.hash = prev_hash, digest
        with connection.cursor() as cursor:
            # One statement on PostgreSQL (insert + head update), two elsewhere.
            cursor.execute(sql, [*params, prev_hash, digest, *([digest] if returning else [])])
            if returning:
                entry.pk = cursor.fetchone()[0]
            else:
                entry.pk = cursor.lastrowid
                cursor.execute(
                    f"UPDATE {HEAD_TABLE} SET last_entry_id = %s, last_hash = %s,"  # noqa: S608
                    " length = length + 1 WHERE id = 1",
                    [entry.pk, digest],
                )
    entry._state.adding = False
    entry._state.db = connection.alias
    return entry


_INSERTS: dict[str, tuple[str, list[Any], bool]] = {}


def _insert_statement() -> tuple[str, list[Any], bool]:
    """Fixed SQL for one link (compiling the ORM insert cost more than running it).
    Parameters: every column but id/prev_hash/hash, then prev_hash, hash, and the hash
    again for the head. On PostgreSQL the head update rides in the same statement."""
    found = _INSERTS.get(connection.vendor)
    if found is None:
        meta = AuditEntry._meta
        quote = connection.ops.quote_name
        columns = [f for f in meta.concrete_fields if f.attname not in ("id", "prev_hash", "hash")]
        names = ", ".join(quote(str(f.column)) for f in columns)
        values = ", ".join(["%s"] * (len(columns) + 2))
        insert = (
            f"INSERT INTO {quote(meta.db_table)} ({names}, prev_hash, hash)"  # noqa: S608
            f" VALUES ({values})"
        )
        if connection.vendor == "postgresql":
            sql = (
                f"WITH link AS ({insert} RETURNING id)"  # noqa: S608
                f" UPDATE {HEAD_TABLE} SET last_entry_id = link.id, last_hash = %s,"
                f" length = {HEAD_TABLE}.length + 1 FROM link WHERE {HEAD_TABLE}.id = 1"
                " RETURNING link.id"
            )
            found = (sql, columns, True)
        else:
            found = (insert, columns, False)
        _INSERTS[connection.vendor] = found
    return found


HEAD_TABLE = AuditChainHead._meta.db_table


def _locked_head_hash() -> str:
    """The newest link's hash, with the head row locked until the transaction ends
    (fixed SQL: this runs on every audited write, and compiling the ORM query cost more
    than the rest of the append)."""
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT last_hash FROM {HEAD_TABLE} WHERE id = 1{lock}")  # noqa: S608
        row = cursor.fetchone()
    if row is not None:
        return str(row[0])
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    return head.last_hash


def record_view(*, actor: Any, obj: models.Model, event: str = "") -> AuditEntry:
    """Log that ``actor`` looked at a person's record (Decree 13/2023 access log)."""
    return record(
        actor=actor,
        action=AuditAction.VIEW,
        event=event or f"{obj._meta.label_lower}.view",
        obj=obj,
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_entry_id: int | None = None
    reason: str = ""


def verify_chain(*, progress: Any = None) -> ChainReport:
    """Walk the chain in order; report the first link whose hash or predecessor is wrong."""
    prev_hash = GENESIS_HASH
    checked = 0
    last_id: int | None = None
    values = AuditEntry.objects.order_by("id").values(
        "id",
        "at",
        "actor_id",
        "actor_username",
        "unit_code",
        "action",
        "event",
        "object_type",
        "object_id",
        "object_repr",
        "client_address",
        "before",
        "after",
        "prev_hash",
        "hash",
    )
    for row in values.iterator(chunk_size=2000):
        if row["prev_hash"] != prev_hash:
            return ChainReport(False, checked, row["id"], "previous entry missing or altered")
        if entry_digest(row, row["prev_hash"]) != row["hash"]:
            return ChainReport(False, checked, row["id"], "entry content altered")
        prev_hash = row["hash"]
        last_id = row["id"]
        checked += 1
        if progress is not None:
            progress(1)
    head = AuditChainHead.objects.filter(id=1).first()
    if head is not None and (head.last_hash != prev_hash or head.length != checked):
        return ChainReport(False, checked, last_id, "newest entries removed")
    if head is None and checked:
        return ChainReport(False, checked, last_id, "chain head missing")
    return ChainReport(True, checked)


@dataclass(frozen=True)
class BatchItem:
    """One entry of a batch appended by ``record_many``."""

    obj: models.Model
    unit_code: str
    after: Any = None


def record_many(*, actor: Any, action: str, event: str, items: list[BatchItem]) -> list[AuditEntry]:
    """One entry per item, chained in order, with the head locked and moved once (a list's
    review items cost three statements, not two or three each). Runs inside the caller's
    transaction, like ``record``."""
    if not items:
        return []
    common: dict[str, Any] = {
        **_actor_fields(actor),
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
