"""Bulk loading for the demo generator: millions of rows in one transaction, fast.

Inside ``bulk_load(table)`` the table's secondary (non-unique) indexes are dropped and
rebuilt once at the end, because keeping seven B-trees sorted row by row costs more
than the inserts themselves; on PostgreSQL its foreign keys are dropped too and
re-added (one validating join each, instead of a trigger per row and key). Everything
runs in the caller's transaction, so a failure leaves the schema and the data as they
were. Connection settings for the load (SQLite page cache, PostgreSQL sort memory) are
set for the load only and put back afterwards.

Rows are written with ``executemany`` (SQLite) or text ``COPY`` (PostgreSQL).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection

# SQLite page cache during the load (negative = KiB): the index rebuild sorts in it.
SQLITE_CACHE_KIB = 512 * 1024
PG_MAINTENANCE_MEM = "512MB"


def _sqlite_indexes(cursor: Any, table: str) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
        "AND sql IS NOT NULL",
        [table],
    )
    # Unique indexes stay: dropping them would let duplicates in until the rebuild fails.
    return [(name, sql) for name, sql in cursor.fetchall() if "UNIQUE" not in sql.upper()[:20]]


def _pg_indexes(cursor: Any, table: str) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid "
        "WHERE x.indrelid = %s::regclass AND NOT x.indisunique AND NOT x.indisprimary",
        [table],
    )
    return list(cursor.fetchall())


def _pg_foreign_keys(cursor: Any, table: str) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    )
    return list(cursor.fetchall())


@contextmanager
def bulk_load(table: str, *, drop_indexes: bool = True) -> Iterator[None]:
    """Load into ``table`` inside the current transaction (the caller's ``atomic``)."""
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_load must run inside transaction.atomic()")
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            indexes = _pg_indexes(cursor, table) if drop_indexes else []
            foreign = _pg_foreign_keys(cursor, table) if drop_indexes else []
            cursor.execute(f"SET LOCAL maintenance_work_mem = '{PG_MAINTENANCE_MEM}'")
            cursor.execute("SET LOCAL synchronous_commit = off")
            if foreign:
                # Rows inserted earlier in the transaction have their (deferred) checks
                # queued, and ALTER TABLE refuses to run with checks pending: run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for name, _definition in foreign:
                    cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default again
        else:
            indexes = _sqlite_indexes(cursor, table) if drop_indexes else []
            foreign = []
            cursor.execute("PRAGMA cache_size")
            cache = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
    # On error the exception leaves here and the caller's transaction rolls back the
    # drops: rebuilding first would be wasted work (or fail in an aborted transaction).
    yield
    with connection.cursor() as cursor:
        for _name, sql in indexes:
            cursor.execute(sql)
        for name, definition in foreign:
            cursor.execute(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {quote(table)}")
        else:
            cursor.execute(f"PRAGMA cache_size = {int(cache)}")


def write(
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    constants: Sequence[Any] = (),
) -> None:
    """Insert ``rows`` (tuples of Python values in ``columns`` order); ``constants``, the
    same for every row, fill the last columns (on SQLite as literals in the statement:
    fewer parameters to bind per row)."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tail = tuple(constants)
            buffer = io.StringIO()
            buffer.writelines("\t".join(map(_copy_text, (*row, *tail))) + "\n" for row in rows)
            with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                copy.write(buffer.getvalue())
        else:
            marks = ["%s"] * (len(columns) - len(constants))
            marks += [_sqlite_literal(value) for value in constants]
            sql = f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(marks)})"  # noqa: S608
            cursor.executemany(sql, rows)


def _sqlite_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int):
        return str(int(value))
    # Doubled quotes; and no "%" left for the parameter formatting to trip on.
    return "'" + str(value).replace("'", "''").replace("%", "%%") + "'"


def _copy_text(value: Any) -> str:
    if value is None:
        return r"\N"
    if value is True or value is False:
        return "t" if value else "f"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return text


def copy_lines(table: str, columns: Sequence[str], lines: Iterable[str]) -> None:
    """PostgreSQL only: ``COPY`` already formatted text lines (tab-separated, escaped,
    each ending in a newline) into ``table``."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    sql = f"COPY {quote(table)} ({names}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        copy.write("".join(lines))
