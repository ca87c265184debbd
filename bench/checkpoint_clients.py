"""The load clients of `bench/checkpoint_load.py` and the CPU accounting of a run.

Kept apart from the driver so each file stays readable; `bench/checkpoint_profile.py`
uses ``passport`` too.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any


def passport(i: int) -> str:
    from bienphong.documents.specimens import passport_mrz

    rng = random.Random(i)
    surname = rng.choice(["PARK", "KIM", "LEE", "SATO", "SMITH", "MUELLER", "IVANOV"])
    given = rng.choice(["JIHOON", "MINSU", "ANNA", "PETER", "OLGA", "TARO"])
    nationality = rng.choice(["KOR", "JPN", "DEU", "GBR", "RUS", "FRA"])
    return passport_mrz(
        surname=surname,
        given_names=given,
        number=f"L{i:08d}",
        nationality=nationality,
        birth=f"{rng.randint(50, 99)}0{rng.randint(1, 9)}15",
        sex="M",
        expiry="301231",
    )


class Client(threading.Thread):
    """One officer's terminal: check, then record with an Idempotency-Key, in a loop.

    Everything that does not depend on the server's answer (the MRZ, the JSON bodies, the
    headers) is prepared before the clock starts: the client shares the two cores with the
    server, and every millisecond it spends is one the server does not get.
    """

    def __init__(
        self,
        number: int,
        port: int,
        token: str,
        stop_at: float,
        retry_rate: float,
        prefix: str = "load-",
        prepared: int = 0,
    ):
        super().__init__(daemon=True)
        self.number, self.port, self.token = number, port, token
        self.stop_at, self.retry_rate = stop_at, retry_rate
        self.latencies: list[float] = []
        self.keys: set[str] = set()
        self.errors: list[str] = []
        self.prefix = prefix
        common = (
            f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
            "Content-Type: application/json\r\n"
        )
        self.heads = {
            path: f"POST {path} HTTP/1.1\r\n{common}".encode()
            for path in ("/api/v1/checkpoint/checks", "/api/v1/crossings")
        }
        self.sock: socket.socket | None = None
        self.bodies: list[tuple[str, bytes, bytes]] = []
        self.prepare(prepared)

    def body(self, i: int) -> tuple[str, bytes, bytes]:
        """(key, check body, record body without its token and closing brace)."""
        serial = self.number * 10_000_000 + i
        check = {
            "gate": "CK-BL1",
            "lane": str(self.number % 8 + 1),
            "direction": "entry",
            "mrz": passport(serial),
        }
        record = json.dumps({**check, "purpose": "tourism"})[:-1]
        return f"{self.prefix}{serial}", json.dumps(check).encode(), record.encode()

    def prepare(self, count: int) -> None:
        self.bodies = [self.body(i) for i in range(1, count + 1)]

    def post(self, path: str, body: bytes, key: str = "") -> tuple[int, bytes]:
        """One HTTP/1.1 exchange on a raw socket, kept open while the server allows it
        (gunicorn's sync workers close after each answer). http.client parsed every
        answer's headers with the email package: several times this client's other work."""
        request = b"".join(
            (
                self.heads[path],
                b"Idempotency-Key: " + key.encode() + b"\r\n" if key else b"",
                b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n",
                body,
            )
        )
        reused = self.sock is not None
        sock = self.sock or socket.create_connection(("127.0.0.1", self.port), timeout=30)
        self.sock = None
        buffer = b""
        try:
            sock.sendall(request)
            buffer = sock.recv(65536)
            while b"\r\n\r\n" not in buffer:
                chunk = sock.recv(65536)
                if not chunk:
                    raise ConnectionError("connection closed mid-answer")
                buffer += chunk
        except OSError:
            sock.close()
            if reused and not buffer:  # the server had closed the kept socket: reconnect
                return self.post(path, body, key)
            raise
        head, _, rest = buffer.partition(b"\r\n\r\n")
        lower = head.lower()
        start = lower.find(b"content-length:")
        length = int(lower[start + 15 : lower.find(b"\r\n", start)]) if start >= 0 else -1
        while length < 0 or len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
        if b"connection: close" in lower or length < 0:
            sock.close()
        else:
            self.sock = sock
        return int(head[9:12]), rest if length < 0 else rest[:length]

    def run(self) -> None:
        i = 0
        rng = random.Random(self.number)
        while time.time() < self.stop_at:
            i += 1
            key, check, record_head = self.bodies[i - 1] if i <= len(self.bodies) else self.body(i)
            started = time.perf_counter()
            try:
                status, raw = self.post("/api/v1/checkpoint/checks", check)
                result = json.loads(raw or b"{}")
                if result.get("can_admit"):
                    tail = b', "decision": "admitted"'
                else:
                    tail = b', "decision": "referred", "reason_code": "document_doubt"'
                token = json.dumps(result.get("check_token", "")).encode()
                record = record_head + tail + b', "check_token": ' + token + b"}"
                status, _ = self.post("/api/v1/crossings", record, key)
                if rng.random() < self.retry_rate:  # a client that did not see the answer
                    status2, _ = self.post("/api/v1/crossings", record, key)
                    if status2 != 200:
                        self.errors.append(f"retry {status2}")
            except (OSError, ValueError) as error:
                self.errors.append(repr(error))
                continue
            self.latencies.append(time.perf_counter() - started)
            if status in (200, 201):
                self.keys.add(key)
            else:
                self.errors.append(f"record {status}")
        if self.sock is not None:
            self.sock.close()


def client_process(
    numbers: list[int],
    port: int,
    token: str,
    seconds: int,
    retry_rate: float,
    prefix: str,
    prepared: int,
    start: Any,
    out: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    """Several clients (threads) in one process: the load generator shares the server's two
    cores, so it runs in a few processes rather than one GIL-bound one. The payloads are
    prepared first; then the process reports ready and waits for the common start time."""
    sys.setswitchinterval(0.0005)  # a thread with an answer waiting gets the GIL promptly
    clients = [Client(n, port, token, 0.0, retry_rate, prefix, prepared) for n in numbers]
    out.put("ready")
    go, start_at = start
    go.wait()
    time.sleep(max(0.0, start_at.value - time.time()))
    for client in clients:
        client.stop_at = start_at.value + seconds
    cpu_before = os.times()
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    cpu_after = os.times()
    out.put(
        (
            [lat for c in clients for lat in c.latencies],
            set().union(*(c.keys for c in clients)),
            [e for c in clients for e in c.errors],
            (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system),
        )
    )


def _proc_stats() -> list[tuple[int, int, int, float, float]]:
    """(pid, parent, process group, own CPU seconds, reaped children's CPU seconds) of
    every process, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        fields = raw[raw.rindex(")") + 2 :].split()
        out.append(
            (
                int(entry.name),
                int(fields[1]),
                int(fields[2]),
                (int(fields[11]) + int(fields[12])) / tick,
                (int(fields[13]) + int(fields[14])) / tick,
            )
        )
    return out


def postmaster_pid(database_url: str) -> int:
    """The PostgreSQL server process listening on the URL's port (0 if not on this host)."""
    from urllib.parse import urlparse

    port = str(urlparse(database_url).port or 5432)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        postgres = bool(argv) and argv[0].endswith(b"postgres") and b"-p" in argv
        if postgres and argv[argv.index(b"-p") + 1 : argv.index(b"-p") + 2] == [port.encode()]:
            return int(entry.name)
    return 0


def server_cpu_seconds(server_group: int, postmaster: int) -> tuple[float, float]:
    """CPU seconds used so far by the web server's processes (gunicorn master and workers)
    and by the database server's (postmaster and its children; 0 for SQLite).

    A process that exits during the run takes its CPU with it: PostgreSQL backends do
    (a worker's connection is closed and reopened when it reaches CONN_MAX_AGE), which is
    why summing the live processes once read almost nothing. The kernel adds a reaped
    child's CPU to its parent's "children" counters, so the parent's are counted too."""
    web = database = 0.0
    for pid, parent, group, cpu, reaped in _proc_stats():
        if group == server_group:
            web += cpu + (reaped if pid == server_group else 0.0)
        elif postmaster and pid == postmaster:
            database += cpu + reaped
        elif postmaster and parent == postmaster:
            database += cpu
    return web, database


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores), from /proc/stat."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    ticks = [int(v) for v in fields]
    idle = ticks[3] + ticks[4]  # idle + iowait
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")
