"""Django's PostgreSQL backend, safe for server-side parameter binding.

With server-side binding (``OPTIONS["server_side_binding"]``, which the project turns on
for prepared statements) every value travels as a protocol parameter, and a statement
takes at most 65,535 of them. Django's PostgreSQL backend does not cap ``bulk_create`` /
``bulk_update`` / deletion batches (with client-side binding the values are inlined in
the SQL and there is no such limit), so a large unbatched ``bulk_create`` — a cruise
ship's passenger list of a few thousand people — would fail. Here the batches are capped
so that no statement passes the limit.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.postgresql import base, operations

MAX_PARAMETERS = 65_535  # the protocol's Int16 parameter count


class DatabaseOperations(operations.DatabaseOperations):
    def bulk_batch_size(self, fields: Any, objs: Any) -> int:
        size = int(super().bulk_batch_size(fields, objs))
        if self.connection.features.uses_server_side_binding and fields:
            size = min(size, MAX_PARAMETERS // len(fields))
        return max(size, 1)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
