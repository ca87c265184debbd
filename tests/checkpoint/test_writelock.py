"""SQLite writers queue on a lock that wakes them at once (bienphong.writelock)."""

from __future__ import annotations

import threading
import time
from types import SimpleNamespace

from bienphong import writelock


def test_writers_take_turns_and_the_lock_file_sits_beside_the_database(monkeypatch, tmp_path):
    database = tmp_path / "bienphong.sqlite3"
    monkeypatch.setattr(writelock, "_database_name", lambda: str(database))
    monkeypatch.setattr(
        writelock, "connection", SimpleNamespace(vendor="sqlite", in_atomic_block=False)
    )
    monkeypatch.setattr(writelock, "_file", None)
    inside: list[int] = []
    overlaps: list[int] = []

    def write(n: int) -> None:
        with writelock.serialized_write():
            inside.append(n)
            if len(inside) > 1:
                overlaps.append(n)
            time.sleep(0.01)
            inside.remove(n)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == []
    assert (tmp_path / "bienphong.write-lock").exists()


def test_no_lock_inside_a_transaction_or_on_postgresql(monkeypatch):
    for fake in (
        SimpleNamespace(vendor="sqlite", in_atomic_block=True),
        SimpleNamespace(vendor="postgresql", in_atomic_block=False),
    ):
        monkeypatch.setattr(writelock, "connection", fake)
        writelock._thread_lock.acquire()  # would deadlock if the lock were taken
        try:
            with writelock.serialized_write():
                pass
        finally:
            writelock._thread_lock.release()
