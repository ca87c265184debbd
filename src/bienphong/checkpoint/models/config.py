"""Configurable lists (purposes, destinations, reasons) and visa rules."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class ListKind(models.TextChoices):
    PURPOSE = "purpose", _("Purpose of travel")
    DESTINATION = "destination", _("Destination")
    REFUSAL_REASON = "refusal_reason", _("Reason for refusal")
    REFERRAL_REASON = "referral_reason", _("Reason for secondary inspection")


class ListItem(models.Model):
    kind = models.CharField(_("list"), max_length=20, choices=ListKind.choices)
    code = models.CharField(_("code"), max_length=32)
    label_vi = models.CharField(_("label (Vietnamese)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["kind", "position", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="cp_listitem_unique")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "vi").startswith("en") else self.label_vi


class VisaRule(models.Model):
    """How long a national may stay without a visa, or that a visa is required.

    ``document_type`` empty means any document; the most specific active rule wins."""

    nationality = models.CharField(_("nationality"), max_length=3)
    document_type = models.CharField(_("document type"), max_length=24, blank=True, default="")
    visa_required = models.BooleanField(_("visa required"), default=False)
    stay_days = models.PositiveSmallIntegerField(_("permitted stay (days)"), default=0)
    note = models.CharField(_("legal basis"), max_length=300, blank=True, default="")
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["nationality", "document_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["nationality", "document_type"],
                condition=Q(is_active=True),
                name="cp_visarule_unique_active",
            ),
            models.CheckConstraint(
                name="cp_visarule_stay_when_exempt",
                condition=Q(visa_required=True) | Q(stay_days__gt=0),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nationality} {self.document_type or '*'}"
