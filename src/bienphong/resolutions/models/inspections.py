"""Inspections (kiểm tra): plans, findings, recommendations that become follow-up tasks."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit

from .plan import Resolution


class Inspection(models.Model):
    resolution = models.ForeignKey(
        Resolution, on_delete=models.PROTECT, null=True, blank=True, related_name="inspections"
    )
    inspecting_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    inspected_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    team = models.TextField(_("team"))
    scope = models.TextField(_("scope"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        ordering = ["-start", "id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        constraints = [
            models.CheckConstraint(name="inspection_window", condition=Q(end__gte=F("start"))),
        ]

    def __str__(self) -> str:
        return f"{self.inspected_unit.code} {self.start:%d/%m/%Y}"


class Finding(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    text = models.TextField(_("finding"))

    class Meta:
        ordering = ["inspection", "id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.text[:80]


class Recommendation(models.Model):
    """A recommendation; its follow-up is a tracked task (``Task.recommendation``)."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.PROTECT, related_name="recommendations"
    )
    finding = models.ForeignKey(
        Finding, on_delete=models.PROTECT, null=True, blank=True, related_name="recommendations"
    )
    text = models.TextField(_("recommendation"))

    class Meta:
        ordering = ["inspection", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]
