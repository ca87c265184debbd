"""Vehicles, temporary-entry permits and vehicle crossings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit

from .crossings import Crossing, Direction


class Vehicle(models.Model):
    plate = models.CharField(_("plate"), max_length=16)
    plate_display = models.CharField(max_length=20)
    country = models.CharField(_("country of registration"), max_length=3)
    vehicle_type = models.CharField(_("vehicle type"), max_length=32)
    owner = models.CharField(_("owner or company"), max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "plate"], name="cp_vehicle_unique")
        ]

    def __str__(self) -> str:
        return self.plate_display


class VehiclePermit(models.Model):
    """Temporary entry of a foreign vehicle, to leave by a deadline."""

    vehicle = models.ForeignKey(Vehicle, on_delete=models.PROTECT, related_name="permits")
    number = models.CharField(_("permit number"), max_length=32)
    valid_from = models.DateField(_("valid from"))
    exit_deadline = models.DateField(_("exit deadline"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="cp_permit_deadline_after_start",
                condition=models.Q(exit_deadline__gte=models.F("valid_from")),
            )
        ]

    def __str__(self) -> str:
        return self.number


class VehicleCrossing(models.Model):
    vehicle = models.ForeignKey(Vehicle, on_delete=models.PROTECT, related_name="crossings")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="vehicle_crossings")
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    at = models.DateTimeField(_("time"), db_index=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    driver = models.ForeignKey(
        Crossing, on_delete=models.PROTECT, related_name="+", verbose_name=_("driver")
    )
    passengers = models.ManyToManyField(Crossing, related_name="+", blank=True)
    cargo = models.CharField(_("cargo"), max_length=500, blank=True, default="")
    permit = models.ForeignKey(
        VehiclePermit, on_delete=models.PROTECT, null=True, blank=True, related_name="crossings"
    )
    idempotency_key = models.CharField(max_length=80, null=True, blank=True, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.vehicle} {self.direction} {self.at:%Y-%m-%d}"
