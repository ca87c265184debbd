"""Incidents recorded by posts: what happened, who and what was involved, follow-ups."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.org.models import Unit

USER = settings.AUTH_USER_MODEL


class IncidentKind(models.TextChoices):
    ILLEGAL_CROSSING = "illegal_crossing", _("Illegal crossing")
    SMUGGLING = "smuggling", _("Smuggling or seizure")
    SEARCH_RESCUE = "search_rescue", _("Search and rescue")
    EPIDEMIC = "epidemic", _("Epidemic case")
    BORDER_MARKER = "border_marker", _("Border-marker issue")
    OTHER = "other", _("Other incident")


class IncidentStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("situation", "Open")
    FOLLOW_UP = "follow_up", pgettext_lazy("situation", "In follow-up")
    CLOSED = "closed", pgettext_lazy("situation", "Closed")


class CrossingDirection(models.TextChoices):
    INBOUND = "in", _("Into Vietnam")
    OUTBOUND = "out", _("Out of Vietnam")


class Incident(models.Model):
    kind = models.CharField(_("kind"), max_length=24, choices=IncidentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    occurred_at = models.DateTimeField(_("occurred at"), db_index=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("recording unit"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place"), max_length=300)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    description = models.TextField(_("description"), blank=True, default="")
    actions_taken = models.TextField(_("actions taken"), blank=True, default="")
    # Illegal crossing.
    people_count = models.PositiveIntegerField(_("people involved"), null=True, blank=True)
    direction = models.CharField(
        _("direction"), max_length=4, choices=CrossingDirection.choices, blank=True, default=""
    )
    # Smuggling or seizure.
    goods = models.CharField(_("goods"), max_length=300, blank=True, default="")
    quantity = models.DecimalField(
        _("quantity"), max_digits=14, decimal_places=3, null=True, blank=True
    )
    unit_of_measure = models.CharField(_("unit of measure"), max_length=32, blank=True, default="")
    estimated_value_vnd = models.PositiveBigIntegerField(
        _("estimated value (VND)"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        indexes = [models.Index(fields=["unit", "occurred_at"])]
        constraints = [
            models.CheckConstraint(
                name="incident_closed_has_time",
                condition=Q(status="closed", closed_at__isnull=False) | ~Q(status="closed"),
            ),
            models.CheckConstraint(
                name="incident_latlon_together",
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
            ),
            models.CheckConstraint(
                name="incident_latitude_range",
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
            ),
            models.CheckConstraint(
                name="incident_longitude_range",
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class IncidentPerson(models.Model):
    """A person involved: personal data, so every view of the incident is audited."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="people")
    name = models.CharField(_("name"), max_length=200)
    document = models.CharField(_("document"), max_length=64, blank=True, default="")
    nationality = models.CharField(_("nationality"), max_length=3, blank=True, default="")
    role = models.CharField(_("role in the incident"), max_length=100, blank=True, default="")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class IncidentVehicle(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="vehicles")
    plate = models.CharField(_("plate"), max_length=32)
    country = models.CharField(_("country"), max_length=3, blank=True, default="")
    description = models.CharField(_("description"), max_length=200, blank=True, default="")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.plate


class FollowUp(models.Model):
    """A dated note: never edited; a correction is a new entry."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="follow_ups")
    note = models.TextField(_("note"))
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.incident_id} {self.at:%Y-%m-%d %H:%M}"


class IncidentAttachment(models.Model):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="attachments")
    # Random name under VAR_DIR/media/situation/: the original name is only metadata.
    file = models.FileField(_("file"), upload_to="situation/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
