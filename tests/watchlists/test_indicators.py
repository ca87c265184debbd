from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from bienphong.resolutions.indicators import registry
from bienphong.watchlists import screening, services
from bienphong.watchlists.indicators import hits_reviewed_same_day
from bienphong.watchlists.models import ScreeningHit

pytestmark = pytest.mark.django_db


def test_share_of_hits_reviewed_within_the_day(tree, users, watchlist):
    first = (
        screening.screen_person(
            actor=users["officer_a"], unit=tree.gate_a, name="Nguyen Van An", dob="1980-05-12"
        )
        .outcomes[0]
        .hit
    )
    screening.screen_person(
        actor=users["officer_a"], unit=tree.gate_a, name="Wang Xiaoming", dob="1975"
    )
    services.hit_decide(
        actor=users["officer_a"], hit=first, decision="dismissed", reason="Khác người"
    )
    today = timezone.localdate()
    assert hits_reviewed_same_day(tree.command, today, today) == Decimal("50.00")
    ScreeningHit.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - dt.timedelta(days=2)
    )
    yesterday = today - dt.timedelta(days=2)
    assert hits_reviewed_same_day(tree.post_a, yesterday, yesterday) == Decimal("0.00")
    assert hits_reviewed_same_day(tree.post_b, today, today) is None
    assert "watchlists.hits_reviewed_same_day" in registry
