"""Progress of a resolution: the roll-up tree, task statuses, targets, rankings.

The formula is in ``bienphong.engines.tracking.rollup``; this module only builds its
input from the database (a handful of queries, whatever the size of the tree).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from bienphong.engines import tracking
from bienphong.org.models import Unit

from ..indicators import registry
from ..models import (
    Area,
    Assessment,
    IndicatorSnapshot,
    ProgramItem,
    Resolution,
    ScoreSheet,
    SheetState,
    Target,
    Task,
)


@dataclass
class Row:
    """A line of the roll-up table: an area, an item or a task."""

    key: str
    kind: str
    obj: Any
    depth: int
    weight: float
    value: float
    formula: str
    status: str = ""
    assessment: Assessment | None = None
    children: list[Row] = field(default_factory=list)


@dataclass
class Progress:
    resolution: Resolution
    unit: Unit
    value: float
    formula: str
    areas: list[Row]
    status_counts: dict[str, int]
    overdue: list[Task]


def _task_status(task: Task, today: date) -> tracking.TaskStatus:
    return tracking.classify(deadline=task.deadline, completed_on=task.completed_on, today=today)


def progress(*, resolution: Resolution, unit: Unit, today: date) -> Progress:
    """Roll up ``unit``'s subtree of the resolution's programs."""
    items = list(
        ProgramItem.objects.filter(
            program__resolution=resolution, program__unit__path__startswith=unit.path
        ).select_related("program__unit", "area")
    )
    item_ids = {i.pk for i in items}
    tasks = list(Task.objects.filter(item_id__in=item_ids).select_related("unit", "owner", "item"))
    areas = list(Area.objects.filter(resolution=resolution))
    latest: dict[str, Assessment] = {}
    for a in Assessment.objects.filter(item_id__in=item_ids).order_by("assessed_at", "id"):
        latest[f"I{a.item_id}"] = a
    for a in Assessment.objects.filter(area__resolution=resolution).order_by("assessed_at", "id"):
        latest[f"A{a.area_id}"] = a
    nodes = [tracking.RollupNode("R", None, 1.0)]
    nodes += [tracking.RollupNode(f"A{a.pk}", "R", float(a.weight)) for a in areas]
    for item in items:
        top = item.parent_id is None or item.parent_id not in item_ids
        parent = f"A{item.area_id}" if top else f"I{item.parent_id}"
        nodes.append(tracking.RollupNode(f"I{item.pk}", parent, float(item.weight)))
    for task in tasks:
        value = 100.0 if task.completed_on else float(task.progress)
        nodes.append(
            tracking.RollupNode(f"T{task.pk}", f"I{task.item_id}", float(task.weight), value)
        )
    results = tracking.rollup(nodes)

    children: dict[str, list[tuple[str, str, Any]]] = defaultdict(list)
    for item in items:
        top = item.parent_id is None or item.parent_id not in item_ids
        children[f"A{item.area_id}" if top else f"I{item.parent_id}"].append(
            (f"I{item.pk}", "item", item)
        )
    for task in tasks:
        children[f"I{task.item_id}"].append((f"T{task.pk}", "task", task))

    def row(key: str, kind: str, obj: Any, depth: int) -> Row:
        result = results[key]
        built = Row(
            key,
            kind,
            obj,
            depth,
            float(obj.weight),
            result.value,
            result.formula,
            status=_task_status(obj, today).value if kind == "task" else "",
            assessment=latest.get(key),
        )
        built.children = [row(k, kd, o, depth + 1) for k, kd, o in children.get(key, [])]
        return built

    area_rows = [row(f"A{a.pk}", "area", a, 0) for a in areas]
    statuses = Counter(_task_status(t, today).value for t in tasks)
    overdue = sorted(
        (t for t in tasks if _task_status(t, today) is tracking.TaskStatus.OPEN_OVERDUE),
        key=lambda t: (t.unit.path, t.deadline),
    )
    return Progress(
        resolution,
        unit,
        results["R"].value,
        results["R"].formula,
        area_rows,
        {s.value: statuses.get(s.value, 0) for s in tracking.TaskStatus},
        overdue,
    )


def flatten(rows: list[Row]) -> list[Row]:
    out: list[Row] = []
    for r in rows:
        out.append(r)
        out.extend(flatten(r.children))
    return out


def overdue_by_unit(tasks: list[Task]) -> list[tuple[Unit, int]]:
    counts: dict[int, int] = Counter(t.unit_id for t in tasks)
    units = {t.unit_id: t.unit for t in tasks}
    return sorted(((units[k], n) for k, n in counts.items()), key=lambda p: p[0].path)


@dataclass
class TargetView:
    target: Target
    current: Decimal | None
    source: str  # "indicator", "reported" or ""
    attainment: float | None
    met: bool | None
    trend: Decimal | None
    history: list[tuple[date, Decimal]]


def targets(*, resolution: Resolution, today: date) -> list[TargetView]:
    views = []
    bound = [t.indicator for t in resolution.targets.all() if t.indicator]
    snaps: dict[str, list[tuple[date, Decimal]]] = defaultdict(list)
    for s in IndicatorSnapshot.objects.filter(
        indicator__in=bound, unit=resolution.unit, taken_on__gte=today - timedelta(days=400)
    ).order_by("taken_on"):
        snaps[s.indicator].append((s.taken_on, s.value))
    for target in resolution.targets.select_related("area").all():
        current: Decimal | None = None
        source = ""
        history = snaps.get(target.indicator, [])
        indicator = registry.get(target.indicator) if target.indicator else None
        if indicator is not None:
            start, end = today - timedelta(days=29), today
            current = indicator.compute(resolution.unit, start, end)
            source = "indicator"
        elif target.manual_value is not None:
            current, source = target.manual_value, "reported"
        trend = history[-1][1] - history[-2][1] if len(history) >= 2 else None
        attainment = met = None
        if current is not None:
            direction = tracking.Direction(target.direction)
            attainment = tracking.attainment(
                direction=direction,
                baseline=float(target.baseline),
                target=float(target.target_value),
                current=float(current),
            )
            met = tracking.is_met(
                direction=direction, target=float(target.target_value), current=float(current)
            )
        views.append(TargetView(target, current, source, attainment, met, trend, history))
    return views


def ranking(*, movement: Any, period: str) -> list[tuple[tracking.RankedEntry, ScoreSheet]]:
    """Only locked sheets are ranked: rankings are published from locked results."""
    sheets = list(
        ScoreSheet.objects.filter(
            registration__movement=movement, period=period, state=SheetState.LOCKED
        ).select_related("registration__unit", "registration__person")
    )
    by_id = {s.pk: s for s in sheets}
    ranked = tracking.rank([(s.pk, float(s.approved_score or 0)) for s in sheets])
    return [(entry, by_id[int(str(entry.id))]) for entry in ranked]


def report_data(*, resolution: Resolution, unit: Unit, today: date) -> dict[str, Any]:
    """A JSON picture of the unit's progress, frozen into a submitted report."""
    state = progress(resolution=resolution, unit=unit, today=today)
    return {
        "resolution": resolution.code,
        "unit": unit.code,
        "unit_name": unit.name_vi,
        "as_of": today.isoformat(),
        "value": round(state.value, 1),
        "formula": state.formula,
        "status_counts": state.status_counts,
        "rows": [
            {
                "kind": r.kind,
                "depth": r.depth,
                "code": getattr(r.obj, "code", ""),
                "title": r.obj.title,
                "unit": r.obj.program.unit.code
                if r.kind == "item"
                else (r.obj.unit.code if r.kind == "task" else ""),
                "weight": r.weight,
                "value": round(r.value, 1),
                "formula": r.formula,
                "status": r.status,
                "assessment": r.assessment.progress if r.assessment else None,
            }
            for r in flatten(state.areas)
        ],
        "overdue": [
            {"task": t.title, "unit": t.unit.code, "deadline": t.deadline.isoformat()}
            for t in state.overdue
        ],
    }
