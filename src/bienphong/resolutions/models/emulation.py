"""Emulation movements (phong trào thi đua): criteria, registrations, score sheets."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.org.models import Unit

USER = settings.AUTH_USER_MODEL


class Movement(models.Model):
    title = models.CharField(_("title"), max_length=300)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    description = models.TextField(_("description"), blank=True, default="")

    class Meta:
        ordering = ["-start", "id"]
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")
        constraints = [
            models.CheckConstraint(name="movement_window", condition=Q(end__gte=F("start"))),
        ]

    def __str__(self) -> str:
        return self.title


class CriterionKind(models.TextChoices):
    POINTS = "points", pgettext_lazy("resolutions", "Points")
    BONUS = "bonus", pgettext_lazy("resolutions", "Bonus")
    PENALTY = "penalty", pgettext_lazy("resolutions", "Penalty")


class Criterion(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="criteria")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=CriterionKind.choices)
    max_points = models.DecimalField(_("maximum points"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["movement", "code"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(fields=["movement", "code"], name="criterion_unique_code"),
            models.CheckConstraint(name="criterion_max_positive", condition=Q(max_points__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Registration(models.Model):
    """A unit, or a person of a unit, taking part in a movement."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="registrations")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["movement", "unit__path", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["movement", "unit"],
                condition=Q(person__isnull=True),
                name="registration_unique_unit",
            ),
            models.UniqueConstraint(
                fields=["movement", "person"],
                condition=Q(person__isnull=False),
                name="registration_unique_person",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else self.unit.name


class SheetState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("resolutions", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("resolutions", "Self-assessed")
    REVIEWED = "reviewed", pgettext_lazy("resolutions", "Reviewed by the superior")
    APPROVED = "approved", pgettext_lazy("resolutions", "Approved")
    LOCKED = "locked", pgettext_lazy("resolutions", "Locked")


class ScoreSheet(models.Model):
    """One period's scores of a registration: self-assessment, review, approval, lock.

    ``computed_score`` comes from the engine over the reviewed (else self) points;
    ``approved_score`` is a separate attributed value that overrides it once approved.
    """

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="sheets")
    period = models.CharField(_("period"), max_length=20)
    state = models.CharField(
        _("state"), max_length=10, choices=SheetState.choices, default=SheetState.DRAFT
    )
    self_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    computed_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True, default="")
    approved_score = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approval_reason = models.TextField(blank=True, default="")
    locked_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["registration", "period"]
        verbose_name = _("score sheet")
        verbose_name_plural = _("score sheets")
        constraints = [
            models.UniqueConstraint(fields=["registration", "period"], name="sheet_one_per_period"),
            models.CheckConstraint(
                name="sheet_locked_is_approved",
                condition=~Q(state="locked") | Q(approved_score__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration} · {self.period}"

    @property
    def final_score(self) -> object:
        return self.approved_score if self.approved_score is not None else self.computed_score


class ScoreLine(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="lines")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    self_points = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    reviewed_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ["sheet", "criterion__code"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="line_one_per_criterion"),
            models.CheckConstraint(name="line_self_non_negative", condition=Q(self_points__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.self_points}"
