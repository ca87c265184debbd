"""Crossings (each decision at a gate) and the stays they open and close."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit

from .travellers import TravelDocument, Traveller


class Direction(models.TextChoices):
    ENTRY = "entry", _("Entry")
    EXIT = "exit", _("Exit")


class Decision(models.TextChoices):
    ADMITTED = "admitted", _("Admitted")
    REFUSED = "refused", _("Refused")
    REFERRED = "referred", _("Referred to secondary inspection")


class Stay(models.Model):
    """From an admitted entry to the exit that closes it."""

    traveller = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="stays")
    entered_at = models.DateTimeField()
    permitted_until = models.DateField(_("permitted until"), null=True, blank=True)
    exited_at = models.DateTimeField(null=True, blank=True)
    entry_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")

    class Meta:
        indexes = [
            models.Index(fields=["traveller", "exited_at"], name="cp_stay_open_idx"),
            models.Index(
                fields=["permitted_until"],
                name="cp_stay_permitted_idx",
                condition=Q(exited_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"stay of {self.traveller_id} from {self.entered_at:%Y-%m-%d}"


class Crossing(models.Model):
    """One decision about one traveller at a gate. Never edited: a correction is a new
    crossing that ``corrects`` the old one."""

    traveller = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="crossings")
    document = models.ForeignKey(TravelDocument, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="crossings", verbose_name=_("gate")
    )
    lane = models.CharField(_("lane"), max_length=16, blank=True, default="")
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    at = models.DateTimeField(_("time"), db_index=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("officer"),
    )
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    reason_code = models.CharField(_("reason"), max_length=32, blank=True, default="")
    reason_text = models.CharField(_("reason details"), max_length=500, blank=True, default="")
    purpose = models.CharField(_("purpose"), max_length=32, blank=True, default="")
    destination = models.CharField(_("destination"), max_length=64, blank=True, default="")
    nationality = models.CharField(_("nationality"), max_length=3)
    permitted_until = models.DateField(_("permitted until"), null=True, blank=True)
    stay = models.ForeignKey(
        Stay, on_delete=models.PROTECT, null=True, blank=True, related_name="crossings"
    )
    # Exit with no recorded entry; exit after the permitted date (days over).
    no_entry_record = models.BooleanField(default=False)
    overstay_days = models.PositiveIntegerField(default=0)
    checks = models.JSONField(_("checks at decision time"), default=dict)
    idempotency_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    corrects = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correction",
        verbose_name=_("corrects"),
    )
    correction_reason = models.CharField(max_length=300, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("crossing")
        verbose_name_plural = _("crossings")
        indexes = [
            models.Index(fields=["unit", "at"], name="cp_crossing_unit_at_idx"),
            models.Index(fields=["traveller", "at"], name="cp_crossing_traveller_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                name="cp_crossing_reason_unless_admitted",
                condition=Q(decision=Decision.ADMITTED) | ~Q(reason_code=""),
            ),
            models.CheckConstraint(
                name="cp_crossing_correction_has_reason",
                condition=Q(corrects__isnull=True) | ~Q(correction_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.traveller} {self.at:%Y-%m-%d %H:%M}"
