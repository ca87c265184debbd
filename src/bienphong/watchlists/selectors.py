"""Reads, scoped: files for those allowed to see them, hits by the unit that raised them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.errors import NotFound, PermissionDenied, ValidationFailed
from bienphong.exports.params import choice_param, param
from bienphong.org.scoping import get_in_scope, has_role, scope_queryset

from .access import REVIEW_READ_ROLES, require_files
from .models import HitStatus, ImportJob, ScreeningHit, Watchlist, WatchlistEntry


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


def entries_from_params(
    actor: Any, params: Mapping[str, Any], watchlist: Watchlist | None = None
) -> QuerySet[WatchlistEntry]:
    """A watchlist's entries as its page lists them (``q``); the export names the list
    in the ``watchlist`` parameter."""
    if watchlist is None:
        code = param(params, "watchlist", max_length=32)
        try:
            watchlist = watchlist_get(actor=actor, code=code) if code else None
        except NotFound:
            watchlist = None
        if watchlist is None:
            raise ValidationFailed(fields={"watchlist": [_("Choose a watchlist you can see.")]})
    return entry_list(actor=actor, watchlist=watchlist, query=param(params, "q"))


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


def hits_from_params(actor: Any, params: Mapping[str, Any]) -> QuerySet[ScreeningHit]:
    """The hit queue's filter: ``status`` (default awaiting review; ``all`` for every hit)."""
    status = choice_param(params, "status", [*HitStatus.values, "all"]) or HitStatus.PENDING
    return hit_list(actor=actor, status="" if status == "all" else status)


def hit_get(*, actor: Any, pk: int) -> ScreeningHit:
    hit = get_in_scope(hit_list(actor=actor), actor, pk=pk)
    audit.record_view(actor=actor, obj=hit, event="watchlists.hit.view")
    return hit


def import_job_get(*, actor: Any, pk: int) -> ImportJob:
    require_files(actor)
    return get_in_scope(ImportJob.objects.select_related("watchlist"), actor, pk=pk)
