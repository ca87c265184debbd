"""The per-process memos of the checkpoint's hot path: how stale they may be, and when not.

A change made in another server process is simulated by a write that fires no signal
(``update()``) or whose on-commit hook does not run in the test transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from bienphong import caching
from bienphong.checkpoint.models import VisaRule
from bienphong.checkpoint.services.checks import run_check
from bienphong.health import services as health
from bienphong.org import services as org_services
from bienphong.org.models import ApiToken
from bienphong.watchlists.access import can_view_files
from bienphong.watchlists.models import Designation

from .conftest import korean, payload

pytestmark = pytest.mark.django_db

BOUND = 5.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(settings, monkeypatch):
    settings.BIENPHONG_LOOKUP_CACHE_SECONDS = BOUND
    fake = FakeClock()
    monkeypatch.setattr(caching, "clock", fake)
    caching.clear_all()
    health._forget_rules()
    yield fake
    caching.clear_all()
    health._forget_rules()


def codes(actor):
    return {item.code: item for item in run_check(actor=actor, payload=payload(korean())).items}


def test_visa_rule_changed_elsewhere_applies_within_the_bound(configured, users, clock):
    officer = users["officer_a"]
    assert codes(officer)["visa"].status == "ok"
    VisaRule.objects.filter(nationality="KOR").update(visa_required=True)  # no signal
    assert codes(officer)["visa"].status == "ok"  # still the memo
    clock.now += BOUND
    assert codes(officer)["visa"].status == "warning"


def test_visa_rule_saved_in_this_process_applies_at_once(configured, users, clock):
    officer = users["officer_a"]
    assert codes(officer)["visa"].status == "ok"
    for rule in VisaRule.objects.filter(nationality="KOR"):
        rule.visa_required = True
        rule.save()
    assert codes(officer)["visa"].status == "warning"


def test_health_measure_switched_on_applies_within_the_bound(configured, users, clock):
    officer = users["officer_a"]
    assert "health" not in codes(officer)
    # Saved by another process: its on-commit invalidation never reaches this one.
    health.measure_create(
        actor=users["staff"],
        data={
            "title": "Khai báo y tế",
            "requirement": "health_declaration",
            "valid_from": datetime(2026, 1, 1, tzinfo=UTC),
        },
    )
    assert "health" not in codes(officer)
    clock.now += BOUND - 0.1
    assert "health" not in codes(officer)
    clock.now += 0.1
    assert codes(officer)["health"].status == "block"


def test_health_measure_saved_in_this_process_applies_at_once(
    configured, users, clock, django_capture_on_commit_callbacks
):
    officer = users["officer_a"]
    assert "health" not in codes(officer)
    with django_capture_on_commit_callbacks(execute=True):
        health.measure_create(
            actor=users["staff"],
            data={
                "title": "Khai báo y tế",
                "requirement": "health_declaration",
                "valid_from": datetime(2026, 1, 1, tzinfo=UTC),
            },
        )
    assert codes(officer)["health"].status == "block"


def test_new_reason_code_is_accepted_within_the_bound(configured, users, clock):
    from bienphong.checkpoint.lookups import list_code_exists
    from bienphong.checkpoint.models import ListItem, ListKind

    assert not list_code_exists(ListKind.REFUSAL_REASON, "new_reason")
    ListItem.objects.bulk_create(
        [ListItem(kind=ListKind.REFUSAL_REASON, code="new_reason", label_vi="x", label_en="x")]
    )  # no signal
    assert not list_code_exists(ListKind.REFUSAL_REASON, "new_reason")
    clock.now += BOUND
    assert list_code_exists(ListKind.REFUSAL_REASON, "new_reason")


def api_check(token):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.post(
        "/api/v1/checkpoint/checks", payload(korean()), content_type="application/json"
    )


def test_revoked_token_stops_at_once_here_and_within_the_bound_elsewhere(configured, users, clock):
    row, token = org_services.token_create(
        actor=users["admin"], user=users["officer_a"], name="gate"
    )
    assert api_check(token).status_code == 200
    ApiToken.objects.filter(pk=row.pk).update(revoked_at=datetime.now(UTC))  # elsewhere
    assert api_check(token).status_code == 200
    clock.now += BOUND
    assert api_check(token).status_code == 401

    row, token = org_services.token_create(
        actor=users["admin"], user=users["officer_a"], name="gate 2"
    )
    assert api_check(token).status_code == 200
    org_services.token_revoke(actor=users["admin"], token=row)  # in this process
    assert api_check(token).status_code == 401


def test_token_requests_do_not_share_per_request_state(configured, users, clock):
    _row, token = org_services.token_create(
        actor=users["admin"], user=users["officer_a"], name="gate"
    )
    assert api_check(token).status_code == 200
    assert api_check(token).status_code == 200
    # The memoised user is copied per request: nothing a request sets on it survives.
    cached = caching._REGISTRY
    users_seen = [
        value[2].user
        for memo in cached
        if memo.name == "api-tokens"
        for value in memo._values.values()
        if value[2] is not None
    ]
    assert users_seen and not any(hasattr(u, "_bienphong_designated") for u in users_seen)


def test_designation_applies_within_the_bound(configured, users, clock):
    officer = users["officer_a"]
    assert not can_view_files(officer)
    Designation.objects.bulk_create([Designation(user=officer, granted_by=users["staff"])])
    fresh = type(officer).objects.get(pk=officer.pk)
    assert not can_view_files(fresh)
    clock.now += BOUND
    assert can_view_files(type(officer).objects.get(pk=officer.pk))


def test_zero_bound_reads_the_database_every_time(configured, users, settings):
    settings.BIENPHONG_LOOKUP_CACHE_SECONDS = 0
    officer = users["officer_a"]
    assert codes(officer)["visa"].status == "ok"
    VisaRule.objects.filter(nationality="KOR").update(visa_required=True)
    assert codes(officer)["visa"].status == "warning"
