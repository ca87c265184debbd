"""Travellers (one per person, across documents) and their travel documents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    ID_CARD = "id_card", _("Identity card")
    BORDER_AREA_PASS = "border_area_pass", _("Border-area pass")
    BORDER_RESIDENT_PASS = "border_resident_pass", _("Border-resident pass")
    CN_EXIT_ENTRY_PASS = "cn_exit_entry_pass", _("Chinese exit-entry pass")
    SEAFARER_BOOK = "seafarer_book", _("Seafarer's book")
    VISA = "visa", _("Visa")


class Traveller(models.Model):
    """A person who crosses. The same person with a new passport is the same traveller:
    documents attach to the traveller found by identity (name, birth date, nationality).
    A merge points the duplicate at the surviving record; nothing is deleted."""

    full_name = models.CharField(_("full name"), max_length=300)
    # Upper-case, diacritics folded, name parts sorted: the identity comparison form.
    name_key = models.CharField(max_length=300, db_index=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_date_text = models.CharField(max_length=10, blank=True, default="")
    nationality = models.CharField(_("nationality"), max_length=3)
    sex = models.CharField(_("sex"), max_length=1, blank=True, default="")
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("traveller")
        verbose_name_plural = _("travellers")
        indexes = [
            models.Index(
                fields=["name_key", "birth_date_text", "nationality"],
                name="cp_traveller_identity_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class TravelDocument(models.Model):
    traveller = models.ForeignKey(
        Traveller,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("traveller"),
    )
    doc_type = models.CharField(_("document type"), max_length=24, choices=DocumentType.choices)
    number = models.CharField(_("document number"), max_length=32)
    issuing_state = models.CharField(_("issuing state"), max_length=3)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    expiry_date = models.DateField(_("expiry date"), null=True, blank=True)
    # Border passes: single or multiple entry, and the areas they are valid in.
    entries = models.CharField(_("entries"), max_length=8, blank=True, default="")
    areas = models.JSONField(_("valid areas"), default=list, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("travel document")
        verbose_name_plural = _("travel documents")
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "issuing_state", "number"], name="cp_document_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_doc_type_display()} {self.issuing_state} {self.number}"


class TravellerMerge(models.Model):
    """History of merges and splits, so a wrong merge can be undone exactly."""

    survivor = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="+")
    duplicate = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="+")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=300)
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.duplicate_id} -> {self.survivor_id}"
