"""The append-only, hash-chained audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("Create")
    UPDATE = "update", _("Update")
    DELETE = "delete", _("Delete")
    VIEW = "view", _("View personal record")
    LOGIN = "login", _("Sign in")
    LOGOUT = "logout", _("Sign out")
    LOGIN_FAILED = "login_failed", _("Failed sign-in")
    EXPORT = "export", _("Export")
    OTHER = "other", _("Other")


class AuditEntry(models.Model):
    """One link of the chain. Rows are never updated or deleted."""

    at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    # Snapshots: the entry must read the same after a user or unit is renamed.
    actor_username = models.CharField(_("user name"), max_length=150, blank=True, default="")
    unit_code = models.CharField(_("unit"), max_length=32, blank=True, default="", db_index=True)
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    event = models.CharField(_("event"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True, default="")
    object_id = models.CharField(_("object id"), max_length=64, blank=True, default="")
    object_repr = models.CharField(_("object"), max_length=200, blank=True, default="")
    client_address = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise RuntimeError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("audit entries are append-only")


class AuditChainHead(models.Model):
    """The newest link, kept beside the chain so removing the last rows is detected.

    Appends lock this single row, which serialises writers on PostgreSQL.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_entry_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)
    length = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(name="audit_head_single_row", condition=models.Q(id=1))
        ]

    def __str__(self) -> str:
        return f"audit head #{self.last_entry_id} ({self.length} entries)"
