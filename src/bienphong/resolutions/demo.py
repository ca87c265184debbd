"""Demo: the 2020–2025 resolution of the provincial BĐBP Party Congress, cascaded to the
posts, with documents, targets, tasks in every status, an inspection, an emulation
movement and commendations. Idempotent: nothing is added once the resolution exists."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from bienphong.org import services as org_services
from bienphong.org.demo import DemoLogin, DemoReport
from bienphong.org.models import Unit, User
from bienphong.org.roles import Role

from . import services
from .models import AreaKind, CriterionKind, Direction, DocumentKind, Resolution

CODE = "NQ-ĐH18"
COMMANDERS = [
    ("dontruong.traco", "Ngô Văn Bình", "DBP-TC"),
    ("dontruong.hoanhmo", "Đinh Công Thành", "DBP-HM"),
    ("dontruong.hongai", "Bùi Đức Long", "DBP-HG"),
]
PASSWORD = "Demo-DonTruong-2026"

AREAS = [
    (
        AreaKind.OBJECTIVE,
        "MT",
        "Xây dựng Đảng bộ trong sạch, vững mạnh; đơn vị vững mạnh toàn diện “mẫu mực, tiêu biểu”",
        1,
    ),
    (
        AreaKind.BREAKTHROUGH,
        "ĐP1",
        "Thực hiện Đề án tổ chức lực lượng; xây dựng đơn vị chính quy, kỷ luật nghiêm",
        2,
    ),
    (
        AreaKind.BREAKTHROUGH,
        "ĐP2",
        "Huấn luyện, sẵn sàng chiến đấu; cải cách hành chính, "
        "ứng dụng công nghệ tại cửa khẩu, cảng biển",
        2,
    ),
    (AreaKind.BREAKTHROUGH, "ĐP3", "Xây dựng đồn, trạm; phòng, chống dịch bệnh", 1),
    (AreaKind.KEY_TASK, "NV1", "Quản lý, bảo vệ chủ quyền, an ninh biên giới", 1),
]
REGULATIONS = [
    "Quy chế làm việc của Đảng ủy BĐBP tỉnh nhiệm kỳ 2020–2025",
    "Quy chế làm việc của Ban Thường vụ Đảng ủy",
    "Quy chế lãnh đạo công tác quân sự, quốc phòng",
    "Quy chế phối hợp giữa cấp ủy và chỉ huy",
    "Quy chế kiểm tra, giám sát của Đảng ủy",
    "Quy chế dân chủ ở cơ sở",
    "Quy chế quản lý cán bộ",
    "Quy chế công tác thi đua, khen thưởng",
    "Quy chế quản lý tài chính, tài sản",
    "Quy chế bảo vệ bí mật nhà nước",
    "Quy chế tiếp công dân, giải quyết khiếu nại, tố cáo",
    "Quy chế phát ngôn và cung cấp thông tin",
]
PROGRAMS = [
    ("01-CTr/ĐU", "Chương trình hành động thực hiện Nghị quyết Đại hội lần thứ XVIII"),
    ("02-CTr/ĐU", "Chương trình thực hiện khâu đột phá về tổ chức lực lượng"),
    ("03-CTr/ĐU", "Chương trình thực hiện khâu đột phá về cải cách hành chính, công nghệ"),
    ("04-CTr/ĐU", "Chương trình thực hiện khâu đột phá về xây dựng đồn, trạm, phòng dịch"),
]
# Command items: (code, area code, weight, title)
ITEMS = [
    ("1", "ĐP1", 2, "Kiện toàn tổ chức, biên chế các đồn theo Đề án"),
    ("2", "ĐP1", 1, "Xây dựng chính quy, quản lý kỷ luật"),
    ("3", "ĐP2", 2, "Thủ tục biên phòng điện tử tại cửa khẩu cảng biển"),
    ("4", "ĐP2", 1, "Huấn luyện, sẵn sàng chiến đấu"),
    ("5", "ĐP3", 1, "Xây dựng, sửa chữa doanh trại đồn, trạm"),
    ("6", "ĐP3", 1, "Phòng, chống dịch bệnh tại cửa khẩu"),
    ("7", "MT", 1, "Xây dựng tổ chức đảng trong sạch, vững mạnh"),
    ("8", "NV1", 1, "Tuần tra, kiểm soát biên giới"),
]
POSTS = ["DBP-MC", "DBP-TC", "DBP-HM", "DBP-HG"]


@transaction.atomic
def load(report: DemoReport) -> None:
    if Resolution.objects.filter(code=CODE).exists():
        report.unchanged += 1
        return
    units = {u.code: u for u in Unit.objects.all()}
    staff = User.objects.get(username="thammuu.bch")
    leaders = {"DBP-MC": User.objects.get(username="dontruong.mongcai")}
    for username, full_name, unit_code in COMMANDERS:
        user = User.objects.filter(username=username).first() or org_services.user_create(
            actor=None,
            username=username,
            password=PASSWORD,
            role=Role.POST_COMMANDER,
            unit=units[unit_code],
            full_name=full_name,
        )
        leaders[unit_code] = user
        report.logins.append(
            DemoLogin(username, PASSWORD, Role.POST_COMMANDER, str(Role.POST_COMMANDER.label))
        )
    today = timezone.localdate()
    command = units["QN"]
    resolution = services.resolution_create(
        actor=staff,
        unit=command,
        code=CODE,
        title=(
            "Nghị quyết Đại hội đại biểu Đảng bộ Bộ đội Biên phòng tỉnh lần thứ XVIII, "
            "nhiệm kỳ 2020–2025"
        ),
        issuing_body="Đảng bộ Bộ đội Biên phòng tỉnh Quảng Ninh",
        term_start=2020,
        term_end=2025,
        issued_on=date(2020, 7, 20),
        summary="Ba khâu đột phá, năm nhiệm vụ trọng tâm.",
    )
    areas = {}
    for order, (kind, code, title, weight) in enumerate(AREAS):
        areas[code] = services.area_create(
            actor=staff,
            resolution=resolution,
            kind=kind,
            code=code,
            title=title,
            weight=weight,
            order=order,
        )
    targets = [
        (
            "CT1",
            "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
            "%",
            70,
            90,
            Direction.AT_LEAST,
            "resolutions.tasks_done_on_time",
            "ĐP1",
        ),
        (
            "CT2",
            "Số nhiệm vụ quá hạn",
            "nhiệm vụ",
            10,
            0,
            Direction.AT_MOST,
            "resolutions.tasks_overdue",
            "ĐP1",
        ),
        (
            "CT3",
            "Tỷ lệ kiến nghị sau kiểm tra được khắc phục",
            "%",
            50,
            95,
            Direction.AT_LEAST,
            "resolutions.followups_closed",
            "MT",
        ),
        (
            "CT4",
            "Tỷ lệ thủ tục biên phòng điện tử tại cảng biển",
            "%",
            60,
            100,
            Direction.AT_LEAST,
            "",
            "ĐP2",
        ),
    ]
    for code, title, measure, base, goal, direction, indicator, area in targets:
        target = services.target_create(
            actor=staff,
            resolution=resolution,
            area=areas[area],
            code=code,
            title=title,
            measure_unit=measure,
            baseline=Decimal(base),
            target_value=Decimal(goal),
            direction=direction,
            deadline=date(2025, 12, 31),
            indicator=indicator,
        )
        if not indicator:
            services.target_report_value(actor=staff, target=target, value=Decimal(98))
    for n, member in enumerate(["Bí thư Đảng ủy", "Phó Bí thư Đảng ủy"], start=1):
        services.document_create(
            actor=staff,
            resolution=resolution,
            unit=command,
            kind=DocumentKind.ASSIGNMENT_DECISION,
            number=f"{100 + n}-QĐ/ĐU",
            issued_on=date(2020, 8, 1),
            signer="Bí thư Đảng ủy",
            title=f"Quyết định phân công nhiệm vụ {member} và các đồng chí ủy viên Ban Thường vụ",
        )
    for n, title in enumerate(REGULATIONS, start=1):
        services.document_create(
            actor=staff,
            resolution=resolution,
            unit=command,
            kind=DocumentKind.REGULATION,
            number=f"{n:02d}-QC/ĐU",
            issued_on=date(2020, 8, 10),
            signer="Bí thư Đảng ủy",
            title=title,
        )
    documents = [
        services.document_create(
            actor=staff,
            resolution=resolution,
            unit=command,
            kind=DocumentKind.ACTION_PROGRAM,
            number=number,
            issued_on=date(2020, 9, 1),
            signer="Bí thư Đảng ủy",
            title=title,
        )
        for number, title in PROGRAMS
    ]
    program = services.program_create(
        actor=staff,
        resolution=resolution,
        unit=command,
        title=PROGRAMS[0][1],
        document=documents[0],
    )
    items = {
        code: services.item_create(
            actor=staff,
            program=program,
            code=code,
            title=title,
            area=areas[area],
            weight=weight,
            start=date(2020, 9, 1),
            end=date(2025, 12, 31),
        )
        for code, area, weight, title in ITEMS
    }
    # Each post cascades the command's items into its own program with tasks whose
    # dates put them in every status relative to today.
    windows = [
        (date(2021, 1, 1), date(2022, 6, 30), date(2022, 5, 20), 100),  # done on time
        (date(2021, 3, 1), date(2022, 12, 31), date(2023, 2, 15), 100),  # done late
        (date(2024, 1, 1), today + timedelta(days=5), None, 70),  # open, due within days
        (date(2024, 1, 1), today + timedelta(days=200), None, 35),  # open within deadline
        (date(2023, 1, 1), today - timedelta(days=20), None, 60),  # open overdue
    ]
    for p, post_code in enumerate(POSTS):
        post, leader = units[post_code], leaders[post_code]
        post_program = services.program_create(
            actor=leader,
            resolution=resolution,
            unit=post,
            parent=program,
            title=f"Chương trình hành động của {post.name_vi}",
        )
        for i, (code, _area, _w, title) in enumerate(ITEMS[:6]):
            item = services.item_create(
                actor=leader,
                program=post_program,
                code=f"{code}.{p + 1}",
                title=f"{title} — {post.name_vi}",
                parent=items[code],
            )
            start, deadline, done, progress = windows[(i + p) % len(windows)]
            task = services.task_create(
                actor=leader,
                item=item,
                unit=post,
                owner=leader,
                title=f"Thực hiện: {title.lower()}",
                start=start,
                deadline=deadline,
                milestones=[
                    ("Xây dựng kế hoạch", start + timedelta(days=30)),
                    ("Sơ kết", deadline - timedelta(days=30)),
                ],
            )
            services.task_update_progress(
                actor=leader,
                task=task,
                progress=progress,
                completed_on=done,
                comment="Cập nhật theo báo cáo định kỳ.",
                today=max(today, done or today),
            )
    for code in ("7", "8"):
        task = services.task_create(
            actor=staff,
            item=items[code],
            unit=command,
            owner=staff,
            title=items[code].title,
            start=date(2021, 1, 1),
            deadline=date(2025, 12, 31),
        )
        services.task_update_progress(
            actor=staff, task=task, progress=80, comment="Cơ bản hoàn thành."
        )
    services.assessment_add(
        actor=staff,
        area=areas["ĐP3"],
        progress=75,
        comment="Đánh giá của Ban Thường vụ tại hội nghị sơ kết giữa nhiệm kỳ.",
    )
    inspection = services.inspection_create(
        actor=staff,
        resolution=resolution,
        inspecting_unit=command,
        inspected_unit=units["DBP-MC"],
        team="Ủy ban Kiểm tra Đảng ủy BĐBP tỉnh",
        scope="Việc thực hiện khâu đột phá thứ hai",
        start=today - timedelta(days=60),
        end=today - timedelta(days=55),
    )
    finding = services.finding_add(
        actor=staff, inspection=inspection, text="Hồ sơ thủ tục điện tử chưa lưu trữ đầy đủ."
    )
    services.recommendation_add(
        actor=staff,
        inspection=inspection,
        finding=finding,
        owner=leaders["DBP-MC"],
        text="Bổ sung hồ sơ lưu trữ thủ tục biên phòng điện tử",
        start=today - timedelta(days=50),
        deadline=today + timedelta(days=10),
    )
    movement = services.movement_create(
        actor=staff,
        unit=command,
        title="Phong trào thi đua Quyết thắng",
        start=date(today.year, 1, 1),
        end=date(today.year, 12, 31),
    )
    criteria = [
        services.criterion_add(
            actor=staff,
            movement=movement,
            code="TC1",
            name="Hoàn thành nhiệm vụ chính trị",
            kind=CriterionKind.POINTS,
            max_points=Decimal(50),
        ),
        services.criterion_add(
            actor=staff,
            movement=movement,
            code="TC2",
            name="Xây dựng chính quy, kỷ luật",
            kind=CriterionKind.POINTS,
            max_points=Decimal(30),
        ),
        services.criterion_add(
            actor=staff,
            movement=movement,
            code="TC3",
            name="Thành tích đột xuất",
            kind=CriterionKind.BONUS,
            max_points=Decimal(10),
        ),
        services.criterion_add(
            actor=staff,
            movement=movement,
            code="TC4",
            name="Vi phạm kỷ luật",
            kind=CriterionKind.PENALTY,
            max_points=Decimal(20),
        ),
    ]
    period = str(today.year)
    for n, post_code in enumerate(POSTS):
        registration = services.registration_create(
            actor=staff, movement=movement, unit=units[post_code]
        )
        points = {
            criteria[0].pk: Decimal(45 - n),
            criteria[1].pk: Decimal(27 - n),
            criteria[2].pk: Decimal(n % 2 * 5),
        }
        sheet = services.sheet_self_assess(
            actor=leaders[post_code], registration=registration, period=period, points=points
        )
        if n < 3:
            services.sheet_review(
                actor=staff, sheet=sheet, points={criteria[0].pk: Decimal(44 - n)}
            )
            services.sheet_approve(actor=staff, sheet=sheet)
            services.sheet_lock(actor=staff, sheet=sheet)
    decided = services.proposal_create(
        actor=leaders["DBP-MC"],
        proposing_unit=units["DBP-MC"],
        nominee_unit=units["DBP-MC"],
        nominee_person=leaders["DBP-MC"],
        form="Chiến sĩ thi đua cơ sở",
        level="Bộ Chỉ huy BĐBP tỉnh",
        year=today.year - 1,
        reason="Hoàn thành xuất sắc nhiệm vụ năm.",
        movement=movement,
    )
    services.proposal_forward(actor=leaders["DBP-MC"], proposal=decided)
    services.proposal_approve(actor=staff, proposal=decided)
    services.proposal_decide(
        actor=staff,
        proposal=decided,
        decision_number="215/QĐ-BCH",
        decision_date=today - timedelta(days=30),
    )
    pending = services.proposal_create(
        actor=leaders["DBP-HG"],
        proposing_unit=units["DBP-HG"],
        nominee_unit=units["DBP-HG"],
        form="Bằng khen",
        level="Bộ Tư lệnh BĐBP",
        year=today.year,
        reason="Đơn vị dẫn đầu thủ tục biên phòng điện tử tại cảng biển.",
        movement=movement,
    )
    services.proposal_forward(actor=leaders["DBP-HG"], proposal=pending)
    report.created += 1
