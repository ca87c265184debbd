"""Units of the Border Guard, external organisations, users and their roles."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .roles import Role


class UnitType(models.TextChoices):
    COMMAND = "command", _("Provincial command")
    POST = "post", _("Border post")
    GATE = "gate", _("Border gate")
    SEAPORT = "seaport", _("Seaport")
    STATION = "station", _("Station / checkpoint")


class GateKind(models.TextChoices):
    NONE = "", _("Not a gate")
    INTERNATIONAL = "international", _("International gate")
    MAIN = "main", _("Main gate")
    SECONDARY = "secondary", _("Secondary gate")
    CROSSING_POINT = "crossing_point", _("Crossing point")
    SEAPORT = "seaport", _("Seaport")


LAND_GATE_KINDS = [
    GateKind.INTERNATIONAL,
    GateKind.MAIN,
    GateKind.SECONDARY,
    GateKind.CROSSING_POINT,
]


class Unit(models.Model):
    """A node of the unit tree: command -> posts -> gates, seaports, stations."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    unit_type = models.CharField(_("type"), max_length=16, choices=UnitType.choices)
    gate_kind = models.CharField(
        _("gate kind"), max_length=16, choices=GateKind.choices, blank=True, default=""
    )
    unlocode = models.CharField(_("UN/LOCODE"), max_length=5, blank=True, default="")
    # The neighbouring country a land gate opens onto (border-area passes are valid
    # only at gates on that border).
    borders_country = models.CharField(_("borders"), max_length=3, blank=True, default="")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("superior unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    # Materialised path of codes ("/QN/MC/BL1/"): subtree queries are one prefix match.
    path = models.CharField(max_length=512, editable=False, db_index=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.CheckConstraint(
                name="unit_root_is_command",
                condition=(Q(unit_type=UnitType.COMMAND, parent__isnull=True))
                | (~Q(unit_type=UnitType.COMMAND) & Q(parent__isnull=False)),
            ),
            models.CheckConstraint(
                name="unit_gate_kind_matches_type",
                condition=(Q(unit_type=UnitType.GATE, gate_kind__in=LAND_GATE_KINDS))
                | Q(unit_type=UnitType.SEAPORT, gate_kind=GateKind.SEAPORT)
                | (~Q(unit_type__in=[UnitType.GATE, UnitType.SEAPORT]) & Q(gate_kind="")),
            ),
            models.CheckConstraint(
                name="unit_unlocode_shape",
                condition=Q(unlocode="") | Exact(Length("unlocode"), 5),  # type: ignore[arg-type]
            ),
            models.CheckConstraint(name="unit_code_not_blank", condition=~Q(code="")),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.path = self.compute_path()
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        """The name in the active language."""
        return self.name_en if (get_language() or "vi").startswith("en") else self.name_vi

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else "/"
        return f"{prefix}{self.code}/"


class Organisation(models.Model):
    """An external organisation whose users file with us (a shipping agent)."""

    name = models.CharField(_("name"), max_length=200)
    tax_code = models.CharField(_("tax code"), max_length=20, unique=True)
    email = models.EmailField(_("email"), blank=True, default="")
    phone = models.CharField(_("phone"), max_length=32, blank=True, default="")
    is_approved = models.BooleanField(_("approved"), default=False)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who signs in. Users are deactivated, never deleted."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username


class Membership(models.Model):
    """A role a user holds in a unit, or (for agents) in an organisation."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                name="membership_scope_matches_role",
                condition=(
                    Q(role=Role.SHIPPING_AGENT, organisation__isnull=False, unit__isnull=True)
                    | (
                        ~Q(role=Role.SHIPPING_AGENT)
                        & Q(unit__isnull=False, organisation__isnull=True)
                    )
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                name="membership_unique_unit_role",
                condition=Q(unit__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                name="membership_unique_org_role",
                condition=Q(organisation__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        where = self.unit.code if self.unit else str(self.organisation)
        return f"{self.user} · {self.get_role_display()} · {where}"


class ApiToken(models.Model):
    """A bearer token for a machine client. Only a SHA-256 digest is stored."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
