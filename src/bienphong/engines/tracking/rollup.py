"""Progress roll-up over a weighted tree.

The formula (documented in ``docs/resolutions.md``)::

    progress(leaf) = its own progress, clamped to 0..100
    progress(node) = Σ wᵢ·progress(childᵢ) ÷ Σ wᵢ     over children with wᵢ > 0

A node without children and without own progress counts as 0 %. Weights are
non-negative; a child of weight 0 is shown but does not count. A node with children
ignores any own progress it was given (nothing is overridden silently: a manual
assessment is kept beside the computed value by the caller, never fed in here).

:func:`rollup` visits every node once (O(n)); :func:`rollup_naive` recomputes each
node's subtree recursively and is kept as the benchmark baseline and a test oracle.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field


class RollupError(ValueError):
    """The input is not a tree: an unknown parent, a cycle, a negative weight."""


@dataclass(frozen=True, slots=True)
class RollupNode:
    id: Hashable
    parent: Hashable | None
    weight: float = 1.0
    progress: float | None = None  # own progress of a leaf (0..100)
    label: str = ""


@dataclass(slots=True)
class RollupResult:
    id: Hashable
    value: float
    weight_total: float = 0.0
    # (child id, weight, child value) of every child, in input order.
    terms: list[tuple[Hashable, float, float]] = field(default_factory=list)
    leaf: bool = True

    @property
    def formula(self) -> str:
        """The arithmetic behind ``value``: ``(2×50.0 + 1×100.0) ÷ 3 = 66.7``."""
        if self.leaf:
            return f"{self.value:.1f}"
        if self.weight_total <= 0:
            return "0.0"
        parts = " + ".join(f"{_num(w)}×{v:.1f}" for _id, w, v in self.terms if w > 0)
        return f"({parts}) ÷ {_num(self.weight_total)} = {self.value:.1f}"


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _clamp(value: float | None) -> float:
    if value is None or value != value:  # None or NaN
        return 0.0
    return min(100.0, max(0.0, float(value)))


def _index(
    nodes: Sequence[RollupNode],
) -> tuple[dict[Hashable, RollupNode], dict[Hashable, list[RollupNode]]]:
    by_id: dict[Hashable, RollupNode] = {}
    for node in nodes:
        if node.id in by_id:
            raise RollupError(f"duplicate node {node.id!r}")
        if node.weight < 0:
            raise RollupError(f"negative weight on {node.id!r}")
        by_id[node.id] = node
    children: dict[Hashable, list[RollupNode]] = {}
    for node in nodes:
        if node.parent is not None:
            if node.parent not in by_id:
                raise RollupError(f"unknown parent {node.parent!r} of {node.id!r}")
            children.setdefault(node.parent, []).append(node)
    return by_id, children


def rollup(nodes: Iterable[RollupNode]) -> dict[Hashable, RollupResult]:
    """Roll progress up every tree in ``nodes`` (a forest); one result per node."""
    items = list(nodes)
    by_id, children = _index(items)
    # Iterative pre-order from the roots; reversed, each node comes after its children.
    order: list[Hashable] = []
    stack = [n.id for n in items if n.parent is None]
    seen: set[Hashable] = set()
    while stack:
        node_id = stack.pop()
        if node_id in seen:
            raise RollupError(f"cycle through {node_id!r}")
        seen.add(node_id)
        order.append(node_id)
        kids = children.get(node_id)
        if kids:
            stack.extend([child.id for child in kids])
    if len(seen) != len(by_id):
        raise RollupError("cycle: some nodes are not reachable from a root")
    results: dict[Hashable, RollupResult] = {}
    for node_id in reversed(order):
        kids = children.get(node_id)
        if not kids:
            results[node_id] = RollupResult(node_id, _clamp(by_id[node_id].progress))
            continue
        terms = []
        total = weighted = 0.0
        for kid in kids:
            weight = kid.weight
            value = results[kid.id].value
            terms.append((kid.id, weight, value))
            total += weight
            weighted += weight * value
        results[node_id] = RollupResult(
            node_id, weighted / total if total > 0 else 0.0, total, terms, leaf=False
        )
    return results


def rollup_naive(nodes: Iterable[RollupNode]) -> dict[Hashable, float]:
    """Baseline: every node's value recomputed by recursion over its whole subtree,
    independently of the others (what a per-row ``progress()`` method does)."""
    items = list(nodes)
    by_id, children = _index(items)

    def value(node_id: Hashable) -> float:
        kids = children.get(node_id)
        if not kids:
            return _clamp(by_id[node_id].progress)
        total = sum(k.weight for k in kids)
        return sum(k.weight * value(k.id) for k in kids) / total if total > 0 else 0.0

    return {node.id: value(node.id) for node in items}
