"""Export jobs: one file of one list with the filters the user had on screen."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "XLSX"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="export_jobs"
    )
    list_name = models.CharField(max_length=100)
    params = models.JSONField(default=dict, blank=True)
    file_format = models.CharField(max_length=4, choices=Format.choices)
    language = models.CharField(max_length=8, default="vi")
    purpose = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    # Relative to VAR_DIR; empty until the file is written and again after the purge.
    file_path = models.CharField(max_length=300, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["created_by", "-created_at"]),
            models.Index(fields=["expires_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(file_format__in=["csv", "xlsx"]), name="export_job_format_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="export_job_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(rows_done__lte=models.F("rows_total")) | Q(rows_total=0),
                name="export_job_done_within_total",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(finished_at__isnull=False),
                name="export_job_done_has_finish",
            ),
        ]

    def __str__(self) -> str:
        return f"export {self.list_name} #{self.pk}"

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, int(100 * self.rows_done / self.rows_total)) if self.rows_total else 0

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def downloadable(self) -> bool:
        return self.status == self.Status.DONE and bool(self.file_path) and not self.purged_at

    def file_name(self) -> str:
        stamp = self.created_at.strftime("%Y%m%d-%H%M") if self.created_at else ""
        return f"{self.list_name.replace('.', '-')}-{stamp}-{self.pk}.{self.file_format}"
