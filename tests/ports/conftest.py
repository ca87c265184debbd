from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.utils import timezone

from bienphong.org.models import GateKind, UnitType
from bienphong.ports import lists, services
from bienphong.ports.models import Filing, PortCall, Vessel
from tests.factories import make_unit

IMO = "9074729"  # a real check digit: 9*7+0*6+7*5+4*4+7*3+2*2 = 139 -> 9


@dataclass
class Ports:
    cai_lan: object
    hon_gai: object


@pytest.fixture
def ports(tree):
    tree.org_a.is_approved = True
    tree.org_a.approved_at = timezone.now()
    tree.org_a.save()
    cai_lan = make_unit("CANG-X", tree.post_a, UnitType.SEAPORT, GateKind.SEAPORT, unlocode="VNCLN")
    hon_gai = make_unit("CANG-Y", tree.post_b, UnitType.SEAPORT, GateKind.SEAPORT, unlocode="VNHLG")
    return Ports(cai_lan, hon_gai)


NAMES = [("Trần", "Thị Hoa"), ("Lê", "Quang Đạo"), ("Phạm", "Ngọc Ánh"), ("Vũ", "Đức Thắng")]


def crew_row(position=1, **overrides):
    base = {
        "family_name": "Nguyễn",
        "given_names": "Văn Minh",
        "rank": "Master" if position == 1 else "Able seaman",
        "nationality": "Việt Nam",
        "birth_date": "12/05/1975",
        "birth_place": "Hải Phòng",
        "sex": "M",
        "doc_type": "P",
        "doc_number": f"C{1000000 + position}",
        "doc_issuing_state": "",
        "doc_expiry": "2031-12-31",
        "visa": "",
    }
    if position > 1:
        base["family_name"] = NAMES[(position - 2) % len(NAMES)][0]
        base["given_names"] = NAMES[(position - 2) % len(NAMES)][1] + (
            f" {position}" if position > len(NAMES) + 1 else ""
        )
        base["sex"] = "F"
    base.update(overrides)
    return base


def crew_rows(n=3):
    return [crew_row(i) for i in range(1, n + 1)]


def make_vessel(agent, imo=IMO, name="Hạ Long Star"):
    return services.vessel_register(
        actor=agent,
        imo_number=imo,
        name=name,
        call_sign="3WAB7",
        flag="Viet Nam",
        vessel_type="bulk",
        gross_tonnage=20000,
        net_tonnage=12000,
    )


def make_call(agent, vessel: Vessel, port="VNCLN", eta=None) -> PortCall:
    eta = eta or timezone.now() + dt.timedelta(hours=6)
    return services.port_call_create(
        actor=agent,
        vessel=vessel,
        port=port,
        eta=eta,
        etd=eta + dt.timedelta(days=2),
        purpose="cargo",
        berth="Bến 5",
        previous_port="CNSHA",
        next_port="SGSIN",
    )


def make_filing(agent, *, vessel=None, crew=3, port="VNCLN", eta=None, submit=False) -> Filing:
    vessel = vessel or make_vessel(agent)
    filing = services.filing_create(
        actor=agent, port_call=make_call(agent, vessel, port, eta), kind="arrival"
    )
    if crew:
        services.list_replace(
            actor=agent,
            filing=filing,
            kind="crew",
            rows=lists.rows_from_people("crew", crew_rows(crew)),
        )
    if submit:
        filing = services.filing_submit(actor=agent, filing=filing)
    return filing
