"""Shore-leave and boarding permits: issue, revoke, sign, verify, and print as PDF."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import Conflict, ValidationFailed

from .models import Filing, FilingStatus, ListPerson, Permit, PermitKind, PersonKind
from .services import _require_officer, agent_users

SALT = "bienphong.ports.permit"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MAX_SHORE_LEAVE = dt.timedelta(days=30)

E_NOT_APPROVED = gettext_lazy("Permits are issued only for approved filings.")
E_WINDOW = gettext_lazy("The end of validity must be after its start.")
E_TOO_LONG = gettext_lazy("A permit may be valid for at most 30 days.")
E_NO_CREW = gettext_lazy("Choose at least one crew member.")
E_AREA = gettext_lazy("Say where shore leave is allowed.")
E_VISITOR = gettext_lazy("Give the visitor's name, document and purpose.")
E_ALREADY_REVOKED = gettext_lazy("This permit is already revoked.")


class Verdict:
    VALID = "valid"
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    FORGED = "forged"


VERDICT_LABELS = {
    Verdict.VALID: pgettext_lazy("permit verdict", "Valid"),
    Verdict.NOT_YET_VALID: pgettext_lazy("permit verdict", "Not yet valid"),
    Verdict.EXPIRED: pgettext_lazy("permit verdict", "Expired"),
    Verdict.REVOKED: pgettext_lazy("permit verdict", "Revoked"),
    Verdict.FORGED: pgettext_lazy("permit verdict", "Forged or unknown"),
}


def _window(valid_from: dt.datetime, valid_until: dt.datetime) -> None:
    if valid_until <= valid_from:
        raise ValidationFailed(fields={"valid_until": [str(E_WINDOW)]})
    if valid_until - valid_from > MAX_SHORE_LEAVE:
        raise ValidationFailed(fields={"valid_until": [str(E_TOO_LONG)]})


def _approved(actor: Any, filing: Filing) -> Filing:
    _require_officer(actor, filing)
    filing = Filing.objects.select_for_update().select_related("port").get(pk=filing.pk)
    if filing.status != FilingStatus.APPROVED:
        raise Conflict(E_NOT_APPROVED)
    return filing


def _number(filing: Filing, kind: str, sequence: int) -> str:
    prefix = "DB" if kind == PermitKind.SHORE_LEAVE else "LT"
    return f"{prefix}-{filing.pk:06d}-{sequence:03d}"


def _record(actor: Any, permit: Permit) -> None:
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event=f"ports.permit.{permit.kind}",
        obj=permit,
        unit_code=permit.filing.port.code,
        after=audit.snapshot(permit),
    )


def _notify(filing: Filing, permits: list[Permit]) -> None:
    from bienphong.notifications.services import notify

    notify(
        recipients=agent_users(filing.organisation_id),
        kind="ports.permit",
        title=_("%(count)s permits issued for filing #%(id)s")
        % {"count": len(permits), "id": filing.pk},
        url=reverse("ports_filing", args=[filing.pk]),
    )


@transaction.atomic
def shore_leave_issue(
    *,
    actor: Any,
    filing: Filing,
    positions: list[int],
    valid_from: dt.datetime,
    valid_until: dt.datetime,
    area: str,
) -> list[Permit]:
    filing = _approved(actor, filing)
    _window(valid_from, valid_until)
    area = (area or "").strip()
    if not area:
        raise ValidationFailed(fields={"area": [str(E_AREA)]})
    crew = list(
        ListPerson.objects.filter(filing=filing, kind=PersonKind.CREW, position__in=positions)
    )
    if not crew:
        raise ValidationFailed(fields={"positions": [str(E_NO_CREW)]})
    sequence = filing.permits.count()
    issued = []
    for person in sorted(crew, key=lambda p: p.position):
        sequence += 1
        permit = Permit(
            kind=PermitKind.SHORE_LEAVE,
            number=_number(filing, PermitKind.SHORE_LEAVE, sequence),
            filing=filing,
            person=person,
            area=area[:200],
            purpose=_("Shore leave"),
            valid_from=valid_from,
            valid_until=valid_until,
            issued_by=actor,
        )
        permit.full_clean()
        permit.save()
        _record(actor, permit)
        issued.append(permit)
    _notify(filing, issued)
    return issued


@transaction.atomic
def boarding_issue(
    *,
    actor: Any,
    filing: Filing,
    visitor_name: str,
    visitor_document: str,
    purpose: str,
    valid_from: dt.datetime,
    valid_until: dt.datetime,
) -> Permit:
    filing = _approved(actor, filing)
    _window(valid_from, valid_until)
    values = [(visitor_name or "").strip(), (visitor_document or "").strip(), purpose.strip()]
    if not all(values):
        raise ValidationFailed(fields={"visitor_name": [str(E_VISITOR)]})
    permit = Permit(
        kind=PermitKind.BOARDING,
        number=_number(filing, PermitKind.BOARDING, filing.permits.count() + 1),
        filing=filing,
        visitor_name=values[0][:200],
        visitor_document=values[1].upper()[:40],
        purpose=values[2][:200],
        valid_from=valid_from,
        valid_until=valid_until,
        issued_by=actor,
    )
    permit.full_clean()
    permit.save()
    _record(actor, permit)
    _notify(filing, [permit])
    return permit


@transaction.atomic
def permit_revoke(*, actor: Any, permit: Permit, reason: str) -> Permit:
    _require_officer(actor, permit.filing)
    permit = Permit.objects.select_for_update().select_related("filing__port").get(pk=permit.pk)
    if permit.revoked_at is not None:
        raise Conflict(E_ALREADY_REVOKED)
    permit.revoked_at = timezone.now()
    permit.revoke_reason = (reason or "").strip()[:200]
    permit.save(update_fields=["revoked_at", "revoke_reason"])
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="ports.permit.revoke",
        obj=permit,
        unit_code=permit.filing.port.code,
        before={"revoked_at": None},
        after={"revoked_at": permit.revoked_at, "reason": permit.revoke_reason},
    )
    return permit


# --- tokens ------------------------------------------------------------------------


def permit_token(permit: Permit) -> str:
    """The signed token printed in the QR code: it names the permit and cannot be made
    up without the server's secret key."""
    return signing.dumps({"n": permit.number, "k": permit.kind}, salt=SALT)


@dataclass(frozen=True)
class Verification:
    verdict: str
    permit: Permit | None = None

    @property
    def label(self) -> str:
        return str(VERDICT_LABELS[self.verdict])


def verify_token(token: str, *, now: dt.datetime | None = None) -> Verification:
    try:
        data = signing.loads((token or "").strip(), salt=SALT)
    except signing.BadSignature:
        return Verification(Verdict.FORGED)
    number = data.get("n") if isinstance(data, dict) else None
    permit = (
        Permit.objects.select_related("filing__port_call__vessel", "filing__port", "person")
        .filter(number=number, kind=data.get("k"))
        .first()
        if number
        else None
    )
    if permit is None:
        return Verification(Verdict.FORGED)
    now = now or timezone.now()
    if permit.revoked_at is not None:
        return Verification(Verdict.REVOKED, permit)
    if now > permit.valid_until:
        return Verification(Verdict.EXPIRED, permit)
    if now < permit.valid_from:
        return Verification(Verdict.NOT_YET_VALID, permit)
    return Verification(Verdict.VALID, permit)


# --- PDF ---------------------------------------------------------------------------


def _local(value: dt.datetime) -> str:
    return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")


def permit_pdf(permit: Permit) -> bytes:
    """An A5 permit with DejaVu fonts embedded (full Vietnamese) and the QR token."""
    import segno
    from fpdf import FPDF

    filing = permit.filing
    vessel = filing.port_call.vessel
    pdf = FPDF(orientation="P", unit="mm", format=(148, 210))  # A5
    pdf.set_title(permit.number)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, "BỘ ĐỘI BIÊN PHÒNG\n" + filing.port.name_vi.upper(), align="C")
    pdf.ln(3)
    title = (
        "GIẤY PHÉP ĐI BỜ / SHORE-LEAVE PERMIT"
        if permit.kind == PermitKind.SHORE_LEAVE
        else "GIẤY PHÉP XUỐNG TÀU / BOARDING PERMIT"
    )
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(0, 7, title, align="C")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, f"Số / No.: {permit.number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    lines = [("Họ tên / Name", permit.holder_name)]
    if permit.person is not None:
        person = permit.person
        lines += [
            ("Chức danh / Rank", person.rank),
            ("Quốc tịch / Nationality", person.nationality),
            ("Giấy tờ / Document", f"{person.doc_type} {person.doc_number}"),
            ("Khu vực / Area", permit.area),
        ]
    else:
        lines += [
            ("Giấy tờ / Document", permit.visitor_document),
            ("Mục đích / Purpose", permit.purpose),
        ]
    lines += [
        ("Tàu / Vessel", f"{vessel.name} (IMO {vessel.imo_number})"),
        ("Thông quan / Clearance", filing.clearance_number),
        ("Hiệu lực từ / Valid from", _local(permit.valid_from)),
        ("Đến / Until", _local(permit.valid_until)),
    ]
    for label, value in lines:
        pdf.set_font("DejaVu", "B", 9)
        pdf.cell(48, 6, label)
        pdf.set_font("DejaVu", "", 9)
        pdf.multi_cell(0, 6, value or "—", new_x="LMARGIN", new_y="NEXT")
    image = io.BytesIO()
    segno.make(permit_token(permit), error="m").save(image, kind="png", scale=4, border=2)
    image.seek(0)
    pdf.ln(2)
    pdf.image(image, x=(pdf.w - 45) / 2, w=45)
    pdf.set_font("DejaVu", "", 7)
    pdf.multi_cell(
        0,
        4,
        "Quét mã QR để kiểm tra tính hợp lệ / Scan the QR code to verify this permit.",
        align="C",
    )
    return bytes(pdf.output())
