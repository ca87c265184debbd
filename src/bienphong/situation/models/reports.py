"""Situation reports: compiled figures + narrative, frozen on submission."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.org.models import Unit

USER = settings.AUTH_USER_MODEL


class PeriodKind(models.TextChoices):
    DAILY = "daily", pgettext_lazy("situation", "Daily")
    WEEKLY = "weekly", pgettext_lazy("situation", "Weekly")
    MONTHLY = "monthly", pgettext_lazy("situation", "Monthly")
    YEARLY = "yearly", pgettext_lazy("situation", "Yearly")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("situation", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("situation", "Submitted")
    SIGNED_OFF = "signed_off", pgettext_lazy("situation", "Signed off")
    RETURNED = "returned", pgettext_lazy("situation", "Returned")


class SituationReport(models.Model):
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    period_kind = models.CharField(_("period"), max_length=8, choices=PeriodKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    # Narrative, edited by the author while the report is a draft (or returned).
    situation_inside = models.TextField(_("situation inside the border"), blank=True, default="")
    situation_outside = models.TextField(_("situation outside the border"), blank=True, default="")
    notable_events = models.TextField(_("notable events"), blank=True, default="")
    proposals = models.TextField(_("proposals"), blank=True, default="")
    # The figures as last compiled; on submission this is the frozen snapshot.
    figures = models.JSONField(default=dict, blank=True)
    compiled_at = models.DateTimeField(null=True, blank=True)
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    return_comment = models.TextField(_("return comment"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "unit__path", "period_kind"]
        verbose_name = _("situation report")
        verbose_name_plural = _("situation reports")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "period_kind", "period_start"], name="report_unique_period"
            ),
            models.CheckConstraint(
                name="report_period_ordered", condition=Q(period_end__gte=models.F("period_start"))
            ),
            models.CheckConstraint(
                name="report_submitted_has_snapshot",
                condition=Q(status__in=["draft", "returned"])
                | Q(submitted_at__isnull=False, compiled_at__isnull=False),
            ),
            models.CheckConstraint(
                name="report_signed_has_signer",
                condition=~Q(status="signed_off")
                | Q(decided_by__isnull=False, decided_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit.code} {self.get_period_kind_display()} {self.period_start}"

    @property
    def is_editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)
