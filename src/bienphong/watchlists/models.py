"""Watchlists, their entries, screening hits and their review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit


class ListType(models.TextChoices):
    WANTED = "wanted", _("Wanted persons")
    ENTRY_BAN = "entry_ban", _("Banned from entry")
    EXIT_BAN = "exit_ban", _("Exit suspended")
    SANCTIONS = "sanctions", _("Sanctions list")
    OTHER = "other", _("Other")


class Sensitivity(models.TextChoices):
    RESTRICTED = "restricted", _("Restricted")
    CONFIDENTIAL = "confidential", _("Confidential")
    SECRET = "secret", _("Secret")


class Instruction(models.TextChoices):
    REFUSE_ENTRY = "refuse_entry", _("Refuse entry")
    REFUSE_EXIT = "refuse_exit", _("Refuse exit")
    DETAIN = "detain", _("Hold and hand over to the competent authority")
    REPORT = "report", _("Report to command, let through")
    DO_NOT_ALERT = "do_not_alert", _("Do not alert the person; report discreetly")
    MONITOR = "monitor", _("Record and monitor")


class Watchlist(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    list_type = models.CharField(_("type"), max_length=16, choices=ListType.choices)
    source = models.CharField(_("source"), max_length=200, blank=True, default="")
    owner_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="watchlists", verbose_name=_("owner unit")
    )
    sensitivity = models.CharField(
        _("sensitivity"),
        max_length=16,
        choices=Sensitivity.choices,
        default=Sensitivity.CONFIDENTIAL,
    )
    default_instruction = models.CharField(
        _("default instruction"),
        max_length=16,
        choices=Instruction.choices,
        default=Instruction.REPORT,
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("watchlist")
        verbose_name_plural = _("watchlists")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class WatchlistEntry(models.Model):
    """A listed person. Dates of birth may be partial: year, year-month or full."""

    watchlist = models.ForeignKey(
        Watchlist, on_delete=models.PROTECT, related_name="entries", verbose_name=_("watchlist")
    )
    external_id = models.CharField(_("reference"), max_length=100)
    full_name = models.CharField(_("full name"), max_length=300)
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("birth month"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("birth day"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=3, blank=True, default="")
    gender = models.CharField(_("sex"), max_length=1, blank=True, default="")
    reason = models.TextField(_("reason"), blank=True, default="")
    instruction = models.CharField(_("instruction"), max_length=16, choices=Instruction.choices)
    instruction_note = models.CharField(
        _("note for officers"), max_length=300, blank=True, default=""
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Bumped on every change: a dismissal holds only for the version it was made on.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("watchlist entry")
        verbose_name_plural = _("watchlist entries")
        constraints = [
            models.UniqueConstraint(
                fields=["watchlist", "external_id"], name="wl_entry_unique_reference"
            ),
            models.CheckConstraint(
                name="wl_entry_birth_month_range",
                condition=Q(birth_month__isnull=True)
                | Q(birth_month__gte=1, birth_month__lte=12, birth_year__isnull=False),
            ),
            models.CheckConstraint(
                name="wl_entry_birth_day_range",
                condition=Q(birth_day__isnull=True)
                | Q(birth_day__gte=1, birth_day__lte=31, birth_month__isnull=False),
            ),
            models.CheckConstraint(
                name="wl_entry_gender", condition=Q(gender__in=["", "M", "F", "X"])
            ),
            models.CheckConstraint(
                name="wl_entry_validity_order",
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def dob(self) -> str:
        """The date of birth as precise as it is known: YYYY, YYYY-MM or YYYY-MM-DD."""
        if self.birth_year is None:
            return ""
        text = f"{self.birth_year:04d}"
        if self.birth_month:
            text += f"-{self.birth_month:02d}"
            if self.birth_day:
                text += f"-{self.birth_day:02d}"
        return text


class EntryDocument(models.Model):
    """A travel-document number of a listed person, normalised for exact lookup."""

    entry = models.ForeignKey(WatchlistEntry, on_delete=models.CASCADE, related_name="documents")
    number = models.CharField(_("document number"), max_length=64, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="wl_document_unique")
        ]

    def __str__(self) -> str:
        return self.number


class EntryChange(models.Model):
    """Change feed the in-memory indexes of every server process follow."""

    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"change #{self.pk} entry {self.entry_id}"


class HitStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    CONFIRMED = "confirmed", _("Confirmed")
    DISMISSED = "dismissed", _("Dismissed")


class ScreeningHit(models.Model):
    """A match raised at screening, to be confirmed or dismissed by an officer."""

    entry = models.ForeignKey(
        WatchlistEntry, on_delete=models.PROTECT, related_name="hits", verbose_name=_("entry")
    )
    entry_version = models.PositiveIntegerField()
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="screening_hits", verbose_name=_("unit")
    )
    context = models.CharField(_("where"), max_length=32, default="manual")
    context_ref = models.CharField(_("reference"), max_length=64, blank=True, default="")
    subject_name = models.CharField(_("name screened"), max_length=300)
    subject_dob = models.CharField(_("date of birth screened"), max_length=10, blank=True)
    subject_nationality = models.CharField(_("nationality"), max_length=3, blank=True)
    subject_document = models.CharField(_("document number"), max_length=64, blank=True)
    # Identifies the person screened; a dismissal is remembered for this key.
    subject_key = models.CharField(max_length=64, db_index=True)
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=HitStatus.choices, default=HitStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True, default="")
    created_at = models.DateTimeField(_("raised at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screening hit")
        verbose_name_plural = _("screening hits")
        constraints = [
            models.CheckConstraint(
                name="wl_hit_decision_complete",
                condition=Q(status=HitStatus.PENDING, decided_at__isnull=True)
                | (
                    ~Q(status=HitStatus.PENDING)
                    & Q(decided_at__isnull=False, decided_by__isnull=False)
                    & ~Q(decision_reason="")
                ),
            ),
            models.CheckConstraint(
                name="wl_hit_score_range", condition=Q(score__gte=0, score__lte=1)
            ),
        ]
        indexes = [models.Index(fields=["unit", "status"], name="wl_hit_unit_status_idx")]

    def __str__(self) -> str:
        return f"{self.subject_name} ~ {self.entry}"


class Dismissal(models.Model):
    """A reviewed false match: the same person is not stopped again for the same entry
    until the entry (its version) or the person's data (the subject key) change."""

    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="+")
    entry_version = models.PositiveIntegerField()
    subject_key = models.CharField(max_length=64)
    hit = models.ForeignKey(ScreeningHit, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "entry_version", "subject_key"], name="wl_dismissal_unique"
            )
        ]

    def __str__(self) -> str:
        return f"dismissal of entry {self.entry_id} v{self.entry_version}"


class Designation(models.Model):
    """An officer designated to see watchlist files (command staff always may)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="watchlist_designation"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"designation of {self.user}"


class ImportJob(models.Model):
    """An import run in the background; the browser polls its progress."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Rejected")

    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(max_length=200)
    file_format = models.CharField(max_length=8)
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"import {self.file_name} into {self.watchlist.code}"

    @property
    def percent(self) -> int:
        return int(100 * self.processed / self.total) if self.total else 0
