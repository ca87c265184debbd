from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bienphong.org.models import GateKind, UnitType
from tests.factories import make_unit

from .helpers import crossing, local, traveller


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def gate_b(tree: Any) -> Any:
    return make_unit("CK-B", tree.post_b, UnitType.GATE, GateKind.MAIN, borders_country="CHN")


@pytest.fixture
def traffic(tree: Any, users: dict[str, Any], gate_b: Any) -> dict[str, Any]:
    """Today: 3 entries and 1 refused exit at gate A (post A), 5 entries at gate B."""
    today = timezone.localdate()
    officer = users["officer_a"]
    vn, cn = traveller("VNM", "passport"), traveller("CHN", "cn_exit_entry_pass")
    for i in range(3):
        crossing(document=vn if i else cn, unit=tree.gate_a, officer=officer, at=local(today, 0, i))
    crossing(
        document=cn, unit=tree.gate_a, officer=officer, at=local(today, 0, 5),
        direction="exit", decision="refused", reason_code="no_visa",
    )  # fmt: skip
    for i in range(5):
        crossing(document=vn, unit=gate_b, officer=users["officer_b"], at=local(today, 0, 10 + i))
    last_year = (
        today.replace(year=today.year - 1)
        if not (today.month == 2 and today.day == 29)
        else today - dt.timedelta(days=366)
    )
    crossing(document=vn, unit=tree.gate_a, officer=officer, at=local(last_year, 9))
    return {"today": today}
