from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from bienphong.errors import Conflict, NotFound, ValidationFailed
from bienphong.ports import permits, services
from bienphong.ports.permits import Verdict

from .conftest import make_filing

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(users, ports):
    filing = make_filing(users["agent_a"], submit=True)
    return services.filing_approve(actor=users["officer_a"], filing=filing)


def window(hours=12):
    start = timezone.now()
    return start, start + dt.timedelta(hours=hours)


def test_shore_leave_only_for_approved_filings(users, ports):
    filing = make_filing(users["agent_a"], submit=True)
    start, end = window()
    with pytest.raises(Conflict):
        permits.shore_leave_issue(
            actor=users["officer_a"],
            filing=filing,
            positions=[1],
            valid_from=start,
            valid_until=end,
            area="TP Hạ Long",
        )


def test_shore_leave_validation(users, approved):
    start, end = window()
    cases = [
        ({"positions": [], "area": "Hạ Long"}, "positions"),
        ({"positions": [1], "area": ""}, "area"),
        ({"positions": [1], "area": "x", "valid_until": start}, "valid_until"),
        (
            {"positions": [1], "area": "x", "valid_until": start + dt.timedelta(days=40)},
            "valid_until",
        ),
    ]
    for overrides, field in cases:
        kwargs = {"valid_from": start, "valid_until": end, **overrides}
        with pytest.raises(ValidationFailed) as caught:
            permits.shore_leave_issue(actor=users["officer_a"], filing=approved, **kwargs)
        assert field in caught.value.fields
    with pytest.raises(NotFound):
        permits.shore_leave_issue(
            actor=users["officer_b"],
            filing=approved,
            positions=[1],
            valid_from=start,
            valid_until=end,
            area="x",
        )


def test_tokens_verify_valid_expired_revoked_forged(users, approved):
    start, end = window()
    first, second = permits.shore_leave_issue(
        actor=users["officer_a"],
        filing=approved,
        positions=[2, 1],
        valid_from=start,
        valid_until=end,
        area="Thành phố Hạ Long",
    )
    assert [first.person.position, second.person.position] == [1, 2]
    token = permits.permit_token(first)
    assert permits.verify_token(token).verdict == Verdict.VALID
    assert permits.verify_token(token, now=end + dt.timedelta(minutes=1)).verdict == Verdict.EXPIRED
    assert (
        permits.verify_token(token, now=start - dt.timedelta(minutes=1)).verdict
        == Verdict.NOT_YET_VALID
    )
    assert permits.verify_token(token[:-2] + "xx").verdict == Verdict.FORGED
    assert permits.verify_token("garbage").verdict == Verdict.FORGED
    made_up = signing.dumps({"n": first.number, "k": first.kind}, salt="other")
    assert permits.verify_token(made_up).verdict == Verdict.FORGED
    unknown = signing.dumps({"n": "DB-999999-001", "k": "shore_leave"}, salt=permits.SALT)
    assert permits.verify_token(unknown).verdict == Verdict.FORGED
    permits.permit_revoke(actor=users["officer_a"], permit=second, reason="Vi phạm")
    assert permits.verify_token(permits.permit_token(second)).verdict == Verdict.REVOKED
    with pytest.raises(Conflict):
        permits.permit_revoke(actor=users["officer_a"], permit=second, reason="again")


def test_boarding_permit(users, approved):
    start, end = window(4)
    with pytest.raises(ValidationFailed):
        permits.boarding_issue(
            actor=users["officer_a"],
            filing=approved,
            visitor_name="Đỗ Văn Khách",
            visitor_document="",
            purpose="Sửa máy",
            valid_from=start,
            valid_until=end,
        )
    permit = permits.boarding_issue(
        actor=users["officer_a"],
        filing=approved,
        visitor_name="Đỗ Văn Khách",
        visitor_document="c0123456789",
        purpose="Sửa máy",
        valid_from=start,
        valid_until=end,
    )
    assert permit.number.startswith("LT-") and permit.visitor_document == "C0123456789"
    with time_machine.travel(end + dt.timedelta(seconds=1)):
        assert permits.verify_token(permits.permit_token(permit)).verdict == Verdict.EXPIRED


def test_pdf_embeds_dejavu_and_vietnamese_text(users, approved):
    start, end = window()
    (permit,) = permits.shore_leave_issue(
        actor=users["officer_a"],
        filing=approved,
        positions=[1],
        valid_from=start,
        valid_until=end,
        area="Thành phố Hạ Long, Quảng Ninh",
    )
    pdf = permits.permit_pdf(permit)
    assert pdf.startswith(b"%PDF")
    assert b"DejaVuSans" in pdf and b"FontFile2" in pdf
    assert len(pdf) < 200_000


def test_officer_revokes_a_permit_on_screen_with_a_reason(users, approved):
    from django.test import Client

    start, end = window()
    (permit,) = permits.shore_leave_issue(
        actor=users["officer_a"],
        filing=approved,
        positions=[1],
        valid_from=start,
        valid_until=end,
        area="Thành phố Hạ Long",
    )
    officer = Client()
    officer.force_login(users["officer_a"])
    review = officer.get(f"/ports/review/{approved.pk}/").content.decode()
    assert 'data-testid="revoke-permit"' in review
    url = f"/ports/permits/{permit.pk}/revoke/"
    officer.post(url, {"reason": "  "})
    permit.refresh_from_db()
    assert permit.revoked_at is None
    officer.post(url, {"reason": "Thuyền viên vi phạm quy định"})
    permit.refresh_from_db()
    assert permit.revoked_at is not None and permit.revoke_reason.startswith("Thuyền viên")
    assert permits.verify_token(permits.permit_token(permit)).verdict == Verdict.REVOKED
    other = Client()
    other.force_login(users["officer_b"])
    assert other.post(url, {"reason": "x"}).status_code == 404
    agent = Client()
    agent.force_login(users["agent_a"])
    assert agent.post(url, {"reason": "x"}).status_code == 403
