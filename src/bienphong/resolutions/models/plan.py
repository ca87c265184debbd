"""A resolution, its areas and targets, the documents and cascaded action programs
that implement it, and the tasks, milestones and progress updates of those programs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bienphong.org.models import Unit

USER = settings.AUTH_USER_MODEL


class Resolution(models.Model):
    """A resolution (Nghị quyết), e.g. of the provincial BĐBP Party Congress for a term."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300)
    issuing_body = models.CharField(_("issuing body"), max_length=200)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="resolutions", verbose_name=_("unit")
    )
    term_start = models.PositiveSmallIntegerField(_("term from"))
    term_end = models.PositiveSmallIntegerField(_("term to"))
    issued_on = models.DateField(_("issued on"))
    summary = models.TextField(_("summary"), blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_on", "code"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            models.CheckConstraint(
                name="resolution_term_order", condition=Q(term_end__gte=F("term_start"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"


class AreaKind(models.TextChoices):
    OBJECTIVE = "objective", pgettext_lazy("resolutions", "Objective")
    BREAKTHROUGH = "breakthrough", pgettext_lazy("resolutions", "Breakthrough area")
    KEY_TASK = "key_task", pgettext_lazy("resolutions", "Key task")


class Area(models.Model):
    """An objective, breakthrough area or key task of a resolution: the top of the roll-up."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="areas")
    kind = models.CharField(_("kind"), max_length=16, choices=AreaKind.choices)
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["resolution", "order", "code"]
        verbose_name = _("resolution area")
        verbose_name_plural = _("resolution areas")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "code"], name="area_unique_code"),
            models.CheckConstraint(name="area_weight_non_negative", condition=Q(weight__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Direction(models.TextChoices):
    AT_LEAST = "at_least", pgettext_lazy("resolutions", "at least")
    AT_MOST = "at_most", pgettext_lazy("resolutions", "at most")


class Target(models.Model):
    """A numeric target (chỉ tiêu); bound to an indicator it is measured from live data."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="targets")
    area = models.ForeignKey(
        Area, on_delete=models.SET_NULL, null=True, blank=True, related_name="targets"
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    measure_unit = models.CharField(_("unit of measure"), max_length=40)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target_value = models.DecimalField(_("target value"), max_digits=14, decimal_places=2)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    deadline = models.DateField(_("deadline"))
    indicator = models.CharField(_("indicator"), max_length=80, blank=True, default="")
    # Typed in when no indicator is bound: attributed like a manual assessment.
    manual_value = models.DecimalField(
        _("reported value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    manual_value_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    manual_value_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["resolution", "code"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "code"], name="target_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class IndicatorSnapshot(models.Model):
    """The value of a registered indicator for a unit at a date (taken periodically)."""

    indicator = models.CharField(_("indicator"), max_length=80)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    taken_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    taken_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "unit", "taken_on"]
        verbose_name = _("indicator snapshot")
        verbose_name_plural = _("indicator snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "taken_on"], name="indicator_snapshot_unique_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.taken_on}: {self.value}"


class DocumentKind(models.TextChoices):
    ASSIGNMENT_DECISION = "assignment_decision", pgettext_lazy("resolutions", "Assignment decision")
    REGULATION = "regulation", pgettext_lazy("resolutions", "Working regulation")
    ACTION_PROGRAM = "action_program", pgettext_lazy("resolutions", "Action program")


class Document(models.Model):
    """A decision, regulation or program document issued to implement a resolution."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="documents")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=24, choices=DocumentKind.choices)
    number = models.CharField(_("number"), max_length=60)
    issued_on = models.DateField(_("date"))
    signer = models.CharField(_("signer"), max_length=200)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["resolution", "kind", "issued_on", "number"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "number"], name="document_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"


class Program(models.Model):
    """A unit's action program for a resolution, built from its superior's program."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="programs")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    document = models.ForeignKey(
        Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="programs"
    )
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        ordering = ["resolution", "unit__path"]
        verbose_name = _("action program")
        verbose_name_plural = _("action programs")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "unit"], name="program_one_per_unit"),
        ]

    def __str__(self) -> str:
        return self.title


class ProgramItem(models.Model):
    """An item of a unit's program; below the command it implements a superior item."""

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="items")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="items")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("code"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    solutions = models.TextField(_("solutions"), blank=True, default="")
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["program", "code"]
        verbose_name = _("program item")
        verbose_name_plural = _("program items")
        constraints = [
            models.UniqueConstraint(fields=["program", "code"], name="program_item_unique_code"),
            models.CheckConstraint(name="item_weight_non_negative", condition=Q(weight__gte=0)),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Task(models.Model):
    """A task with an owner (person and unit), a window and a roadmap of milestones.

    Its status is derived (``engines.tracking.classify``) from ``deadline`` and
    ``completed_on``; it is never stored, so it cannot go stale.
    """

    item = models.ForeignKey(
        ProgramItem, on_delete=models.PROTECT, null=True, blank=True, related_name="tasks"
    )
    recommendation = models.OneToOneField(
        "resolutions.Recommendation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_up",
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="resolution_tasks")
    title = models.CharField(_("title"), max_length=300)
    weight = models.DecimalField(_("weight"), max_digits=6, decimal_places=2, default=1)
    start = models.DateField(_("start"))
    deadline = models.DateField(_("deadline"))
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["deadline", "completed_on"], name="task_due_idx")]
        constraints = [
            models.CheckConstraint(name="task_window", condition=Q(deadline__gte=F("start"))),
            models.CheckConstraint(name="task_progress_range", condition=Q(progress__lte=100)),
            models.CheckConstraint(
                name="task_done_is_full",
                condition=Q(completed_on__isnull=True) | Q(progress=100),
            ),
            models.CheckConstraint(
                name="task_has_origin",
                condition=Q(item__isnull=False) | Q(recommendation__isnull=False),
            ),
            models.CheckConstraint(name="task_weight_non_negative", condition=Q(weight__gte=0)),
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """A step of a task's roadmap (lộ trình)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=300)
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["task", "due", "id"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    """A progress report on a task, with a comment; the task keeps the latest percent."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="updates")
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"))
    comment = models.TextField(_("comment"), blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        constraints = [
            models.CheckConstraint(name="update_progress_range", condition=Q(progress__lte=100)),
        ]

    def __str__(self) -> str:
        return f"{self.progress}% · {self.at:%d/%m/%Y}"


class Assessment(models.Model):
    """A manual assessment of an area or program item, kept beside the computed value."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, null=True, blank=True, related_name="assessments"
    )
    item = models.ForeignKey(
        ProgramItem, on_delete=models.PROTECT, null=True, blank=True, related_name="assessments"
    )
    progress = models.PositiveSmallIntegerField(_("assessed progress (%)"))
    comment = models.TextField(_("comment"))
    assessed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_at", "-id"]
        verbose_name = _("manual assessment")
        verbose_name_plural = _("manual assessments")
        constraints = [
            models.CheckConstraint(
                name="assessment_one_subject",
                condition=Q(area__isnull=False, item__isnull=True)
                | Q(area__isnull=True, item__isnull=False),
            ),
            models.CheckConstraint(
                name="assessment_progress_range", condition=Q(progress__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.progress}% · {self.assessed_by}"


class Attachment(models.Model):
    """A file attached to a document, a task (evidence) or a commendation proposal."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    task = models.ForeignKey(
        Task, on_delete=models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    proposal = models.ForeignKey(
        "resolutions.Proposal",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to="resolutions/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                name="attachment_one_owner",
                condition=Q(document__isnull=False, task__isnull=True, proposal__isnull=True)
                | Q(document__isnull=True, task__isnull=False, proposal__isnull=True)
                | Q(document__isnull=True, task__isnull=True, proposal__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.original_name


class ProgressReport(models.Model):
    """A periodic progress report of a unit, frozen as a snapshot when submitted."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    period_end = models.DateField(_("period ending"))
    submitted_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    data = models.JSONField()

    class Meta:
        ordering = ["-period_end", "unit__path"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "unit", "period_end"], name="report_one_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} · {self.period_end}"
