from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from bienphong.audit.models import AuditEntry
from bienphong.org.models import Membership, Organisation, Unit, User
from bienphong.org.roles import Role

pytestmark = pytest.mark.django_db


def state():
    return (
        list(Unit.objects.values_list("code", "path", "name_vi").order_by("code")),
        list(User.objects.values_list("username", "password").order_by("username")),
        Membership.objects.count(),
        Organisation.objects.count(),
        AuditEntry.objects.count(),
    )


def test_demo_is_idempotent_and_prints_logins():
    out = io.StringIO()
    call_command("demo", stdout=out)
    first = state()
    call_command("demo", stdout=io.StringIO())
    assert state() == first
    text = out.getvalue()
    for username in ("canbo.mongcai", "thammuu.bch", "daily.quangninh", "kiemtra.bch", "quantri"):
        assert username in text


def test_demo_has_the_quang_ninh_gates_and_ports():
    call_command("demo", stdout=io.StringIO())
    assert Unit.objects.get(code="CANG-CL").unlocode == "VNCLN"
    assert Unit.objects.get(code="CK-BL1").gate_kind == "international"
    names = " ".join(Unit.objects.values_list("name_vi", flat=True))
    for place in (
        "Bắc Luân I",
        "Bắc Luân II",
        "Ka Long",
        "Km3+4",
        "Hoành Mô",
        "Bắc Phong Sinh",
        "Pò Hèn",
        "Cái Lân",
        "Hòn Gai",
        "Cẩm Phả",
        "Vạn Gia",
    ):
        assert place in names
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
