"""Commendation proposals forwarded up the chain; the history is a transitions table."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.org.models import Unit

from .emulation import Movement

USER = settings.AUTH_USER_MODEL


class ProposalState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("resolutions", "Draft")
    FORWARDED = "forwarded", pgettext_lazy("resolutions", "Forwarded")
    RETURNED = "returned", pgettext_lazy("resolutions", "Returned")
    APPROVED = "approved", pgettext_lazy("resolutions", "Approved")
    DECIDED = "decided", pgettext_lazy("resolutions", "Decided")


class Proposal(models.Model):
    """A proposal to commend a unit or a person. ``holder`` is the unit it sits with now;
    ``state`` is the last transition's result (the transitions are the history)."""

    movement = models.ForeignKey(
        Movement, on_delete=models.PROTECT, null=True, blank=True, related_name="proposals"
    )
    proposing_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    holder = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    nominee_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    nominee_person = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    form = models.CharField(_("title or form"), max_length=200)
    level = models.CharField(_("level"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    reason = models.TextField(_("reason"))
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.DRAFT
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True, default="")
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decided_by_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("commendation proposal")
        verbose_name_plural = _("commendation proposals")
        constraints = [
            models.CheckConstraint(
                name="proposal_decided_has_number",
                condition=~Q(state="decided")
                | (~Q(decision_number="") & Q(decision_date__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        nominee = self.nominee_person or self.nominee_unit
        return f"{self.form} — {nominee}"


class ProposalAction(models.TextChoices):
    CREATE = "create", pgettext_lazy("resolutions proposal action", "Created")
    FORWARD = "forward", pgettext_lazy("resolutions proposal action", "Forwarded up")
    RETURN = "return", pgettext_lazy("resolutions proposal action", "Returned")
    APPROVE = "approve", pgettext_lazy("resolutions proposal action", "Approved")
    DECIDE = "decide", pgettext_lazy("resolutions proposal action", "Decided")


class ProposalTransition(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="transitions")
    action = models.CharField(_("action"), max_length=10, choices=ProposalAction.choices)
    from_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=10, choices=ProposalState.choices)
    actor = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True, default="")

    class Meta:
        ordering = ["proposal", "at", "id"]
        verbose_name = _("proposal transition")
        verbose_name_plural = _("proposal transitions")

    def __str__(self) -> str:
        return f"{self.get_action_display()} → {self.to_unit_id}"
