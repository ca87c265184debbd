"""Reads, scoped: files for those allowed to see them, hits by the unit that raised them."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from bienphong.audit import services as audit
from bienphong.errors import PermissionDenied
from bienphong.org.scoping import get_in_scope, has_role, scope_queryset

from .access import REVIEW_READ_ROLES, require_files
from .models import ImportJob, ScreeningHit, Watchlist, WatchlistEntry


def watchlist_list(*, actor: Any) -> QuerySet[Watchlist]:
    require_files(actor)
    return Watchlist.objects.select_related("owner_unit").annotate(
        entry_count=Count("entries", filter=Q(entries__is_active=True))
    )


def watchlist_get(*, actor: Any, code: str) -> Watchlist:
    return get_in_scope(watchlist_list(actor=actor), actor, code=code)


def entry_list(*, actor: Any, watchlist: Watchlist, query: str = "") -> QuerySet[WatchlistEntry]:
    require_files(actor)
    qs = WatchlistEntry.objects.filter(watchlist=watchlist).prefetch_related("documents")
    query = query.strip()
    if query:
        qs = qs.filter(
            Q(full_name__icontains=query)
            | Q(external_id=query)
            | Q(documents__number=query.upper())
        ).distinct()
    return qs.order_by("full_name", "pk")


def entry_get(*, actor: Any, pk: int) -> WatchlistEntry:
    """A listed person's file; every view is logged (personal data access)."""
    require_files(actor)
    entry = get_in_scope(
        WatchlistEntry.objects.select_related("watchlist").prefetch_related("documents"),
        actor,
        pk=pk,
    )
    audit.record_view(actor=actor, obj=entry, event="watchlists.entry.view")
    return entry


def hit_list(*, actor: Any, status: str = "", unit_code: str = "") -> QuerySet[ScreeningHit]:
    if not has_role(actor, *REVIEW_READ_ROLES):
        raise PermissionDenied()
    qs = scope_queryset(
        ScreeningHit.objects.select_related("entry", "entry__watchlist", "unit", "decided_by"),
        actor,
        unit_field="unit",
    )
    if status:
        qs = qs.filter(status=status)
    if unit_code:
        qs = qs.filter(unit__code=unit_code)
    return qs.order_by("-created_at", "-pk")


def hit_get(*, actor: Any, pk: int) -> ScreeningHit:
    hit = get_in_scope(hit_list(actor=actor), actor, pk=pk)
    audit.record_view(actor=actor, obj=hit, event="watchlists.hit.view")
    return hit


def import_job_get(*, actor: Any, pk: int) -> ImportJob:
    require_files(actor)
    return get_in_scope(ImportJob.objects.select_related("watchlist"), actor, pk=pk)
