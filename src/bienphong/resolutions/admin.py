"""Read-only admin screens: every write goes through the audited services."""

from typing import Any

from django.contrib import admin

from . import models


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(models.Resolution)
class ResolutionAdmin(ReadOnlyAdmin):
    list_display = ["code", "title", "unit", "term_start", "term_end", "issued_on"]
    search_fields = ["code", "title"]


@admin.register(models.Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ["title", "unit", "owner", "deadline", "progress", "completed_on"]
    search_fields = ["title"]


@admin.register(models.ProposalTransition)
class ProposalTransitionAdmin(ReadOnlyAdmin):
    list_display = ["proposal", "action", "from_unit", "to_unit", "actor", "at"]
