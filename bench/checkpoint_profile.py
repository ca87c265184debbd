"""Where one check + record pair spends its time, in-process (no HTTP server).

    uv run python bench/checkpoint_load.py --var-dir /tmp/cp-load --seconds 5   # prepare once
    BIENPHONG_VAR_DIR=/tmp/cp-load uv run python bench/checkpoint_profile.py --pairs 400
    BIENPHONG_VAR_DIR=/tmp/cp-load uv run python bench/checkpoint_profile.py --cprofile
    PROFILE_SORT=tottime PROFILE_LINES=80 ...   # the cProfile listing's order and length

Drives the API through the Django test client with a bearer token, counts the queries of
one check and one record (``CaptureQueriesContext``), then times the components of many
pairs with wall-clock timers around them (or prints a cProfile listing). Writes crossings
with keys starting ``profile-`` into the prepared database.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import io
import json
import os
import pstats
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienphong.settings.base")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from checkpoint_clients import passport  # noqa: E402

TIMES: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()


def timed(owner: Any, name: str, label: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TIMES[label] += time.perf_counter() - started
            CALLS[label] += 1

    setattr(owner, name, wrapper)


def instrument() -> None:
    from django.core.handlers.base import BaseHandler

    import bienphong.audit.services as audit
    import bienphong.checkpoint.services.checks as checks
    import bienphong.checkpoint.services.crossings as crossings
    from bienphong.watchlists.runtime import holder

    timed(BaseHandler, "get_response", "whole request (Django handler)")
    timed(holder, "search", "screening engine (holder.search)")
    timed(checks, "screen_person", "screening incl. hit bookkeeping")
    timed(checks, "find_traveller", "traveller + document lookup")
    timed(checks, "_history_checks", "history (when the traveller is known)")
    timed(checks, "_health_checks", "health measures")
    timed(checks, "_visa_checks", "visa rule")
    timed(checks, "read_document", "MRZ reading")
    timed(checks.CheckResult, "token", "check token signing")
    timed(crossings, "checked_result", "check token verification")
    timed(crossings, "_write", "record transaction body")
    timed(audit, "record", "audit append")
    timed(crossings, "crossing_record", "record service total")


def backend_cpu_reader() -> Callable[[], float]:
    """CPU seconds used so far by this connection's PostgreSQL backend (a local server),
    read from /proc; 0 on SQLite, where the database runs in this process."""
    if connection.vendor != "postgresql":
        return lambda: 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        stat = f"/proc/{cursor.fetchone()[0]}/stat"
    tick = os.sysconf("SC_CLK_TCK")

    def read() -> float:
        with open(stat) as handle:
            raw = handle.read()
        fields = raw[raw.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / tick

    return read


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=300)
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument("--show-queries", action="store_true", help="print each query's SQL")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]

    from bienphong.org.models import ApiToken, User
    from bienphong.org.tokens import new_token
    from bienphong.watchlists.runtime import holder

    holder.get()
    token, prefix, digest = new_token()
    ApiToken.objects.create(
        user=User.objects.get(username="canbo.mongcai"),
        name="profile",
        prefix=prefix,
        digest=digest,
    )
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    base = int(time.time() * 1000) % 10_000_000 * 100

    def pair(i: int) -> tuple[CaptureQueriesContext, CaptureQueriesContext]:
        body = {"gate": "CK-BL1", "lane": "1", "direction": "entry", "mrz": passport(base + i)}
        with CaptureQueriesContext(connection) as checked:
            response = client.post(
                "/api/v1/checkpoint/checks", json.dumps(body), content_type="application/json"
            )
        result = response.json()
        decision = "admitted" if result["can_admit"] else "referred"
        record = {**body, "decision": decision, "purpose": "tourism"}
        record["check_token"] = result["check_token"]
        if decision == "referred":
            record["reason_code"] = "document_doubt"
        with CaptureQueriesContext(connection) as recorded:
            response = client.post(
                "/api/v1/crossings",
                json.dumps(record),
                content_type="application/json",
                HTTP_IDEMPOTENCY_KEY=f"profile-{base + i}",
            )
        assert response.status_code == 201, response.content[:300]
        return checked, recorded

    for i in range(30):  # warm every memo
        checked, recorded = pair(i)
    print(f"queries: check {len(checked)}, record {len(recorded)}")
    if args.show_queries:
        for label, captured in (("check", checked), ("record", recorded)):
            for query in captured.captured_queries:
                print(f"  {label}: {query['sql'][:160]}")
    instrument()
    profile = cProfile.Profile() if args.cprofile else None
    backend = backend_cpu_reader()
    backend_before = backend()
    started, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    for i in range(100, 100 + args.pairs):
        pair(i)
    if profile:
        profile.disable()
    wall = (time.perf_counter() - started) / args.pairs
    cpu = (time.process_time() - cpu) / args.pairs
    print(f"{args.pairs} pairs: {1000 * wall:.2f} ms wall, {1000 * cpu:.2f} ms CPU per pair")
    if connection.vendor == "postgresql":
        backend_cpu = (backend() - backend_before) / args.pairs
        options = settings.DATABASES["default"].get("OPTIONS", {})
        print(
            f"  PostgreSQL backend CPU {1000 * backend_cpu:.2f} ms per pair"
            f" (server_side_binding={options.get('server_side_binding', False)},"
            f" prepare_threshold={options.get('prepare_threshold')})"
        )
    for label, seconds in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        per_pair = CALLS[label] / args.pairs
        print(f"  {1000 * seconds / args.pairs:7.2f} ms/pair  {label}  ({per_pair:.1f} calls)")
    if profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(
            os.environ.get("PROFILE_SORT", "cumulative")
        ).print_stats(int(os.environ.get("PROFILE_LINES", "50")))
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
