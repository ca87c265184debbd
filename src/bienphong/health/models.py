"""Health-control measures (set by command staff) and travellers' health declarations.

A declaration holds personal health data, which is *sensitive* under Decree 13/2023/NĐ-CP:
it records the traveller's consent and the purpose they were shown, carries a retention
date (``bienphong health purge`` anonymises it after that), and every staff view of it
is written to the audit chain.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bienphong.org.models import Unit


class Requirement(models.TextChoices):
    HEALTH_DECLARATION = "health_declaration", _("Health declaration")
    TEST_CERTIFICATE = "test_certificate", _("Test certificate")
    VACCINATION = "vaccination", _("Vaccination")
    MEDICAL_CHECK = "medical_check", _("Medical check")
    QUARANTINE_REFERRAL = "quarantine_referral", _("Quarantine referral")


class Direction(models.TextChoices):
    ENTRY = "entry", _("Entry")
    EXIT = "exit", _("Exit")


class Category(models.TextChoices):
    TOURIST = "tourist", _("Tourist")
    BORDER_RESIDENT = "border_resident", _("Border resident")
    BUSINESS = "business", _("Business")
    DRIVER = "driver", _("Driver")
    CREW = "crew", _("Crew")
    OFFICIAL = "official", _("Official")
    OTHER = "other", _("Other")


class Symptom(models.TextChoices):
    """The symptoms the declaration form asks about (Decree 89/2018/NĐ-CP)."""

    FEVER = "fever", _("Fever")
    COUGH = "cough", _("Cough")
    DIFFICULTY_BREATHING = "difficulty_breathing", _("Difficulty breathing")
    SORE_THROAT = "sore_throat", _("Sore throat")
    VOMITING = "vomiting", _("Vomiting")
    DIARRHOEA = "diarrhoea", _("Diarrhoea")
    SKIN_HAEMORRHAGE = "skin_haemorrhage", _("Skin haemorrhage")
    RASH = "rash", _("Rash")


class Disease(models.TextChoices):
    YELLOW_FEVER = "yellow_fever", _("Yellow fever")
    CHOLERA = "cholera", _("Cholera")
    COVID_19 = "covid_19", _("COVID-19")
    POLIO = "polio", _("Polio")
    MEASLES = "measles", _("Measles")


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    ID_CARD = "id_card", _("Identity card")
    BORDER_PASS = "border_pass", _("Border-area pass")
    EXIT_ENTRY_PASS = "exit_entry_pass", _("Exit-entry pass")
    SEAFARER_BOOK = "seafarer_book", _("Seafarer's book")
    OTHER = "other", _("Other")


class Source(models.TextChoices):
    ONLINE = "online", _("Online")
    GATE = "gate", _("At the gate")


class HealthMeasure(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True, default="")
    requirement = models.CharField(_("requirement"), max_length=24, choices=Requirement.choices)
    is_active = models.BooleanField(_("switched on"), default=True)
    valid_from = models.DateTimeField(_("effective from"))
    valid_until = models.DateTimeField(_("effective until"), null=True, blank=True)
    gates = models.ManyToManyField(
        Unit, blank=True, related_name="health_measures", verbose_name=_("gates")
    )
    directions = models.JSONField(_("directions"), default=list, blank=True)
    origin_countries = models.JSONField(_("nationalities"), default=list, blank=True)
    travel_countries = models.JSONField(_("recent-travel countries"), default=list, blank=True)
    lookback_days = models.PositiveSmallIntegerField(_("travel look-back (days)"), default=14)
    categories = models.JSONField(_("traveller categories"), default=list, blank=True)
    trigger_symptoms = models.JSONField(_("triggering symptoms"), default=list, blank=True)
    trigger_contact = models.BooleanField(_("triggered by contact with a case"), default=False)
    test_within_hours = models.PositiveSmallIntegerField(
        _("test within (hours)"), null=True, blank=True
    )
    disease = models.CharField(_("disease"), max_length=32, blank=True, default="")
    vaccination_min_days = models.PositiveSmallIntegerField(
        _("protection starts after (days)"), default=0
    )
    declaration_valid_hours = models.PositiveSmallIntegerField(
        _("declaration valid for (hours)"), default=72
    )
    owner_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner unit")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_active", "-valid_from", "pk"]
        verbose_name = _("health measure")
        verbose_name_plural = _("health measures")
        constraints = [
            models.CheckConstraint(
                name="health_measure_period_order",
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
            ),
            models.CheckConstraint(
                name="health_measure_test_hours",
                condition=~Q(requirement="test_certificate") | Q(test_within_hours__gt=0),
            ),
            models.CheckConstraint(
                name="health_measure_disease",
                condition=~Q(requirement="vaccination") | ~Q(disease=""),
            ),
            models.CheckConstraint(
                name="health_measure_lookback",
                condition=Q(lookback_days__gte=1, lookback_days__lte=60),
            ),
            models.CheckConstraint(name="health_measure_title_not_blank", condition=~Q(title="")),
        ]

    def __str__(self) -> str:
        return self.title


class HealthDeclaration(models.Model):
    """A traveller's health declaration, submitted online or taken at the gate."""

    code = models.CharField(_("reference code"), max_length=8, unique=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    # Identity. Dates of birth may be partial (year, or year and month).
    full_name = models.CharField(_("full name"), max_length=200)
    document_type = models.CharField(
        _("document type"), max_length=16, choices=DocumentType.choices
    )
    document_number = models.CharField(_("document number"), max_length=32, db_index=True)
    nationality = models.CharField(_("nationality"), max_length=3)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("birth month"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("birth day"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, blank=True, default="")
    # Travel.
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    gate = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="health_declarations",
        verbose_name=_("gate"),
    )
    planned_date = models.DateField(_("planned crossing date"))
    category = models.CharField(
        _("traveller category"), max_length=16, choices=Category.choices, blank=True, default=""
    )
    travel_days = models.PositiveSmallIntegerField(_("travel history period (days)"), default=14)
    travel_countries = models.JSONField(_("countries visited"), default=list, blank=True)
    # Health.
    symptoms = models.JSONField(_("symptoms"), default=list, blank=True)
    contact_with_case = models.BooleanField(_("contact with a case"), default=False)
    vaccinations = models.JSONField(_("vaccinations"), default=list, blank=True)
    # Contact.
    phone = models.CharField(_("phone"), max_length=32, blank=True, default="")
    email = models.EmailField(_("email"), blank=True, default="")
    # Lawful basis (Decree 13/2023/NĐ-CP): consent, the purpose shown, retention.
    consent = models.BooleanField(_("consent given"), default=False)
    consent_purpose = models.TextField(_("purpose shown to the traveller"))
    lawful_basis = models.CharField(_("lawful basis"), max_length=300)
    language = models.CharField(_("language"), max_length=8, default="vi")
    retain_until = models.DateField(_("retain until"))
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taken by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("health declaration")
        verbose_name_plural = _("health declarations")
        constraints = [
            models.CheckConstraint(name="health_decl_consent", condition=Q(consent=True)),
            models.CheckConstraint(
                name="health_decl_sex", condition=Q(sex__in=["", "M", "F", "X"])
            ),
            models.CheckConstraint(
                name="health_decl_direction", condition=Q(direction__in=["entry", "exit"])
            ),
            models.CheckConstraint(
                name="health_decl_source", condition=Q(source__in=["online", "gate"])
            ),
            models.CheckConstraint(
                name="health_decl_birth_month",
                condition=Q(birth_month__isnull=True)
                | Q(birth_month__gte=1, birth_month__lte=12, birth_year__isnull=False),
            ),
            models.CheckConstraint(
                name="health_decl_birth_day",
                condition=Q(birth_day__isnull=True)
                | Q(birth_day__gte=1, birth_day__lte=31, birth_month__isnull=False),
            ),
            models.CheckConstraint(
                name="health_decl_travel_days", condition=Q(travel_days__in=[14, 21])
            ),
            models.CheckConstraint(
                name="health_decl_gate_taken_by_officer",
                condition=~Q(source="gate") | Q(created_by__isnull=False),
            ),
        ]
        indexes = [models.Index(fields=["retain_until"], name="health_decl_retain_idx")]

    def __str__(self) -> str:
        from .codes import display

        return display(self.code)

    @property
    def display_code(self) -> str:
        from .codes import display

        return display(self.code)

    @property
    def birth_display(self) -> str:
        if not self.birth_year:
            return ""
        if not self.birth_month:
            return f"{self.birth_year:04d}"
        if not self.birth_day:
            return f"{self.birth_month:02d}/{self.birth_year:04d}"
        return f"{self.birth_day:02d}/{self.birth_month:02d}/{self.birth_year:04d}"

    @property
    def has_symptoms(self) -> bool:
        return bool(self.symptoms)
