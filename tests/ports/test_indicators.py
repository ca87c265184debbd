"""The seaport indicator that resolution targets can be bound to."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from bienphong.ports import services
from bienphong.ports.indicators import answered_within_hour
from bienphong.ports.models import Filing
from bienphong.resolutions.indicators import registry

from .conftest import make_filing

pytestmark = pytest.mark.django_db


def test_share_of_filings_answered_within_one_hour(tree, users, ports):
    fast = make_filing(users["agent_a"], submit=True)
    services.filing_approve(actor=users["officer_a"], filing=fast)
    slow = make_filing(users["agent_a"], submit=True)
    Filing.objects.filter(pk=slow.pk).update(submitted_at=timezone.now() - dt.timedelta(hours=3))
    services.filing_approve(actor=users["officer_a"], filing=slow)
    make_filing(users["agent_a"], submit=True)  # not answered yet: late
    today = timezone.localdate()
    assert answered_within_hour(tree.command, today, today) == Decimal("33.33")
    assert answered_within_hour(tree.post_b, today, today) is None
    assert "ports.answered_within_hour" in registry
