"""Health-control rules benchmark: compiled rule sets against checking every measure.

    uv run python bench/rules.py [--measures 300] [--travellers 50000] [--rounds 3] [--quick]

Generates (fixed seed) measures spread over the province's gates, directions, countries,
categories and periods (some switched off, some expired), and travellers with realistic
facts. Times ``RuleSet.evaluate`` (measures compiled once, grouped by direction and gate)
against the naive baseline ``evaluate_each`` (every measure checked for every traveller),
checks that both give identical outcomes, and prints microseconds per traveller for each,
and the ratio last.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bienphong.engines.rules import (
    SYMPTOMS,
    DeclarationFacts,
    Direction,
    Facts,
    Measure,
    Requirement,
    RuleSet,
    Vaccination,
    Visit,
    evaluate_each,
)

SEED = 20261128
NOW = datetime(2026, 11, 28, 3, tzinfo=UTC)
GATES = [f"CK-{i:02d}" for i in range(40)]
COUNTRIES = ["VNM", "CHN", "KOR", "JPN", "USA", "NGA", "BRA", "AGO", "GHA", "PER", "RUS", "THA"]
CATEGORIES = ["tourist", "border_resident", "business", "driver", "crew", "official"]


def make_measures(rng: random.Random, count: int) -> list[Measure]:
    out = []
    for ident in range(1, count + 1):
        requirement = rng.choice(list(Requirement))
        start = NOW - timedelta(days=rng.randint(0, 2000))
        end = None if rng.random() < 0.6 else start + timedelta(days=rng.randint(30, 2500))
        out.append(
            Measure(
                id=ident,
                requirement=requirement,
                active=rng.random() < 0.7,
                valid_from=start,
                valid_until=end,
                gates=frozenset(rng.sample(GATES, rng.choice([0, 1, 1, 2, 3]))),
                directions=frozenset(rng.sample(list(Direction), rng.choice([0, 1]))),
                origin_countries=frozenset(rng.sample(COUNTRIES, rng.choice([0, 0, 1, 2]))),
                travel_countries=frozenset(rng.sample(COUNTRIES, rng.choice([0, 0, 2, 4]))),
                lookback_days=rng.choice([6, 14, 21]),
                categories=frozenset(rng.sample(CATEGORIES, rng.choice([0, 0, 1, 2]))),
                trigger_symptoms=frozenset(rng.sample(SYMPTOMS, rng.choice([0, 0, 0, 1]))),
                test_within_hours=rng.choice([24, 48, 72]),
                disease=rng.choice(["yellow_fever", "cholera"]),
                vaccination_min_days=rng.choice([0, 10]),
            )
        )
    return out


def make_travellers(rng: random.Random, count: int) -> list[Facts]:
    out = []
    for _ in range(count):
        at = NOW + timedelta(minutes=rng.randint(0, 24 * 60))
        declared = rng.random() < 0.5
        out.append(
            Facts(
                gate=rng.choice(GATES),
                direction=rng.choice(list(Direction)),
                at=at,
                nationality=rng.choice(COUNTRIES),
                visits=tuple(
                    Visit(rng.choice(COUNTRIES), at.date() - timedelta(days=rng.randint(0, 25)))
                    for _ in range(rng.choice([0, 0, 1, 2]))
                ),
                category=rng.choice(["", *CATEGORIES]),
                declaration=DeclarationFacts(
                    declared_at=at - timedelta(hours=rng.randint(0, 100)),
                    direction=rng.choice(list(Direction)),
                    symptoms=frozenset(rng.sample(SYMPTOMS, rng.choice([0, 0, 0, 1]))),
                )
                if declared
                else None,
                test_certificate_at=at - timedelta(hours=rng.randint(0, 96))
                if rng.random() < 0.3
                else None,
                vaccinations=(Vaccination("yellow_fever", date(2020, 1, 1)),)
                if rng.random() < 0.2
                else (),
            )
        )
    return out


def timed(fn, rounds: int) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    best = float("inf")
    result: list = []
    for _ in range(rounds):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=300)
    parser.add_argument("--travellers", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="5,000 travellers, 2 rounds")
    args = parser.parse_args()
    if args.quick:
        args.travellers, args.rounds = 5_000, 2
    rng = random.Random(SEED)
    measures = make_measures(rng, args.measures)
    travellers = make_travellers(rng, args.travellers)
    print(
        f"{len(measures)} measures ({sum(m.active for m in measures)} switched on) over "
        f"{len(GATES)} gates; {len(travellers)} travellers; best of {args.rounds} rounds (CPU time)"
    )

    start = time.perf_counter()
    rules = RuleSet(measures)
    compile_ms = (time.perf_counter() - start) * 1e3
    ours_s, ours = timed(lambda: [rules.evaluate(f) for f in travellers], args.rounds)
    naive_s, naive = timed(lambda: [evaluate_each(measures, f) for f in travellers], args.rounds)
    if ours != naive:
        raise SystemExit("outcomes differ between the compiled rule set and the baseline")
    outcomes = sum(len(o) for o in ours)
    blocking = sum(any(x.status.value == "not_met" for x in o) for o in ours)
    n = len(travellers)
    print(f"outcomes: {outcomes} ({outcomes / n:.2f} per traveller); blocked: {blocking}")
    print(f"compile:              {compile_ms:8.2f} ms (once per change of measures)")
    print(f"baseline evaluate_each: {naive_s / n * 1e6:8.2f} µs/traveller  ({n / naive_s:,.0f}/s)")
    print(f"RuleSet.evaluate:       {ours_s / n * 1e6:8.2f} µs/traveller  ({n / ours_s:,.0f}/s)")
    print(f"ratio (baseline / ours): {naive_s / ours_s:.1f}x")


if __name__ == "__main__":
    main()
