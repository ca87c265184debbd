"""Vessels, port calls, FAL declarations with crew/passenger lists, and permits."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Organisation, Unit

ANSWER_WITHIN = dt.timedelta(hours=1)


class VesselType(models.TextChoices):
    GENERAL_CARGO = "general_cargo", _("General cargo")
    BULK = "bulk", _("Bulk carrier")
    CONTAINER = "container", _("Container ship")
    TANKER = "tanker", _("Tanker")
    PASSENGER = "passenger", _("Passenger ship")
    RORO = "roro", _("Ro-ro")
    OTHER = "other", _("Other")


class Vessel(models.Model):
    imo_number = models.CharField(_("IMO number"), max_length=7, unique=True)
    name = models.CharField(_("ship name"), max_length=120)
    call_sign = models.CharField(_("call sign"), max_length=12, blank=True, default="")
    flag = models.CharField(_("flag"), max_length=3)
    vessel_type = models.CharField(_("type"), max_length=16, choices=VesselType.choices)
    gross_tonnage = models.PositiveIntegerField(_("gross tonnage"))
    net_tonnage = models.PositiveIntegerField(_("net tonnage"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("vessel")
        verbose_name_plural = _("vessels")
        constraints = [
            models.CheckConstraint(
                name="vessel_nt_not_above_gt",
                condition=Q(net_tonnage__lte=models.F("gross_tonnage")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (IMO {self.imo_number})"


class CallPurpose(models.TextChoices):
    CARGO = "cargo", _("Loading / unloading cargo")
    PASSENGERS = "passengers", _("Embarking / disembarking passengers")
    BUNKERING = "bunkering", _("Bunkering and supplies")
    REPAIR = "repair", _("Repair")
    CREW_CHANGE = "crew_change", _("Crew change")
    TRANSIT = "transit", _("Transit")
    OTHER = "other", _("Other")


class PortCall(models.Model):
    vessel = models.ForeignKey(
        Vessel, on_delete=models.PROTECT, related_name="calls", verbose_name=_("vessel")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="port_calls", verbose_name=_("agent")
    )
    port = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="port_calls", verbose_name=_("port")
    )
    berth = models.CharField(_("berth"), max_length=60, blank=True, default="")
    voyage_number = models.CharField(_("voyage number"), max_length=30, blank=True, default="")
    eta = models.DateTimeField(_("ETA"))
    etd = models.DateTimeField(_("ETD"))
    ata = models.DateTimeField(_("actual arrival"), null=True, blank=True)
    atd = models.DateTimeField(_("actual departure"), null=True, blank=True)
    previous_port = models.CharField(_("previous port"), max_length=5, blank=True, default="")
    next_port = models.CharField(_("next port"), max_length=5, blank=True, default="")
    purpose = models.CharField(_("purpose"), max_length=16, choices=CallPurpose.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-eta"]
        verbose_name = _("port call")
        verbose_name_plural = _("port calls")
        constraints = [
            models.CheckConstraint(
                name="portcall_etd_after_eta", condition=Q(etd__gte=models.F("eta"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vessel.name} · {self.port.code} · {self.eta:%d/%m/%Y}"


class FilingKind(models.TextChoices):
    ARRIVAL = "arrival", _("Arrival")
    DEPARTURE = "departure", _("Departure")
    TRANSIT = "transit", _("Transit")


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CORRECTION_REQUESTED = "correction_requested", _("Correction requested")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


# Which status may follow which: every status change goes through this table.
TRANSITIONS: dict[str, frozenset[str]] = {
    FilingStatus.DRAFT: frozenset({FilingStatus.SUBMITTED}),
    FilingStatus.SUBMITTED: frozenset(
        {FilingStatus.CORRECTION_REQUESTED, FilingStatus.APPROVED, FilingStatus.REFUSED}
    ),
    FilingStatus.CORRECTION_REQUESTED: frozenset({FilingStatus.RESUBMITTED}),
    FilingStatus.RESUBMITTED: frozenset(
        {FilingStatus.CORRECTION_REQUESTED, FilingStatus.APPROVED, FilingStatus.REFUSED}
    ),
    FilingStatus.APPROVED: frozenset(),
    FilingStatus.REFUSED: frozenset(),
}
AWAITING_OFFICER = (FilingStatus.SUBMITTED, FilingStatus.RESUBMITTED)
EDITABLE = (FilingStatus.DRAFT, FilingStatus.CORRECTION_REQUESTED)


class Filing(models.Model):
    """One declaration (arrival, departure or transit) of a port call: FAL 1 plus lists."""

    port_call = models.ForeignKey(
        PortCall, on_delete=models.PROTECT, related_name="filings", verbose_name=_("port call")
    )
    # Denormalised from the call so scoping and the queue are one-table filters.
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="filings", verbose_name=_("agent")
    )
    port = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="filings", verbose_name=_("port")
    )
    eta = models.DateTimeField(_("ETA"), db_index=True)
    kind = models.CharField(_("declaration"), max_length=12, choices=FilingKind.choices)
    status = models.CharField(
        _("status"), max_length=24, choices=FilingStatus.choices, default=FilingStatus.DRAFT
    )
    # FAL 1 general declaration
    master_name = models.CharField(_("name of master"), max_length=120, blank=True, default="")
    last_port = models.CharField(_("last port of call"), max_length=5, blank=True, default="")
    cargo_description = models.TextField(_("brief description of cargo"), blank=True, default="")
    remarks = models.TextField(_("remarks"), blank=True, default="")
    # Declarations of weapons and stowaways
    weapons_on_board = models.BooleanField(_("weapons or ammunition on board"), default=False)
    weapons_details = models.TextField(_("weapons details"), blank=True, default="")
    stowaways_on_board = models.BooleanField(_("stowaways on board"), default=False)
    stowaways_details = models.TextField(_("stowaways details"), blank=True, default="")
    # The answer clock
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    first_answered_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    clearance_number = models.CharField(
        _("border clearance number"), max_length=40, blank=True, default=""
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True, default="")
    previous_filing = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The agent system's Idempotency-Key: a retried create returns the first filing.
    idempotency_key = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["eta", "pk"]
        verbose_name = _("filing")
        verbose_name_plural = _("filings")
        indexes = [models.Index(fields=["port", "status", "eta"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "idempotency_key"],
                name="filing_idempotency_unique",
                condition=~Q(idempotency_key=""),
            ),
            models.UniqueConstraint(
                fields=["clearance_number"],
                name="filing_clearance_unique",
                condition=~Q(clearance_number=""),
            ),
            models.CheckConstraint(
                name="filing_approved_has_clearance",
                condition=~Q(status="approved") | ~Q(clearance_number=""),
            ),
            models.CheckConstraint(
                name="filing_refused_has_reason",
                condition=~Q(status="refused") | ~Q(refusal_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()} · {self.port_call}"

    @property
    def awaiting_officer(self) -> bool:
        return self.status in AWAITING_OFFICER

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE


class PersonKind(models.TextChoices):
    CREW = "crew", _("Crew")
    PASSENGER = "passenger", _("Passenger")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    UNSPECIFIED = "X", _("Unspecified")


class ListPerson(models.Model):
    """A row of the FAL 5 crew list or FAL 6 passenger list."""

    filing = models.ForeignKey(
        Filing, on_delete=models.PROTECT, related_name="people", verbose_name=_("filing")
    )
    kind = models.CharField(_("list"), max_length=10, choices=PersonKind.choices)
    position = models.PositiveIntegerField(_("no."))
    family_name = models.CharField(_("family name"), max_length=100)
    given_names = models.CharField(_("given names"), max_length=100, blank=True, default="")
    official_name = models.CharField(_("official name"), max_length=200)
    rank = models.CharField(_("rank"), max_length=60, blank=True, default="")
    nationality = models.CharField(_("nationality"), max_length=3)
    birth_date = models.DateField(_("date of birth"))
    birth_place = models.CharField(_("place of birth"), max_length=100, blank=True, default="")
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    doc_type = models.CharField(_("document type"), max_length=1)
    doc_number = models.CharField(_("document number"), max_length=20)
    doc_issuing_state = models.CharField(_("issuing state"), max_length=3, blank=True, default="")
    doc_expiry = models.DateField(_("expiry date"), null=True, blank=True)
    visa = models.CharField(_("visa"), max_length=40, blank=True, default="")
    embark_port = models.CharField(_("port of embarkation"), max_length=5, blank=True, default="")
    disembark_port = models.CharField(
        _("port of disembarkation"), max_length=5, blank=True, default=""
    )
    transit = models.BooleanField(_("transit"), default=False)
    # Officers only: never shown to the agent.
    screened_at = models.DateTimeField(null=True, blank=True)
    screening_hits = models.PositiveIntegerField(default=0)
    screening_blocking = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind", "position"]
        verbose_name = _("listed person")
        verbose_name_plural = _("listed people")
        constraints = [
            models.UniqueConstraint(
                fields=["filing", "kind", "position"], name="listperson_unique_position"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.family_name} {self.given_names}".strip()

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.family_name, self.given_names) if p)


class Correction(models.Model):
    """An officer's request to correct a field of the declaration or a row of a list."""

    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="corrections")
    field = models.CharField(_("field"), max_length=60, blank=True, default="")
    list_kind = models.CharField(
        _("list"), max_length=10, choices=PersonKind.choices, blank=True, default=""
    )
    row = models.PositiveIntegerField(_("row"), null=True, blank=True)
    message = models.TextField(_("comment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("correction request")
        verbose_name_plural = _("correction requests")

    def __str__(self) -> str:
        return self.message[:60]


class AttachmentKind(models.TextChoices):
    FAL3 = "fal3", _("FAL 3 ship's stores declaration")
    FAL4 = "fal4", _("FAL 4 crew's effects declaration")


class Attachment(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="attachments")
    kind = models.CharField(_("attachment"), max_length=8, choices=AttachmentKind.choices)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class PermitKind(models.TextChoices):
    SHORE_LEAVE = "shore_leave", _("Shore-leave permit")
    BOARDING = "boarding", _("Boarding permit")


class Permit(models.Model):
    kind = models.CharField(_("permit"), max_length=12, choices=PermitKind.choices)
    number = models.CharField(_("number"), max_length=40, unique=True)
    filing = models.ForeignKey(Filing, on_delete=models.PROTECT, related_name="permits")
    person = models.ForeignKey(
        ListPerson, on_delete=models.PROTECT, null=True, blank=True, related_name="permits"
    )
    visitor_name = models.CharField(_("visitor"), max_length=200, blank=True, default="")
    visitor_document = models.CharField(
        _("visitor's document"), max_length=40, blank=True, default=""
    )
    purpose = models.CharField(_("purpose"), max_length=200, blank=True, default="")
    area = models.CharField(_("area"), max_length=200, blank=True, default="")
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("permit")
        verbose_name_plural = _("permits")
        constraints = [
            models.CheckConstraint(
                name="permit_window", condition=Q(valid_until__gt=models.F("valid_from"))
            ),
            models.CheckConstraint(
                name="permit_holder",
                condition=(Q(kind="shore_leave", person__isnull=False))
                | (Q(kind="boarding") & ~Q(visitor_name="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    @property
    def holder_name(self) -> str:
        return self.person.full_name if self.person else self.visitor_name


from .application_models import AgentApplication, ApplicationStatus  # noqa: E402, F401
