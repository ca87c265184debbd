"""Demo health control: the historic COVID-19 declaration (switched off on 27/4/2022), a
yellow-fever vaccination requirement, a fever -> medical check rule, and a few
declarations officers can look up."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from bienphong.org.demo import DemoReport
from bienphong.org.models import Unit, User
from bienphong.org.roles import Role

from . import services
from .models import HealthDeclaration, HealthMeasure

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
# Countries with a yellow-fever risk (WHO list, abridged) in Africa and South America.
YELLOW_FEVER_COUNTRIES = [
    "AGO", "BEN", "BFA", "CMR", "COD", "COG", "CIV", "ETH", "GAB", "GHA", "GIN", "KEN",
    "LBR", "MLI", "NER", "NGA", "SDN", "SEN", "SLE", "SSD", "TCD", "TGO", "UGA",
    "ARG", "BOL", "BRA", "COL", "ECU", "GUF", "GUY", "PER", "PRY", "SUR", "TTO", "VEN",
]  # fmt: skip

MEASURES = [
    {
        "title": "Khai báo y tế phòng chống COVID-19 (đã dừng)",
        "description": "Khai báo y tế bắt buộc với mọi người xuất cảnh, nhập cảnh.",
        "legal_basis": "Công điện của Bộ Y tế; dừng khai báo y tế từ 0 giờ ngày 27/4/2022",
        "requirement": "health_declaration",
        "is_active": False,
        "valid_from": datetime(2020, 3, 7, tzinfo=HCM),
        "valid_until": datetime(2022, 4, 27, tzinfo=HCM),
    },
    {
        "title": "Tiêm chủng phòng bệnh sốt vàng",
        "description": (
            "Người nhập cảnh đến từ hoặc đi qua vùng có dịch sốt vàng phải có giấy chứng "
            "nhận tiêm chủng quốc tế còn hiệu lực (tiêm ít nhất 10 ngày trước)."
        ),
        "legal_basis": "Nghị định 89/2018/NĐ-CP; Điều lệ Y tế quốc tế (IHR 2005), Phụ lục 7",
        "requirement": "vaccination",
        "disease": "yellow_fever",
        "vaccination_min_days": 10,
        "directions": ["entry"],
        "travel_countries": YELLOW_FEVER_COUNTRIES,
        "origin_countries": [],
        "lookback_days": 6,
        "valid_from": datetime(2019, 1, 1, tzinfo=HCM),
    },
    {
        "title": "Khai báo có sốt: khám y tế tại cửa khẩu",
        "description": "Người khai báo sốt phải được kiểm dịch viên y tế khám trước khi qua.",
        "legal_basis": "Nghị định 89/2018/NĐ-CP, Điều 10",
        "requirement": "medical_check",
        "trigger_symptoms": ["fever"],
        "trigger_contact": True,
        "valid_from": datetime(2024, 1, 1, tzinfo=HCM),
    },
]

DECLARATIONS = [
    {
        "full_name": "王小红",
        "document_type": "passport",
        "document_number": "EJ1234567",
        "nationality": "CHN",
        "date_of_birth": "12/03/1988",
        "sex": "F",
        "direction": "entry",
        "gate": "CK-BL1",
        "category": "tourist",
        "travel_countries": [],
        "symptoms": [],
        "contact_with_case": False,
        "phone": "+8613800000000",
    },
    {
        "full_name": "Nguyễn Thị Lan",
        "document_type": "passport",
        "document_number": "C7654321",
        "nationality": "VNM",
        "date_of_birth": "1979",
        "sex": "F",
        "direction": "entry",
        "gate": "CK-BL1",
        "category": "business",
        "travel_countries": ["NGA"],
        "symptoms": ["fever", "cough"],
        "contact_with_case": False,
        "vaccinations": [{"disease": "yellow_fever", "date": "2024-05-02"}],
        "email": "lan@example.vn",
    },
    {
        "full_name": "John Smith",
        "document_type": "passport",
        "document_number": "533380006",
        "nationality": "GBR",
        "date_of_birth": "02/07/1975",
        "sex": "M",
        "direction": "exit",
        "gate": "",
        "category": "tourist",
        "travel_countries": [],
        "symptoms": [],
        "contact_with_case": False,
        "email": "john.smith@example.com",
    },
]


@transaction.atomic
def load(report: DemoReport) -> None:
    staff = (
        User.objects.filter(is_active=True, memberships__role=Role.COMMAND_STAFF)
        .order_by("pk")
        .first()
    )
    if staff is None:
        return
    titles = set(HealthMeasure.objects.values_list("title", flat=True))
    for spec in MEASURES:
        if spec["title"] in titles:
            report.unchanged += 1
            continue
        services.measure_create(actor=staff, data=dict(spec))
        report.created += 1
    gates = set(Unit.objects.values_list("code", flat=True))
    today = timezone.localdate()
    for number, spec in enumerate(DECLARATIONS):
        if HealthDeclaration.objects.filter(document_number=spec["document_number"]).exists():
            report.unchanged += 1
            continue
        data = dict(spec)
        data["gate"] = spec["gate"] if spec["gate"] in gates else ""
        data["planned_date"] = (today + timedelta(days=number)).isoformat()
        data["consent"] = True
        services.declaration_submit(actor=None, data=data, language="vi")
        report.created += 1
