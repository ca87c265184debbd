"""Test factories: small, explicit builders for units, organisations and users."""

from __future__ import annotations

import itertools
from typing import Any

from bienphong.org import services
from bienphong.org.models import GateKind, Organisation, Unit, UnitType, User

PASSWORD = "Kiem-Soat-2026!"
_seq = itertools.count(1)


def make_unit(
    code: str,
    parent: Unit | None = None,
    unit_type: str = UnitType.POST,
    gate_kind: str = GateKind.NONE,
    **fields: Any,
) -> Unit:
    fields.setdefault("name_vi", f"Đơn vị {code}")
    fields.setdefault("name_en", f"Unit {code}")
    return services.unit_create(
        actor=None, parent=parent, code=code, unit_type=unit_type, gate_kind=gate_kind, **fields
    )


def make_organisation(name: str = "", tax_code: str = "") -> Organisation:
    n = next(_seq)
    return services.organisation_create(
        actor=None, name=name or f"Đại lý {n}", tax_code=tax_code or f"57{n:08d}"
    )


def make_user(
    role: str,
    unit: Unit | None = None,
    organisation: Organisation | None = None,
    username: str = "",
    password: str = PASSWORD,
) -> User:
    return services.user_create(
        actor=None,
        username=username or f"user{next(_seq)}",
        password=password,
        role=role,
        unit=unit,
        organisation=organisation,
        full_name="Nguyễn Văn Thử",
    )
