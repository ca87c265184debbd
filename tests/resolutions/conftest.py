"""A small resolution cascaded from the command to post A, with tasks in every status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from bienphong.resolutions import services
from bienphong.resolutions.models import (
    Area,
    AreaKind,
    Direction,
    Program,
    ProgramItem,
    Resolution,
    Target,
    Task,
)

TODAY = date(2025, 6, 15)


@dataclass
class Plan:
    resolution: Resolution
    b1: Area
    b2: Area
    command_program: Program
    post_program: Program
    i1: ProgramItem
    i2: ProgramItem
    i1a: ProgramItem
    task_post: Task  # post A, open within deadline, 40 %
    task_overdue: Task  # post A, open overdue
    task_command: Task  # command, done on time
    target: Target


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(date(2025, 6, 15), tick=False) as traveller:
        yield traveller


def build_plan(tree: Any, users: dict[str, Any], today: date = TODAY) -> Plan:
    """Dates are relative to ``today`` so browser tests can run on the real clock."""

    def days(n: int) -> date:
        return today + timedelta(days=n)

    staff, commander = users["staff"], users["commander_a"]
    resolution = services.resolution_create(
        actor=staff,
        unit=tree.command,
        code="NQ-18",
        title="Nghị quyết Đại hội Đảng bộ BĐBP tỉnh lần thứ XVIII",
        issuing_body="Đảng bộ BĐBP tỉnh",
        term_start=2020,
        term_end=2025,
        issued_on=date(2020, 8, 1),
    )
    b1 = services.area_create(
        actor=staff,
        resolution=resolution,
        kind=AreaKind.BREAKTHROUGH,
        code="ĐP1",
        title="Tổ chức lực lượng",
    )
    b2 = services.area_create(
        actor=staff,
        resolution=resolution,
        kind=AreaKind.BREAKTHROUGH,
        code="ĐP2",
        title="Cải cách hành chính",
    )
    p0 = services.program_create(
        actor=staff, resolution=resolution, unit=tree.command, title="CTHĐ của Bộ Chỉ huy"
    )
    i1 = services.item_create(
        actor=staff, program=p0, code="1", title="Kiện toàn tổ chức", area=b1, weight=2
    )
    i2 = services.item_create(actor=staff, program=p0, code="2", title="Thủ tục điện tử", area=b2)
    p1 = services.program_create(
        actor=commander, resolution=resolution, unit=tree.post_a, title="CTHĐ Đồn A", parent=p0
    )
    i1a = services.item_create(
        actor=commander, program=p1, code="1.1", title="Kiện toàn Đồn A", parent=i1
    )
    task_post = services.task_create(
        actor=commander,
        item=i1a,
        unit=tree.post_a,
        owner=commander,
        title="Rà soát biên chế",
        start=days(-165),
        deadline=days(199),
        milestones=[("Báo cáo rà soát", days(107))],
    )
    services.task_update_progress(actor=commander, task=task_post, progress=40, today=today)
    task_overdue = services.task_create(
        actor=commander,
        item=i1a,
        unit=tree.post_a,
        owner=commander,
        title="Xây dựng quy chế Đồn",
        start=days(-165),
        deadline=days(-15),
    )
    task_command = services.task_create(
        actor=staff,
        item=i2,
        unit=tree.command,
        owner=staff,
        title="Triển khai thủ tục điện tử",
        start=days(-165),
        deadline=days(15),
    )
    services.task_update_progress(
        actor=staff, task=task_command, progress=100, completed_on=days(-14), today=today
    )
    target = services.target_create(
        actor=staff,
        resolution=resolution,
        area=b1,
        code="CT1",
        title="Nhiệm vụ hoàn thành đúng hạn",
        measure_unit="%",
        baseline=Decimal(60),
        target_value=Decimal(95),
        direction=Direction.AT_LEAST,
        deadline=days(199),
        indicator="resolutions.tasks_done_on_time",
    )
    for obj in (task_post, task_overdue, task_command):
        obj.refresh_from_db()
    return Plan(
        resolution, b1, b2, p0, p1, i1, i2, i1a, task_post, task_overdue, task_command, target
    )


@pytest.fixture
def plan(tree: Any, users: dict[str, Any], frozen: Any) -> Plan:
    return build_plan(tree, users)


@pytest.fixture
def live_plan(tree: Any, users: dict[str, Any]) -> Plan:
    from django.utils import timezone

    return build_plan(tree, users, today=timezone.localdate())
