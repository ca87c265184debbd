"""Exports: the crossings list streamed to CSV and XLSX in chunks, against the naive way
(load the whole queryset, then write) as the baseline.

    .venv/bin/python bench/exports.py             # 100,000 crossings, SQLite
    .venv/bin/python bench/exports.py --quick     # 20,000 crossings
    .venv/bin/python bench/exports.py --rows 1000000 --database-url postgres://...

Prints rows per second and the peak Python memory (tracemalloc) of each; the ratio
printed last is streamed peak / naive peak (below 1: chunking bounds memory).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))


def setup(database_url: str, var_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bienphong.settings.test"
    os.environ["DATABASE_URL"] = database_url
    os.environ["BIENPHONG_VAR_DIR"] = var_dir
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", "--noinput", verbosity=0)


def measure(label: str, rows: int, run: Any) -> tuple[float, int]:
    """Wall time of one run, then the peak Python memory of another (tracemalloc slows
    the run it watches several times over, so it never times one)."""
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"   {label:<28} {elapsed:6.2f} s  {rows / elapsed:9,.0f} rows/s  "
        f"peak {peak / 2**20:7.1f} MiB",
        flush=True,
    )
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--quick", action="store_true")
    args, _unknown = parser.parse_known_args()
    if args.quick:
        args.rows = min(args.rows, 20_000)
    tmp = tempfile.mkdtemp(prefix="bench-exports-")
    setup(args.database_url or f"sqlite:///{tmp}/bench.sqlite3", tmp)

    from django.http import QueryDict
    from tests.exports.conftest import make_crossings
    from tests.factories import make_unit, make_user

    from bienphong.checkpoint import selectors
    from bienphong.exports import registry, services
    from bienphong.exports.writers import open_writer
    from bienphong.org.models import GateKind, UnitType
    from bienphong.org.roles import Role

    command = make_unit("XQN", unit_type=UnitType.COMMAND)
    post = make_unit("XDBP", command)
    gate = make_unit("XCK", post, UnitType.GATE, GateKind.INTERNATIONAL, borders_country="CHN")
    officer = make_user(Role.CHECKPOINT_OFFICER, post, username="bench_export_officer")
    started = time.perf_counter()
    make_crossings(gate, args.rows, officer=officer, name="Nguyễn Thị Bench", batch=5000)
    print(f">> {args.rows:,} crossings seeded in {time.perf_counter() - started:.1f} s")

    entry = registry.get("checkpoint.crossings")

    def streamed(file_format: str) -> Any:
        def run() -> None:
            job = services.export_start(
                actor=officer, list_name=entry.name, file_format=file_format, params={}
            )
            assert job.status == "done" and job.rows_done == args.rows, job.error

        return run

    def naive() -> None:
        rows = list(selectors.crossings_from_params(officer, QueryDict()))
        with open_writer(Path(tmp) / "naive.csv", "csv", title="naive") as writer:
            writer.write(entry.headers())
            for row in rows:
                writer.write(c.value(row) for c in entry.columns)

    print(">> export of the whole crossings list (the officer's scope)")
    _, naive_peak = measure("naive (list(), then CSV)", args.rows, naive)
    _, csv_peak = measure("streamed CSV (job)", args.rows, streamed("csv"))
    measure("streamed XLSX (job)", args.rows, streamed("xlsx"))
    print(f"ratio (streamed CSV peak / naive peak): {csv_peak / naive_peak:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
