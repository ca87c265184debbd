"""Queueing SQLite writers on a lock that wakes them at once.

SQLite allows one writer. A second one waits in SQLite's busy handler, which sleeps in
steps of up to 100 ms and does not wake when the lock is released: under load that turns
a 2 ms write into a 100 ms one. Busy write paths (recording a crossing) therefore take a
process-wide thread lock and an ``flock`` on a file next to the database first; waiters
on those wake the moment the holder finishes. PostgreSQL needs nothing of the kind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db import connection

_thread_lock = threading.Lock()
_file: IO[bytes] | None = None
_file_pid = 0


def _lock_file() -> IO[bytes]:
    # One open file per process, opened after any fork: flock excludes open files, so a
    # descriptor inherited from the parent would not exclude the parent's other children.
    global _file, _file_pid
    if _file is None or _file_pid != os.getpid():
        _file = open(_lock_path(), "ab")  # noqa: SIM115  (kept open for the life of the process)
        _file_pid = os.getpid()
    return _file


def _database_name() -> str:
    return str(settings.DATABASES["default"].get("NAME", ""))


def _lock_path() -> Path:
    return Path(_database_name()).with_suffix(".write-lock")


@contextlib.contextmanager
def serialized_write() -> Iterator[None]:
    """Wrap the outermost write transaction of a hot path (no-op but on SQLite)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    name = _database_name()
    if not name or name == ":memory:" or name.startswith("file:"):
        yield
        return
    with _thread_lock:
        handle = _lock_file()
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
