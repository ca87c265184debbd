from django.contrib import admin
from django.db import transaction

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction

from .models import ApiToken, Membership, Organisation, Unit, User


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Writes through the admin site go into the audit chain like any other write."""

    def save_model(self, request, obj, form, change):  # type: ignore[no-untyped-def]
        with transaction.atomic():
            before = None
            if change:
                before = audit.snapshot(type(obj).objects.get(pk=obj.pk))
            super().save_model(request, obj, form, change)
            audit.record(
                actor=request.user,
                action=AuditAction.UPDATE if change else AuditAction.CREATE,
                event=f"admin.{obj._meta.label_lower}.{'update' if change else 'create'}",
                obj=obj,
                before=before,
                after=audit.snapshot(obj),
            )

    def save_formset(self, request, form, formset, change):  # type: ignore[no-untyped-def]
        with transaction.atomic():
            super().save_formset(request, form, formset, change)
            for obj in [*formset.new_objects, *(o for o, _ in formset.changed_objects)]:
                audit.record(
                    actor=request.user,
                    action=AuditAction.UPDATE,
                    event=f"admin.{obj._meta.label_lower}.save",
                    obj=obj,
                    after=audit.snapshot(obj),
                )

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # records are deactivated, never deleted


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    autocomplete_fields = ["unit", "organisation"]
    can_delete = False


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["code", "name_vi", "unit_type", "gate_kind", "unlocode", "parent", "is_active"]
    list_filter = ["unit_type", "gate_kind", "is_active"]
    search_fields = ["code", "name_vi", "name_en"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "tax_code", "is_approved"]
    search_fields = ["name", "tax_code"]


@admin.register(User)
class UserAdmin(AuditedAdmin):
    list_display = ["username", "full_name", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    exclude = ["password", "user_permissions", "groups"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [MembershipInline]


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedAdmin):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    exclude = ["digest"]
    readonly_fields = ["prefix", "user", "created_at", "created_by", "last_used_at"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # tokens are created by the service, which shows the secret once
