"""Demo data: vessels calling at Cái Lân and Hòn Gai, crew lists, a filing in each status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from bienphong.org.demo import DemoReport
from bienphong.org.models import Organisation, User

from . import lists, permits, services
from .models import Filing

AGENT = "daily.quangninh"
OFFICER = "thammuu.bch"

CREW = [
    ("Nguyễn", "Văn Hải", "Thuyền trưởng", "VNM", "14/03/1972", "C2345671"),
    ("Trần", "Quốc Bảo", "Chief officer", "VNM", "02/09/1980", "C2345672"),
    ("Lê", "Minh Tuấn", "Chief engineer", "Việt Nam", "21/11/1978", "C2345673"),
    ("Phạm", "Thị Thu", "Cook", "VNM", "05/06/1990", "C2345674"),
    ("Zhang", "Wei", "Able seaman", "Trung Quốc", "1988-07-19", "E12345678"),
    ("dela Cruz", "Jose", "Oiler", "Philippines", "30/01/1985", "P1234567A"),
]


def _rows(crew: list[tuple[str, ...]]) -> list[lists.RawRow]:
    return lists.rows_from_people(
        "crew",
        [
            {
                "family_name": f,
                "given_names": g,
                "rank": r,
                "nationality": n,
                "birth_date": b,
                "sex": "F" if g.startswith("Thị") else "M",
                "doc_type": "P",
                "doc_number": d,
                "doc_expiry": "31/12/2031",
            }
            for f, g, r, n, b, d in crew
        ],
    )


def _filing(agent: Any, vessel: Any, port: str, eta: dt.datetime, crew: list[Any]) -> Filing:
    call = services.port_call_create(
        actor=agent,
        vessel=vessel,
        port=port,
        eta=eta,
        etd=eta + dt.timedelta(days=2),
        purpose="cargo",
        berth="Bến 3" if port == "VNCLN" else "Bến 1",
        voyage_number=f"V{eta:%m%d}",
        previous_port="CNFAN",
        next_port="CNSHK",
    )
    filing = services.filing_create(
        actor=agent, port_call=call, kind="arrival", cargo_description="Than đá / coal"
    )
    services.list_replace(actor=agent, filing=filing, kind="crew", rows=_rows(crew))
    return filing


@transaction.atomic
def load(report: DemoReport) -> None:
    agent = User.objects.filter(username=AGENT).first()
    officer = User.objects.filter(username=OFFICER).first()
    if agent is None or officer is None or Filing.objects.exists():
        report.unchanged += 1
        return
    Organisation.objects.filter(tax_code="5700000001", is_approved=False).update(
        is_approved=True, approved_at=timezone.now()
    )
    star = services.vessel_register(
        actor=agent,
        imo_number="9074729",
        name="Hạ Long Star",
        call_sign="3WAB7",
        flag="VNM",
        vessel_type="bulk",
        gross_tonnage=22150,
        net_tonnage=13020,
    )
    grace = services.vessel_register(
        actor=agent,
        imo_number="9176187",
        name="Pacific Grace",
        call_sign="3FPG9",
        flag="Panama",
        vessel_type="general_cargo",
        gross_tonnage=8650,
        net_tonnage=4870,
    )
    now = timezone.now()
    # An earlier call, approved, with shore-leave permits: the baseline for the next call.
    earlier = _filing(agent, star, "VNCLN", now - dt.timedelta(days=12), CREW)
    services.filing_submit(actor=agent, filing=earlier)
    services.filing_approve(actor=officer, filing=earlier)
    permits.shore_leave_issue(
        actor=officer,
        filing=earlier,
        positions=[2, 4],
        valid_from=now - dt.timedelta(days=11),
        valid_until=now - dt.timedelta(days=11) + dt.timedelta(hours=10),
        area="Thành phố Hạ Long",
    )
    # This call: one crew member signed off, one joined, one promoted -> differences.
    changed = [*CREW[:4], ("Zhang", "Wei", "Bosun", "CHN", "19/07/1988", "E12345678")]
    changed.append(("Hoàng", "Đức Anh", "Ordinary seaman", "VNM", "12/12/1999", "C2345679"))
    submitted = _filing(agent, star, "VNCLN", now + dt.timedelta(hours=3), changed)
    services.filing_submit(actor=agent, filing=submitted)
    _filing(agent, grace, "VNHLG", now + dt.timedelta(days=2), CREW[:3])  # draft
    correction = _filing(agent, grace, "VNHLG", now + dt.timedelta(hours=8), CREW[:4])
    services.filing_submit(actor=agent, filing=correction)
    services.filing_request_correction(
        actor=officer,
        filing=correction,
        items=[{"list_kind": "crew", "row": 3, "message": "Kiểm tra lại số hộ chiếu"}],
    )
    resubmitted = _filing(agent, grace, "VNHLG", now + dt.timedelta(hours=5), CREW[:5])
    services.filing_submit(actor=agent, filing=resubmitted)
    services.filing_request_correction(
        actor=officer,
        filing=resubmitted,
        items=[{"field": "cargo_description", "message": "Ghi rõ khối lượng hàng"}],
    )
    services.filing_update(
        actor=agent, filing=resubmitted, cargo_description="Than đá 12.000 tấn / coal 12,000 t"
    )
    services.filing_submit(actor=agent, filing=resubmitted)
    refused = _filing(agent, grace, "VNHLG", now + dt.timedelta(days=1), CREW[:2])
    services.filing_submit(actor=agent, filing=refused)
    services.filing_refuse(
        actor=officer, filing=refused, reason="Tàu chưa hoàn thành thủ tục kiểm dịch"
    )
    report.created += 7
