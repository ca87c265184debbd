"""A shipping agency's application for an account (issue 6: agents self-register)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Organisation, Unit


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class AgentApplication(models.Model):
    """One per applying organisation; its first user stays inactive until approval."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        related_name="application",
        verbose_name=_("organisation"),
    )
    applicant = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="agent_application",
        verbose_name=_("applicant"),
    )
    address = models.CharField(_("address"), max_length=300)
    ports = models.ManyToManyField(Unit, related_name="+", verbose_name=_("ports"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.PENDING,
    )
    reason = models.TextField(_("reason"), blank=True, default="")
    # A rejected application applied for again keeps its records (tax code, user name)
    # and tells the deciding officer why it was rejected last time.
    previous_reason = models.TextField(_("previous rejection"), blank=True, default="")
    submissions = models.PositiveSmallIntegerField(_("submissions"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("agent application")
        verbose_name_plural = _("agent applications")
        constraints = [
            models.CheckConstraint(
                name="agent_application_status_valid",
                condition=Q(status__in=["pending", "approved", "rejected"]),
            ),
            # A decision records who and when; a rejection always says why.
            models.CheckConstraint(
                name="agent_application_decided",
                condition=Q(status="pending", decided_at__isnull=True)
                | (~Q(status="pending") & Q(decided_at__isnull=False)),
            ),
            models.CheckConstraint(
                name="agent_application_reject_reason",
                condition=~Q(status="rejected") | ~Q(reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_status_display()})"
