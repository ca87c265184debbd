"""Command dashboard and monthly report at scale: rollups against a plain GROUP BY.

    .venv/bin/python bench/reports.py                         # 1,000,000 crossings, SQLite
    .venv/bin/python bench/reports.py --crossings 10000000 --var-dir /tmp/reports-10m
    .venv/bin/python bench/reports.py --crossings 10000000 --database-url postgres://...
    .venv/bin/python bench/reports.py --quick                 # 100,000 crossings

Seeds the demo units and users, then ``bienphong demo --crossings N`` (five years,
seeded, progress bar; reused when ``--var-dir`` already holds them). Measures, each the
median of ``--repeat`` runs after one warm-up (the baseline: ``--plain-repeat`` runs):

* the command dashboard (``/command/?quick=year``), the whole request through the
  Django test client signed in as command staff;
* a monthly report compile (``bienphong.situation.compile.compile_figures`` for the
  province and last month, or the stats module's monthly block if that app is absent);

each once with the rollups and once with ``crossing_stats`` and ``crossing_breakdown``
swapped for the plain GROUP BY over the raw rows (``crossing_stats_plain``). Targets
at 10M: dashboard < 1 s, monthly report < 2 s. The ratio printed last is plain / rollup.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
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


def seed(crossings: int) -> None:
    from django.core.management import call_command

    from bienphong.checkpoint.models import Crossing

    have = Crossing.objects.filter(lane="demo").count()
    if have:
        print(f"reusing {have:,} demo crossings")
        return
    call_command("demo", crossings=crossings)


@contextmanager
def plain_group_by() -> Any:
    """Swap the rollup-backed crossing statistics for the plain GROUP BY."""
    from bienphong.command import stats

    # Callers (dashboard, situation compile) look the function up on the module.
    def breakdown_plain(*, group_bys: Any, **period: Any) -> dict[str, Any]:
        return {g: stats.crossing_stats_plain(**period, group_by=g) for g in group_bys}

    # The dashboard's charts come from crossing_breakdown (all groupings in one pass):
    # swap it too, so the baseline is the whole page by plain GROUP BY.
    saved = stats.crossing_stats, stats.crossing_breakdown
    setattr(stats, "crossing_stats", stats.crossing_stats_plain)  # noqa: B010
    setattr(stats, "crossing_breakdown", breakdown_plain)  # noqa: B010
    try:
        yield
    finally:
        setattr(stats, "crossing_stats", saved[0])  # noqa: B010
        setattr(stats, "crossing_breakdown", saved[1])  # noqa: B010


def timed(run: Callable[[], Any], repeat: int, *, warm: bool = True) -> float:
    if warm:
        run()  # warm caches
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def dashboard_request() -> Callable[[], Any]:
    from django.test import Client

    from bienphong.org.models import Membership
    from bienphong.org.roles import Role

    staff = Membership.objects.filter(role=Role.COMMAND_STAFF).select_related("user").first()
    assert staff is not None, "no command-staff user in the demo data"
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    client.force_login(staff.user)

    def run() -> Any:
        response = client.get("/command/?quick=year")
        assert response.status_code == 200, response.status_code
        return response

    return run


def monthly_compile() -> tuple[str, Callable[[], Any]]:
    from django.utils import timezone

    from bienphong.org.models import Unit, UnitType

    province = Unit.objects.get(unit_type=UnitType.COMMAND, parent__isnull=True)
    first = timezone.localdate().replace(day=1)
    end = first - dt.timedelta(days=1)
    start = end.replace(day=1)
    try:
        from bienphong.situation.compile import compile_figures
    except ImportError:
        from bienphong.command import stats

        ids = list(Unit.objects.filter(path__startswith=province.path).values_list("pk", flat=True))

        def block() -> Any:
            return {
                g: stats.crossing_stats(unit_ids=ids, date_from=start, date_to=end, group_by=g)
                for g in ("gate", "day", "nationality", "document_type", "reason")
            }

        return "stats monthly block", block
    return "situation compile_figures", lambda: compile_figures(province, start, end)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crossings", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--var-dir", default="")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain-repeat", type=int, default=1, help="runs of the baseline")
    parser.add_argument("--quick", action="store_true", help="100,000 crossings")
    args = parser.parse_args()
    crossings = 100_000 if args.quick else args.crossings
    var_dir = args.var_dir or tempfile.mkdtemp(prefix="bench-reports-")
    Path(var_dir).mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{var_dir}/bench.sqlite3"
    setup(url, var_dir)
    seed(crossings)
    from django.db import connection

    from bienphong.checkpoint.models import Crossing

    total = Crossing.objects.count()
    print(f"database: {connection.vendor}, crossings: {total:,}, load: {os.getloadavg()}")
    page = dashboard_request()
    label, compile_run = monthly_compile()
    results = {}
    results["dashboard"] = timed(page, args.repeat)
    results["report"] = timed(compile_run, args.repeat)
    with plain_group_by():
        # Runs after the rollup variant, so the raw table is as warm as it gets; one
        # run each by default (the plain page takes minutes at 10M on SQLite).
        plain = {"repeat": args.plain_repeat, "warm": False}
        results["dashboard_plain"] = timed(page, **plain)
        results["report_plain"] = timed(compile_run, **plain)
    print(f"{'':32}{'rollups':>12}{'plain GROUP BY':>16}{'ratio':>8}")
    for key, name, target in (
        ("dashboard", "dashboard (this year)", 1.0),
        ("report", f"monthly report ({label})", 2.0),
    ):
        fast, slow = results[key], results[f"{key}_plain"]
        verdict = "ok" if fast < target else "OVER TARGET"
        times = f"{fast:>11.3f}s{slow:>15.3f}s{slow / fast:>7.1f}x"
        print(f"{name:32}{times}  target < {target:.0f} s: {verdict}")
    print(f"load after: {os.getloadavg()}")
    ratio = results["dashboard_plain"] / results["dashboard"]
    print(f"ratio (plain / rollup, dashboard): {ratio:.1f}x")


if __name__ == "__main__":
    main()
