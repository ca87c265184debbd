"""Configuration editable by administrators: lists and visa rules (audited like every write)."""

from django.contrib import admin

from bienphong.org.admin import AuditedAdmin

from .models import ListItem, VisaRule


@admin.register(ListItem)
class ListItemAdmin(AuditedAdmin):
    list_display = ["kind", "code", "label_vi", "label_en", "position", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["code", "label_vi", "label_en"]


@admin.register(VisaRule)
class VisaRuleAdmin(AuditedAdmin):
    list_display = [
        "nationality",
        "document_type",
        "visa_required",
        "stay_days",
        "note",
        "is_active",
    ]
    list_filter = ["visa_required", "is_active"]
    search_fields = ["nationality", "note"]
