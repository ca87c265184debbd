"""A realistic handful of incidents at the demo posts (idempotent by title)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from bienphong.org.demo import DemoReport
from bienphong.org.models import Unit, User

from .models import Incident
from .services import incidents as services

# (unit, officer, hours ago, kind, title, place, extra fields, people, vehicles, follow-up, close)
INCIDENTS: list[tuple[Any, ...]] = [
    (
        "CK-BL1",
        "canbo.mongcai",
        5,
        "smuggling",
        "Thu giữ thuốc lá điếu nhập lậu",
        "Bãi xe sau cầu Bắc Luân I",
        {
            "goods": "Thuốc lá điếu ngoại",
            "quantity": 450,
            "unit_of_measure": "bao",
            "estimated_value_vnd": 13_500_000,
            "actions_taken": "Lập biên bản, tạm giữ tang vật, bàn giao Hải quan.",
        },
        [("Đặng Văn Toàn", "C2345678", "VNM", "người vận chuyển")],
        [("14B-123.45", "VNM", "xe tải nhỏ")],
        "Đã bàn giao tang vật cho Chi cục Hải quan cửa khẩu Móng Cái.",
        False,
    ),
    (
        "DBP-MC",
        "canbo.mongcai",
        30,
        "illegal_crossing",
        "Nhóm người xuất cảnh trái phép qua đường mòn",
        "Đường mòn khu vực mốc 1340, phường Hải Hoà",
        {"people_count": 4, "direction": "out", "latitude": 21.5123, "longitude": 107.9672},
        [("Lò Văn Sử", "", "VNM", "người dẫn đường")],
        [],
        "",
        False,
    ),
    (
        "DBP-HM",
        "canbo.hoanhmo",
        52,
        "border_marker",
        "Cột mốc 1317 bị xô lệch sau mưa lũ",
        "Cột mốc 1317, xã Hoành Mô",
        {"actions_taken": "Chụp ảnh hiện trạng, báo cáo Bộ Chỉ huy, phối hợp khôi phục."},
        [],
        [],
        "Đã phối hợp với lực lượng phía bên kia kiểm tra hiện trường.",
        True,
    ),
    (
        "DBP-HM",
        "canbo.hoanhmo",
        8,
        "search_rescue",
        "Tìm kiếm người đi rừng bị lạc",
        "Khu rừng phía tây bản Lục Ngù",
        {"actions_taken": "Huy động 12 cán bộ chiến sĩ và dân quân tìm kiếm."},
        [("Triệu Thị Mây", "", "VNM", "người bị nạn")],
        [],
        "",
        False,
    ),
]


@transaction.atomic
def load(report: DemoReport) -> None:
    units = {u.code: u for u in Unit.objects.filter(code__in={i[0] for i in INCIDENTS})}
    users = {u.username: u for u in User.objects.filter(username__in={i[1] for i in INCIDENTS})}
    existing = set(Incident.objects.values_list("title", flat=True))
    now = timezone.now()
    for (
        code,
        username,
        hours,
        kind,
        title,
        place,
        extra,
        people,
        vehicles,
        note,
        close,
    ) in INCIDENTS:
        if title in existing or code not in units or username not in users:
            report.unchanged += 1
            continue
        actor = users[username]
        incident = services.incident_create(
            actor=actor,
            data=services.IncidentIn(
                kind=kind,
                title=title,
                occurred_at=now - dt.timedelta(hours=hours),
                unit=units[code],
                place=place,
                people=[services.PersonIn(*p) for p in people],
                vehicles=[services.VehicleIn(*v) for v in vehicles],
                **extra,
            ),
        )
        if note:
            services.follow_up_add(actor=actor, incident=incident, note=note)
        if close:
            services.incident_close(actor=actor, incident=incident)
        report.created += 1
