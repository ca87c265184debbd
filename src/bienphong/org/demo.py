"""Demo organisation: the Quảng Ninh Border Guard command, its posts, gates and seaports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import services
from .models import GateKind, Organisation, Unit, UnitType, User
from .roles import Role

# (code, parent code, type, gate kind, UN/LOCODE, Vietnamese name, English name)
UNITS: list[tuple[str, str | None, str, str, str, str, str]] = [
    (
        "QN",
        None,
        UnitType.COMMAND,
        "",
        "",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ninh",
        "Quang Ninh Provincial Border Guard Command",
    ),
    (
        "DBP-MC",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu quốc tế Móng Cái",
        "Mong Cai International Border Gate Post",
    ),
    (
        "CK-BL1",
        "DBP-MC",
        UnitType.GATE,
        GateKind.INTERNATIONAL,
        "",
        "Cửa khẩu quốc tế Móng Cái – cầu Bắc Luân I",
        "Mong Cai International Gate – Bac Luan I Bridge",
    ),
    (
        "CK-BL2",
        "DBP-MC",
        UnitType.GATE,
        GateKind.INTERNATIONAL,
        "",
        "Cửa khẩu quốc tế Móng Cái – cầu Bắc Luân II",
        "Mong Cai International Gate – Bac Luan II Bridge",
    ),
    (
        "CK-KL",
        "DBP-MC",
        UnitType.GATE,
        GateKind.SECONDARY,
        "",
        "Cửa khẩu phụ Ka Long",
        "Ka Long Secondary Gate",
    ),
    (
        "LM-KM3",
        "DBP-MC",
        UnitType.GATE,
        GateKind.CROSSING_POINT,
        "",
        "Lối mở Km3+4 Hải Yên",
        "Km3+4 Hai Yen Crossing Point",
    ),
    ("DBP-TC", "QN", UnitType.POST, "", "", "Đồn Biên phòng Trà Cổ", "Tra Co Border Post"),
    (
        "CHOT-TC",
        "DBP-TC",
        UnitType.STATION,
        "",
        "",
        "Chốt kiểm soát phòng dịch Trà Cổ",
        "Tra Co Epidemic-Control Checkpoint",
    ),
    (
        "DBP-HM",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu Hoành Mô",
        "Hoanh Mo Border Gate Post",
    ),
    (
        "CK-HM",
        "DBP-HM",
        UnitType.GATE,
        GateKind.MAIN,
        "",
        "Cửa khẩu Hoành Mô",
        "Hoanh Mo Border Gate",
    ),
    (
        "DBP-BPS",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu Bắc Phong Sinh",
        "Bac Phong Sinh Border Gate Post",
    ),
    (
        "CK-BPS",
        "DBP-BPS",
        UnitType.GATE,
        GateKind.MAIN,
        "",
        "Cửa khẩu Bắc Phong Sinh",
        "Bac Phong Sinh Border Gate",
    ),
    ("DBP-PH", "QN", UnitType.POST, "", "", "Đồn Biên phòng Pò Hèn", "Po Hen Border Post"),
    (
        "CK-PH",
        "DBP-PH",
        UnitType.GATE,
        GateKind.SECONDARY,
        "",
        "Cửa khẩu phụ Pò Hèn",
        "Po Hen Secondary Gate",
    ),
    (
        "DBP-HG",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu cảng Hòn Gai",
        "Hon Gai Seaport Border Post",
    ),
    (
        "CANG-CL",
        "DBP-HG",
        UnitType.SEAPORT,
        GateKind.SEAPORT,
        "VNCLN",
        "Cảng Cái Lân",
        "Cai Lan Port",
    ),
    (
        "CANG-HG",
        "DBP-HG",
        UnitType.SEAPORT,
        GateKind.SEAPORT,
        "VNHLG",
        "Cảng Hòn Gai / Hạ Long",
        "Hon Gai / Ha Long Port",
    ),
    (
        "CANG-HLP",
        "DBP-HG",
        UnitType.SEAPORT,
        GateKind.SEAPORT,
        "",
        "Cảng tàu khách quốc tế Hạ Long",
        "Ha Long International Passenger Port",
    ),
    (
        "DBP-CP",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu cảng Cẩm Phả",
        "Cam Pha Seaport Border Post",
    ),
    ("CANG-CP", "DBP-CP", UnitType.SEAPORT, GateKind.SEAPORT, "", "Cảng Cẩm Phả", "Cam Pha Port"),
    (
        "DBP-VG",
        "QN",
        UnitType.POST,
        "",
        "",
        "Đồn Biên phòng Cửa khẩu cảng Vạn Gia",
        "Van Gia Seaport Border Post",
    ),
    ("CANG-VG", "DBP-VG", UnitType.SEAPORT, GateKind.SEAPORT, "", "Cảng Vạn Gia", "Van Gia Port"),
]

ORGANISATIONS = [
    ("5700000001", "Công ty CP Đại lý Hàng hải Quảng Ninh (demo)", "daily@example.vn"),
    ("5700000002", "Công ty TNHH Vận tải biển Hạ Long (demo)", "halong@example.vn"),
]

# (user name, full name, role, unit code, organisation tax code, password)
USERS = [
    (
        "canbo.mongcai",
        "Nguyễn Văn Hùng",
        Role.CHECKPOINT_OFFICER,
        "DBP-MC",
        None,
        "Demo-CanBo-2026",
    ),
    ("canbo.hoanhmo", "Hoàng Thị Lan", Role.CHECKPOINT_OFFICER, "DBP-HM", None, "Demo-CanBo-2026"),
    (
        "dontruong.mongcai",
        "Trần Quốc Tuấn",
        Role.POST_COMMANDER,
        "DBP-MC",
        None,
        "Demo-DonTruong-2026",
    ),
    ("thammuu.bch", "Lê Minh Đức", Role.COMMAND_STAFF, "QN", None, "Demo-ThamMuu-2026"),
    ("daily.quangninh", "Phạm Thu Hà", Role.SHIPPING_AGENT, None, "5700000001", "Demo-DaiLy-2026"),
    ("kiemtra.bch", "Vũ Thanh Sơn", Role.AUDITOR, "QN", None, "Demo-KiemTra-2026"),
    ("quantri", "Đỗ Quang Vinh", Role.ADMINISTRATOR, "QN", None, "Demo-QuanTri-2026"),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    role_label: str


@dataclass
class DemoReport:
    created: int = 0
    unchanged: int = 0
    logins: list[DemoLogin] = field(default_factory=list)


@transaction.atomic
def load(report: DemoReport) -> None:
    units: dict[str, Unit] = {u.code: u for u in Unit.objects.all()}
    for code, parent, unit_type, gate_kind, unlocode, name_vi, name_en in UNITS:
        if code in units:
            report.unchanged += 1
            continue
        units[code] = services.unit_create(
            actor=None,
            borders_country="CHN" if unit_type == UnitType.GATE else "",
            parent=units[parent] if parent else None,
            code=code,
            unit_type=unit_type,
            gate_kind=gate_kind,
            unlocode=unlocode,
            name_vi=name_vi,
            name_en=name_en,
        )
        report.created += 1
    organisations = {o.tax_code: o for o in Organisation.objects.all()}
    for org_tax_code, name, email in ORGANISATIONS:
        if org_tax_code in organisations:
            report.unchanged += 1
            continue
        organisations[org_tax_code] = services.organisation_create(
            actor=None,
            tax_code=org_tax_code,
            name=name,
            email=email,
            is_approved=True,
            approved_at=timezone.now(),
        )
        report.created += 1
    existing = set(User.objects.values_list("username", flat=True))
    for username, full_name, role, unit_code, tax_code, password in USERS:
        if username in existing:
            report.unchanged += 1
        else:
            services.user_create(
                actor=None,
                username=username,
                password=password,
                role=role,
                full_name=full_name,
                unit=units[unit_code] if unit_code else None,
                organisation=organisations[tax_code] if tax_code else None,
            )
            report.created += 1
        report.logins.append(DemoLogin(username, password, role, str(Role(role).label)))
