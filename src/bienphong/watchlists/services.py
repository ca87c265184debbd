"""Writes: lists, imports, entry changes, hit decisions and designations."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import Conflict, ValidationFailed, full_clean
from bienphong.notifications.services import notify
from bienphong.org.models import Unit, UnitType, User
from bienphong.org.roles import Role
from bienphong.org.scoping import require_write

from .access import require_manage, require_screening
from .importers import EntryRow
from .models import (
    Designation,
    Dismissal,
    EntryChange,
    EntryDocument,
    HitStatus,
    Instruction,
    ListType,
    ScreeningHit,
    Watchlist,
    WatchlistEntry,
)

Progress = Callable[[int], None]


@transaction.atomic
def watchlist_create(
    *,
    actor: Any,
    code: str,
    name: str,
    list_type: str,
    owner_unit: Unit,
    source: str = "",
    sensitivity: str = "confidential",
    default_instruction: str = Instruction.REPORT,
) -> Watchlist:
    require_manage(actor)
    code = code.strip().upper()
    if Watchlist.objects.filter(code=code).exists():
        raise ValidationFailed(fields={"code": [_("A watchlist with this code exists.")]})
    if list_type not in ListType.values:
        raise ValidationFailed(fields={"list_type": [_("Unknown list type.")]})
    watchlist = Watchlist(
        code=code,
        name=name.strip(),
        list_type=list_type,
        owner_unit=owner_unit,
        source=source.strip(),
        sensitivity=sensitivity,
        default_instruction=default_instruction,
    )
    full_clean(watchlist)
    watchlist.save()
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="watchlists.list.create",
        obj=watchlist,
        after=audit.snapshot(watchlist),
    )
    return watchlist


ENTRY_FIELDS = (
    "full_name",
    "aliases",
    "birth_year",
    "birth_month",
    "birth_day",
    "nationality",
    "gender",
    "reason",
    "instruction",
    "instruction_note",
    "valid_from",
    "valid_until",
)


def _row_values(row: EntryRow) -> dict[str, Any]:
    year, month, day = row.birth
    return {
        "full_name": row.full_name,
        "aliases": row.aliases,
        "birth_year": year,
        "birth_month": month,
        "birth_day": day,
        "nationality": row.nationality,
        "gender": row.gender,
        "reason": row.reason,
        "instruction": row.instruction,
        "instruction_note": row.instruction_note,
        "valid_from": row.valid_from,
        "valid_until": row.valid_until,
    }


@transaction.atomic
def entries_import(
    *,
    actor: Any,
    watchlist: Watchlist,
    rows: list[EntryRow],
    file_name: str = "",
    progress: Progress | None = None,
) -> tuple[int, int]:
    """Create or update entries by reference, all or nothing. Returns (created, updated).

    Every changed entry goes into the change feed, which the server processes' indexes
    follow."""
    existing = {
        e.external_id: e
        for e in WatchlistEntry.objects.filter(
            watchlist=watchlist, external_id__in=[r.reference for r in rows]
        ).prefetch_related("documents")
    }
    to_create: list[WatchlistEntry] = []
    created_docs: list[tuple[WatchlistEntry, list[str]]] = []
    changed: list[WatchlistEntry] = []
    updated = 0
    for number, row in enumerate(rows, 1):
        values = _row_values(row)
        entry = existing.get(row.reference)
        if entry is None:
            new = WatchlistEntry(watchlist=watchlist, external_id=row.reference, **values)
            to_create.append(new)
            created_docs.append((new, row.documents))
        else:
            before = {f: getattr(entry, f) for f in ENTRY_FIELDS}
            documents_before = sorted(d.number for d in entry.documents.all())
            if before != values or documents_before != row.documents or not entry.is_active:
                for name, value in values.items():
                    setattr(entry, name, value)
                entry.is_active = True
                entry.version += 1
                entry.save()
                EntryDocument.objects.filter(entry=entry).delete()
                EntryDocument.objects.bulk_create(
                    EntryDocument(entry=entry, number=n) for n in row.documents
                )
                audit.record(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    event="watchlists.entry.update",
                    obj=entry,
                    before={**before, "documents": documents_before},
                    after={**values, "documents": row.documents},
                )
                changed.append(entry)
                updated += 1
        if progress and number % 1000 == 0:
            progress(1000)
    WatchlistEntry.objects.bulk_create(to_create, batch_size=2000)
    if to_create and to_create[0].pk is None:  # backends that return no ids
        refs = {
            e.external_id: e.pk
            for e in WatchlistEntry.objects.filter(
                watchlist=watchlist, external_id__in=[e.external_id for e in to_create]
            )
        }
        for entry in to_create:
            entry.pk = refs[entry.external_id]
    EntryDocument.objects.bulk_create(
        (EntryDocument(entry=e, number=n) for e, numbers in created_docs for n in numbers),
        batch_size=5000,
    )
    EntryChange.objects.bulk_create(
        (EntryChange(entry=e) for e in [*to_create, *changed]), batch_size=5000
    )
    if progress:
        progress(len(rows) % 1000)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="watchlists.import",
        obj=watchlist,
        after={"file": file_name, "rows": len(rows), "created": len(to_create), "updated": updated},
    )
    return len(to_create), updated


@transaction.atomic
def entry_deactivate(*, actor: Any, entry: WatchlistEntry, reason: str) -> WatchlistEntry:
    require_manage(actor)
    if not reason.strip():
        raise ValidationFailed(fields={"reason": [_("Give a reason.")]})
    if not entry.is_active:
        return entry
    entry.is_active = False
    entry.version += 1
    entry.save(update_fields=["is_active", "version", "updated_at"])
    EntryChange.objects.create(entry=entry)
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="watchlists.entry.deactivate",
        obj=entry,
        before={"is_active": True},
        after={"is_active": False, "reason": reason.strip()},
    )
    return entry


def _post_of(unit: Unit) -> Unit:
    node: Unit | None = unit
    while node is not None and node.unit_type not in (UnitType.POST, UnitType.COMMAND):
        node = node.parent
    return node or unit


def _commanders(unit: Unit) -> Iterable[User]:
    post = _post_of(unit)
    return User.objects.filter(
        is_active=True, memberships__role=Role.POST_COMMANDER, memberships__unit=post
    ).distinct()


@transaction.atomic
def hit_decide(*, actor: Any, hit: ScreeningHit, decision: str, reason: str) -> ScreeningHit:
    """Confirm or dismiss a hit. A dismissal is remembered for this person and entry
    version; a confirmation notifies the post commander."""
    require_screening(actor)
    require_write(actor, hit.unit)
    if decision not in (HitStatus.CONFIRMED, HitStatus.DISMISSED):
        raise ValidationFailed(fields={"decision": [_("Choose confirm or dismiss.")]})
    if not reason.strip():
        raise ValidationFailed(fields={"reason": [_("A reason is required.")]})
    hit = ScreeningHit.objects.select_for_update().get(pk=hit.pk)
    if hit.status != HitStatus.PENDING:
        raise Conflict(_("This hit has already been decided."))
    hit.status = decision
    hit.decided_by = actor
    hit.decided_at = timezone.now()
    hit.decision_reason = reason.strip()
    hit.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    if decision == HitStatus.DISMISSED:
        Dismissal.objects.get_or_create(
            entry=hit.entry,
            entry_version=hit.entry_version,
            subject_key=hit.subject_key,
            defaults={"hit": hit},
        )
    else:
        entry = hit.entry
        notify(
            recipients=_commanders(hit.unit),
            kind="watchlists.hit.confirmed",
            title=_("Watchlist hit confirmed at %(unit)s") % {"unit": hit.unit.name},
            body=_("%(name)s — instruction: %(instruction)s. %(note)s")
            % {
                "name": hit.subject_name,
                "instruction": entry.get_instruction_display(),
                "note": entry.instruction_note,
            },
            url=f"/watchlists/hits/{hit.pk}/",
        )
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event=f"watchlists.hit.{decision}",
        obj=hit,
        unit_code=hit.unit.code,
        before={"status": HitStatus.PENDING},
        after={"status": decision, "reason": hit.decision_reason},
    )
    return hit


@transaction.atomic
def designation_grant(*, actor: Any, user: User) -> Designation:
    require_manage(actor)
    designation, created = Designation.objects.get_or_create(
        user=user, defaults={"granted_by": actor}
    )
    if created:
        audit.record(
            actor=actor,
            action=AuditAction.CREATE,
            event="watchlists.designation.grant",
            obj=designation,
            after={"user": user.username},
        )
    return designation


@transaction.atomic
def designation_revoke(*, actor: Any, user: User) -> None:
    require_manage(actor)
    designation = Designation.objects.filter(user=user).first()
    if designation is not None:
        audit.record(
            actor=actor,
            action=AuditAction.DELETE,
            event="watchlists.designation.revoke",
            obj=designation,
            before={"user": user.username},
        )
        designation.delete()
