"""Checkpoint load: the real server (gunicorn, as `make run` serves it) with a large
watchlist, concurrent clients on loopback doing check + record with retries.

    uv run python bench/checkpoint_load.py                      # SQLite, 1,000,000 entries
    uv run python bench/checkpoint_load.py --database-url postgres://u:p@127.0.0.1:5432/db
    uv run python bench/checkpoint_load.py --entries 100000 --seconds 20 --quick
    uv run python bench/checkpoint_load.py --var-dir /tmp/load-1m   # keep and reuse the data

Prints throughput (recorded crossings per second) and p50/p95/p99 of check + record, then
counts the rows: every distinct Idempotency-Key must be exactly one crossing, however many
times it was retried. Targets (issue 5): 200 crossings/s sustained, p95 <= 100 ms, no error.

The clients share the machine with the server, so they are kept cheap: payloads are
prepared before the clock starts and requests go over raw sockets. The CPU each side used
during the run is read from /proc (web server processes, PostgreSQL's server processes,
client processes) and printed per pair, with the clients' share.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tqdm import tqdm

from checkpoint_clients import (  # the bench directory is on sys.path when run
    Client,
    client_process,
    machine_busy_seconds,
    postmaster_pid,
    server_cpu_seconds,
)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(args: list[str], env: dict[str, str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "bienphong"), *args],
        env=env,
        check=True,
        text=True,
        capture_output=True,
        **kwargs,
    )  # type: ignore[call-overload]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SEED_SCRIPT = r"""
import random, sys
from django.db import transaction
from tqdm import tqdm
from bienphong.org.models import User
from bienphong.watchlists.models import Watchlist, WatchlistEntry, EntryChange, Instruction
from bienphong.watchlists import services

n = int(sys.argv[1])
rng = random.Random(5)
fam = ["Nguyen","Tran","Le","Pham","Hoang","Vu","Dang","Bui","Do","Ho","Ngo","Duong","Ly",
       "Wang","Li","Zhang","Liu","Chen","Yang","Huang","Zhao","Wu","Zhou","Ivanov","Kim","Park"]
mid = ["Van","Thi","Duc","Minh","Ngoc","Quang","Thanh","Huu","Xuan","","",""]
giv = ["An","Binh","Cuong","Dung","Giang","Ha","Hai","Hung","Khanh","Lan","Linh","Long","Mai",
       "Nam","Phong","Quan","Son","Thao","Trang","Tuan","Yen","Wei","Fang","Na","Min","Jing",
       "Lei","Qiang","Yan","Jun","Hui","Xiaoming","Jianguo","Lihua","Haiyan","Sergei","Minjun"]
actor = User.objects.get(username="thammuu.bch")
wl = Watchlist.objects.filter(code="LOAD").first()
if wl is None:
    from bienphong.org.models import Unit
    wl = services.watchlist_create(actor=actor, code="LOAD", name="Load test", list_type="other",
                                   owner_unit=Unit.objects.get(code="QN"))
have = wl.entries.count()
batch = []
with tqdm(total=n, initial=have, desc="watchlist rows", unit="row") as bar:
    for i in range(have, n):
        name = " ".join(p for p in (rng.choice(fam), rng.choice(mid), rng.choice(giv),
                                    rng.choice(giv) if rng.random() < .3 else "") if p)
        batch.append(WatchlistEntry(watchlist=wl, external_id=f"L{i:07d}", full_name=name,
                                    birth_year=rng.randint(1940, 2005),
                                    birth_month=rng.randint(1, 12), birth_day=rng.randint(1, 28),
                                    instruction=Instruction.REPORT))
        if len(batch) == 20000 or i == n - 1:
            with transaction.atomic():
                WatchlistEntry.objects.bulk_create(batch)
            bar.update(len(batch))
            batch = []
"""


def prepare(env: dict[str, str], entries: int) -> None:
    print(">> migrate, demo data", flush=True)
    run(["migrate", "--noinput", "-v0"], env)
    run(["collectstatic", "--noinput", "-v0"], env)
    run(["demo"], env)
    print(f">> watchlist of {entries:,} entries", flush=True)
    subprocess.run(
        [
            str(BIN / "bienphong"),
            "shell",
            "-c",
            SEED_SCRIPT.replace("int(sys.argv[1])", str(entries)),
        ],
        env=env,
        check=True,
    )
    print(">> building the screening index file", flush=True)
    started = time.perf_counter()
    run(["watchlist", "reindex"], env)
    print(f"   index built and saved in {time.perf_counter() - started:.0f} s", flush=True)


def count_crossings(env: dict[str, str], prefix: str) -> int:
    out = run(
        [
            "shell",
            "-c",
            "from bienphong.checkpoint.models import Crossing;"
            f"print(Crossing.objects.filter(idempotency_key__startswith='{prefix}').count())",
        ],
        env,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--retry-rate", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=0, help="server workers (serve's default)")
    parser.add_argument("--threads", type=int, default=0, help="threads per worker (default)")
    parser.add_argument("--worker-class", default="", help="gthread or sync (serve's default)")
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument(
        "--var-dir",
        default="",
        help="prepare the data here once and reuse it on later runs (default: a fresh temp dir)",
    )
    parser.add_argument("--quick", action="store_true", help="100,000 entries, 20 s")
    args = parser.parse_args()
    if args.quick:
        args.entries, args.seconds = min(args.entries, 100_000), min(args.seconds, 20)
    var = Path(args.var_dir) if args.var_dir else Path(tempfile.mkdtemp(prefix="bienphong-load-"))
    var.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "BIENPHONG_VAR_DIR": str(var),
        "BIENPHONG_PRELOAD_SCREENING": "1",
        "DJANGO_SETTINGS_MODULE": "bienphong.settings.base",
    }
    env.pop("DATABASE_URL", None)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    database = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    if args.database_url:
        # The server gets the project's default connection options, as production would.
        binding = env.get("BIENPHONG_DB_PREPARED_STATEMENTS", "1").strip().lower()
        database += " (prepared statements {})".format(
            "off" if binding in {"0", "false", "no", "off"} else "on"
        )
    marker = var / f"prepared-{args.entries}-{'pg' if args.database_url else 'sqlite'}"
    if not (args.var_dir and marker.exists()):
        prepare(env, args.entries)
        marker.write_text("ok")
    else:
        print(f">> reusing the data prepared in {var} (migrating it)", flush=True)
        run(["migrate", "--noinput", "-v0"], env)
    token = run(["token", "create", "canbo.mongcai", "--name", "load"], env).stdout.strip()
    port = free_port()
    prefix = f"load{int(time.time())}-"  # this run's keys only, on a reused database too
    serve = [str(BIN / "bienphong"), "serve", "--port", str(port)]
    if args.workers:
        serve += ["--workers", str(args.workers)]
    if args.threads:
        serve += ["--threads", str(args.threads)]
    if args.worker_class:
        serve += ["--worker-class", args.worker_class]
    print(f">> serving on 127.0.0.1:{port} ({' '.join(serve[2:])})", flush=True)
    # The server's log goes to a file: an undrained pipe fills up and blocks the workers.
    server_log = (var / "server.log").open("w")
    server = subprocess.Popen(
        serve,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=server_log,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 600
        while True:
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit(f"the server did not come up; see {var / 'server.log'}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/v1/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            time.sleep(1)
        # Warm every worker's index (each request may land on any worker).
        warm = Client(999, port, token, time.time() + 5, 0, prefix=f"warm{int(time.time())}-")
        warm.prepare(0)
        warm.run()
        queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        groups = [
            list(range(args.clients))[i :: args.client_processes]
            for i in range(args.client_processes)
        ]
        # Enough prepared payloads for 400 pairs/s; a faster run computes the rest on the fly.
        prepared = args.seconds * 400 // args.clients + 50
        go, start_value = multiprocessing.Event(), multiprocessing.Value("d", 0.0)
        procs = [
            multiprocessing.Process(
                target=client_process,
                args=(
                    g,
                    port,
                    token,
                    args.seconds,
                    args.retry_rate,
                    prefix,
                    prepared,
                    (go, start_value),
                    queue,
                ),
            )
            for g in groups
            if g
        ]
        for proc in procs:
            proc.start()
        print(f">> preparing {prepared:,} payloads per client", flush=True)
        for _ in procs:
            if queue.get(timeout=600) != "ready":
                raise SystemExit("a client process failed to start")
        start_value.value = time.time() + 0.2
        stop_at = start_value.value + args.seconds
        go.set()
        time.sleep(0.2)
        load_before = os.getloadavg()
        busy_before = machine_busy_seconds()
        postmaster = postmaster_pid(args.database_url) if args.database_url else 0
        web_before, db_before = server_cpu_seconds(server.pid, postmaster)
        with tqdm(total=args.seconds, desc="load", unit="s") as bar:
            while time.time() < stop_at:
                time.sleep(1)
                bar.update(1)
        results = [queue.get(timeout=120) for _ in procs]
        busy = machine_busy_seconds() - busy_before
        web_after, db_after = server_cpu_seconds(server.pid, postmaster)
        web_cpu, db_cpu = web_after - web_before, db_after - db_before
        for proc in procs:
            proc.join()
        load_after = os.getloadavg()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        server_log.close()
    latencies: list[float] = sorted(lat for r in results for lat in r[0])
    keys = set().union(*(r[1] for r in results))
    errors = [e for r in results for e in r[2]]
    client_cpu = sum(r[3] for r in results)
    rows = count_crossings(env, prefix)
    throughput = len(keys) / args.seconds

    def pct(p: float) -> float:
        return 1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))]

    print(
        f"\nCheckpoint load — {database}, {args.entries:,} watchlist entries, "
        f"{args.clients} clients in {len(procs)} processes, {' '.join(serve[4:]) or 'defaults'}, "
        f"{args.seconds} s"
    )
    print(
        "  load average before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}".format(
            *load_before, *load_after
        )
    )
    pairs = max(len(latencies), 1)
    ours = web_cpu + db_cpu + client_cpu
    print(
        f"  CPU per pair: web server {1000 * web_cpu / pairs:.2f} ms, database server"
        f" {1000 * db_cpu / pairs:.2f} ms, load clients {1000 * client_cpu / pairs:.2f} ms;"
        f" clients = {100 * client_cpu / max(ours, 1e-9):.0f} % of this run's CPU"
    )
    print(
        f"  machine busy {busy / args.seconds:.2f} of {os.cpu_count()} cores, this run"
        f" {ours / args.seconds:.2f} (the rest is other work on the machine)"
    )
    print(f"  check + record pairs: {len(latencies):,}   errors: {len(errors)}")
    print(
        f"  latency check+record: p50 {pct(0.50):.1f} ms  p95 {pct(0.95):.1f} ms  "
        f"p99 {pct(0.99):.1f} ms  mean {1000 * statistics.fmean(latencies):.1f} ms"
    )
    print(
        f"  distinct keys {len(keys):,}, crossing rows {rows:,} "
        f"({'no loss, no duplicate' if rows == len(keys) else 'MISMATCH'})"
    )
    print(
        f"  throughput: {throughput:.0f} recorded crossings/s (target 200; "
        f"ratio to target {throughput / 200:.2f})"
    )
    if errors:
        print("  first errors:", errors[:5], f"(server log: {var / 'server.log'})")
    if not args.var_dir:
        shutil.rmtree(var, ignore_errors=True)
    return 0 if rows == len(keys) and not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
