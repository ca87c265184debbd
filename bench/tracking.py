"""Roll-up benchmark: the tracking engine's one-pass roll-up against a naive recursive
per-node recomputation, over a large synthetic program tree.

    uv run python bench/tracking.py [--items 60] [--posts 12] [--stations 4] [--tasks 8]
                                    [--rounds 3] [--seed 20261128] [--quick]

The tree mirrors a cascaded resolution: resolution -> areas -> command program items ->
each post's items -> each station's items -> tasks (random weights and progress, fixed
seed). Both methods compute the progress of every node (the dashboard shows them all);
the results are checked equal, the best of ``--rounds`` timings is reported, the ratio last.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bienphong.engines.tracking import RollupNode, rollup, rollup_naive

AREAS = 5


def build(items: int, posts: int, stations: int, tasks: int, seed: int) -> list[RollupNode]:
    rng = random.Random(seed)
    weights = [0.5, 1.0, 1.0, 2.0, 3.0]
    nodes = [RollupNode("R", None)]
    nodes += [RollupNode(f"A{a}", "R", rng.choice(weights)) for a in range(AREAS)]
    for i in range(items):
        command_item = f"I{i}"
        nodes.append(RollupNode(command_item, f"A{i % AREAS}", rng.choice(weights)))
        for p in range(posts):
            post_item = f"{command_item}.P{p}"
            nodes.append(RollupNode(post_item, command_item, rng.choice(weights)))
            for s in range(stations):
                station_item = f"{post_item}.S{s}"
                nodes.append(RollupNode(station_item, post_item, rng.choice(weights)))
                for t in range(tasks):
                    progress = 100.0 if rng.random() < 0.3 else rng.uniform(0, 100)
                    nodes.append(
                        RollupNode(
                            f"{station_item}.T{t}", station_item, rng.choice(weights), progress
                        )
                    )
    return nodes


def best_of(rounds: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(rounds):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=60)
    parser.add_argument("--posts", type=int, default=12)
    parser.add_argument("--stations", type=int, default=4)
    parser.add_argument("--tasks", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261128)
    parser.add_argument("--quick", action="store_true", help="a small tree, one round")
    args = parser.parse_args()
    if args.quick:
        args.items, args.posts, args.rounds = 10, 6, 1
    nodes = build(args.items, args.posts, args.stations, args.tasks, args.seed)
    print(f"tree: {len(nodes):,} nodes (depth 6), seed {args.seed}, best of {args.rounds}")

    fast_time, fast = best_of(args.rounds, lambda: rollup(nodes))
    naive_time, naive = best_of(args.rounds, lambda: rollup_naive(nodes))
    worst = max(abs(fast[n.id].value - naive[n.id]) for n in nodes)
    if worst > 1e-6:
        print(f"MISMATCH: largest difference {worst}")
        return 1
    print(f"engine  rollup (one pass, with formulas): {fast_time * 1000:9.1f} ms")
    print(f"naive   per-node recursive recomputation: {naive_time * 1000:9.1f} ms")
    print(f"root progress {fast['R'].value:.2f} % = {fast['R'].formula}")
    print(f"ratio naive/engine: {naive_time / fast_time:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
