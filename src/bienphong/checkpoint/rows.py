"""Hot-path reads and inserts without the ORM's query compilation.

Compiling a queryset costs 0.4-0.6 ms of CPU; running the same indexed lookup costs
0.02 ms. A check + record pair makes about seven such lookups, so the few that run on
every traveller are written here as fixed SQL over one table. Rows become model instances
through the same value converters the ORM applies (dates on SQLite, JSON, booleans), so
callers cannot tell the difference. Inserts go the other way through the same per-field
preparation the ORM applies on save (``pre_save`` for auto_now fields, JSON, dates); they
send no ``pre_save``/``post_save`` signals, so they are used only for models nothing
listens to (the checkpoint's traveller, document, stay and crossing rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db import connection, models

M = TypeVar("M", bound=models.Model)

Converter = Callable[[Any, Any, Any], Any]


class Rows(Generic[M]):
    """``SELECT <every concrete column> FROM <model's table> WHERE <where> ...``."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        self._prepared: dict[str, tuple[str, list[str], list[tuple[Any, list[Converter]]]]] = {}
        self._inserts: dict[str, tuple[str, list[models.Field[Any, Any]], bool]] = {}
        self._joins: dict[str, tuple[str, int, int]] = {}  # sql, split, parent pk at

    def _prepare(self) -> tuple[str, list[str], list[tuple[Any, list[Converter]]]]:
        found = self._prepared.get(connection.vendor)
        if found is None:
            meta = self.model._meta
            quote = connection.ops.quote_name
            fields = list(meta.concrete_fields)
            columns = ", ".join(quote(str(f.column)) for f in fields)
            converters = []
            for field in fields:
                column = field.get_col(str(meta.db_table))
                converters.append(
                    (
                        column,
                        list(connection.ops.get_db_converters(column))
                        + list(column.get_db_converters(connection)),
                    )
                )
            found = (
                f"SELECT {columns} FROM {quote(meta.db_table)}",  # noqa: S608 (names from the model)
                [f.attname for f in fields],
                converters,
            )
            self._prepared[connection.vendor] = found
        return found

    def fetch(
        self,
        where: str,
        params: Sequence[Any],
        *,
        order_by: str = "",
        limit: int = 0,
        lock: bool = False,
    ) -> list[M]:
        """``where`` and ``order_by`` are fixed SQL written by the caller; values go
        in ``params`` only. ``lock`` is ``select_for_update()``: the rows stay locked
        until the transaction ends (where the database has row locks; SQLite locks the
        whole database for a write transaction anyway)."""
        select = self._prepare()[0]
        sql = f"{select} WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        if lock and connection.features.has_select_for_update:
            sql += " FOR UPDATE"
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            rows = cursor.fetchall()
        return [self._build(list(row)) for row in rows]

    def first(
        self, where: str, params: Sequence[Any], *, order_by: str = "", lock: bool = False
    ) -> M | None:
        found = self.fetch(where, params, order_by=order_by, limit=1, lock=lock)
        return found[0] if found else None

    def _build(self, values: list[Any]) -> M:
        _select, names, converters = self._prepare()
        for i, (expression, funcs) in enumerate(converters):
            for func in funcs:
                values[i] = func(values[i], expression, connection)
        return self.model.from_db(connection.alias, names, values)

    def first_with(
        self, parent: Rows[Any], link: str, where: str, params: Sequence[Any]
    ) -> tuple[M, Any] | None:
        """The first row and the ``parent`` row its foreign key ``link`` points at (None
        if null), in one query (``select_related`` without compiling one). ``where``
        names this table's columns as ``a.<column>``; the parent is cached on the row."""
        key = f"{connection.vendor}:{parent.model._meta.label}:{link}:{where}"
        found = self._joins.get(key)
        if found is None:
            quote = connection.ops.quote_name
            parent_meta = parent.model._meta
            column = str(self.model._meta.get_field(link).column)  # type: ignore[union-attr]
            sql = (
                f"SELECT {', '.join('a.' + quote(n) for n in self._columns())},"  # noqa: S608
                f" {', '.join('b.' + quote(n) for n in parent._columns())}"
                f" FROM {quote(self.model._meta.db_table)} a"
                f" LEFT JOIN {quote(parent_meta.db_table)} b"
                f" ON b.{quote(str(parent_meta.pk.column))} = a.{quote(column)}"
                f" WHERE {where} LIMIT 1"
            )
            found = self._joins[key] = (sql, len(self._columns()), parent._pk_index())
        sql, split, parent_pk = found
        with connection.cursor() as cursor:
            cursor.execute(sql, list(params))
            row = cursor.fetchone()
        if row is None:
            return None
        obj = self._build(list(row[:split]))
        related = None
        if row[split + parent_pk] is not None:  # a parent row was joined
            related = parent._build(list(row[split:]))
            setattr(obj, link, related)
        return obj, related

    def _columns(self) -> list[str]:
        return [str(f.column) for f in self.model._meta.concrete_fields]

    def _pk_index(self) -> int:
        return [f.primary_key for f in self.model._meta.concrete_fields].index(True)

    def _insert_sql(self) -> tuple[str, list[models.Field[Any, Any]], bool]:
        key = f"insert:{connection.vendor}"
        found = self._inserts.get(key)
        if found is None:
            meta = self.model._meta
            quote = connection.ops.quote_name
            fields = [f for f in meta.concrete_fields if f is not meta.auto_field]
            returning = bool(connection.features.can_return_columns_from_insert)
            sql = (
                f"INSERT INTO {quote(meta.db_table)}"  # noqa: S608 (names from the model)
                f" ({', '.join(quote(str(f.column)) for f in fields)})"
                f" VALUES ({', '.join(['%s'] * len(fields))})"
            )
            if returning:
                sql += f" RETURNING {quote(str(meta.pk.column))}"
            found = (sql, fields, returning)
            self._inserts[key] = found
        return found

    def insert(self, obj: M) -> M:
        """``obj.save()`` for a new row in one fixed statement: the pk is set on ``obj``."""
        sql, fields, returning = self._insert_sql()
        params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            pk = cursor.fetchone()[0] if returning else cursor.lastrowid
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias
        return obj


Step = tuple["Rows[Any]", models.Model, dict[str, int]]


def insert_linked(steps: Sequence[Step]) -> None:
    """Insert new rows that point at each other, in order: each step is (rows, object,
    links), links naming foreign keys (``"traveller"``) that get the object of an earlier
    step (by index) once it has its key. On PostgreSQL this is one statement of chained
    data-modifying CTEs (one round trip instead of one per row); elsewhere one insert each.
    Sets every object's key and its link attributes."""
    if connection.vendor != "postgresql":
        for rows, obj, links in steps:
            for name, index in links.items():
                setattr(obj, name, steps[index][1])
            rows.insert(obj)
        return
    quote = connection.ops.quote_name
    parts: list[str] = []
    params: list[Any] = []
    for number, (rows, obj, links) in enumerate(steps):
        _sql, fields, _returning = rows._insert_sql()
        meta = rows.model._meta
        pk = quote(str(meta.pk.column))
        values = []
        for field in fields:
            if field.name in links:
                # A scalar subquery keeps VALUES' typing: literals take the column's type.
                values.append(f"(SELECT id FROM step{links[field.name]})")  # noqa: S608
            else:
                values.append("%s")
                params.append(field.get_db_prep_save(field.pre_save(obj, True), connection))
        parts.append(
            f"step{number} AS (INSERT INTO {quote(meta.db_table)}"  # noqa: S608
            f" ({', '.join(quote(str(f.column)) for f in fields)})"
            f" VALUES ({', '.join(values)}) RETURNING {pk} AS id)"
        )
    names = [f"step{n}" for n in range(len(steps))]
    sql = (
        f"WITH {', '.join(parts)} SELECT {', '.join(f'{n}.id' for n in names)}"  # noqa: S608
        f" FROM {', '.join(names)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        keys = cursor.fetchone()
    for (_rows, obj, _links), pk_value in zip(steps, keys, strict=True):
        obj.pk = pk_value
        obj._state.adding = False
        obj._state.db = connection.alias
    for _rows, obj, links in steps:
        for name, index in links.items():
            setattr(obj, name, steps[index][1])  # the key and the cached object


def values(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Plain rows for fixed SQL whose columns need no conversion (ids, text)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return list(cursor.fetchall())
