"""Demo configuration for the land gates: lists, visa rules and a few crossings."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bienphong.documents.specimens import passport_mrz
from bienphong.org.demo import DemoReport
from bienphong.org.models import User

from .models import Crossing, ListItem, ListKind, VisaRule
from .services.crossings import crossing_record

LISTS = {
    ListKind.PURPOSE: [
        ("tourism", "Du lịch", "Tourism"),
        ("business", "Thương mại, công việc", "Business"),
        ("family", "Thăm thân", "Visiting family"),
        ("border_trade", "Buôn bán biên giới", "Border trade"),
        ("labour", "Lao động", "Work"),
        ("transit", "Quá cảnh", "Transit"),
        ("official", "Công vụ", "Official"),
    ],
    ListKind.DESTINATION: [
        ("mong-cai", "Móng Cái", "Mong Cai"),
        ("ha-long", "Hạ Long", "Ha Long"),
        ("ha-noi", "Hà Nội", "Hanoi"),
        ("dongxing", "Đông Hưng (Trung Quốc)", "Dongxing (China)"),
        ("fangchenggang", "Phòng Thành Cảng (Trung Quốc)", "Fangchenggang (China)"),
    ],
    ListKind.REFUSAL_REASON: [
        ("invalid_document", "Giấy tờ không hợp lệ", "Invalid document"),
        ("watchlist", "Thuộc diện chưa cho nhập/xuất cảnh", "On a watchlist"),
        ("no_visa", "Không có thị thực", "No visa"),
        ("health", "Không đáp ứng yêu cầu kiểm dịch", "Health requirement not met"),
        ("false_information", "Khai báo gian dối", "False information"),
        ("other", "Lý do khác", "Other reason"),
    ],
    ListKind.REFERRAL_REASON: [
        ("document_doubt", "Nghi vấn giấy tờ", "Doubtful document"),
        ("watchlist_review", "Xác minh danh sách đối tượng", "Watchlist verification"),
        ("health_check", "Kiểm tra y tế", "Medical check"),
        ("goods", "Kiểm tra hàng hóa, hành lý", "Goods and luggage check"),
        ("other", "Lý do khác", "Other reason"),
    ],
}

# Unilateral and ASEAN visa exemptions (Resolution 127/NQ-CP 2023 and ASEAN agreements).
EXEMPT_45 = [
    "DEU",
    "FRA",
    "ITA",
    "ESP",
    "GBR",
    "RUS",
    "JPN",
    "KOR",
    "DNK",
    "SWE",
    "NOR",
    "FIN",
    "BLR",
]
ASEAN = {
    "THA": 30,
    "MYS": 30,
    "SGP": 30,
    "IDN": 30,
    "LAO": 30,
    "KHM": 30,
    "PHL": 21,
    "BRN": 14,
    "MMR": 14,
}


@transaction.atomic
def _config(report: DemoReport) -> None:
    for kind, items in LISTS.items():
        for position, (code, vi, en) in enumerate(items):
            _item, created = ListItem.objects.get_or_create(
                kind=kind,
                code=code,
                defaults={"label_vi": vi, "label_en": en, "position": position},
            )
            report.created += created
            report.unchanged += not created
    rules = [(n, "", False, 45, "Nghị quyết 127/NQ-CP (45 ngày)") for n in EXEMPT_45]
    rules += [(n, "", False, d, "Hiệp định ASEAN") for n, d in ASEAN.items()]
    rules += [
        ("CHN", "", True, 0, "Hộ chiếu: cần thị thực hoặc thị thực điện tử"),
        ("USA", "", True, 0, "Cần thị thực hoặc thị thực điện tử"),
    ]
    for nationality, doc_type, required, days, note in rules:
        _rule, created = VisaRule.objects.get_or_create(
            nationality=nationality,
            document_type=doc_type,
            is_active=True,
            defaults={"visa_required": required, "stay_days": days, "note": note},
        )
        report.created += created
        report.unchanged += not created


DEMO_CROSSINGS = [
    # (days ago, direction, passport): a Korean tourist now overstaying, a Thai visitor.
    (
        50,
        "entry",
        passport_mrz(
            surname="PARK",
            given_names="JIHOON",
            number="M12345678",
            nationality="KOR",
            birth="850315",
            sex="M",
            expiry="301231",
        ),
    ),
    (
        3,
        "entry",
        passport_mrz(
            surname="SOMCHAI",
            given_names="PRASERT",
            number="T98765432",
            nationality="THA",
            birth="900101",
            sex="M",
            expiry="310630",
        ),
    ),
]


def _crossings(report: DemoReport) -> None:
    officer = User.objects.filter(username="canbo.mongcai").first()
    if officer is None or Crossing.objects.exists():
        report.unchanged += len(DEMO_CROSSINGS)
        return
    for days_ago, direction, mrz in DEMO_CROSSINGS:
        at = timezone.now() - dt.timedelta(days=days_ago)
        crossing_record(
            actor=officer,
            at=at,
            idempotency_key=f"demo-{days_ago}-{direction}",
            payload={
                "gate": "CK-BL1",
                "lane": "1",
                "direction": direction,
                "mrz": mrz,
                "decision": "admitted",
                "purpose": "tourism",
            },
        )
        report.created += 1


def load(report: DemoReport) -> None:
    _config(report)
    _crossings(report)
