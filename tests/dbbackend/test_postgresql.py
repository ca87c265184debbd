"""The PostgreSQL backend keeps every statement under the protocol's parameter limit."""

from __future__ import annotations

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from bienphong.checkpoint.models import ListItem
from bienphong.dbbackend.postgresql.base import MAX_PARAMETERS

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's server-side binding"
)


@on_postgresql
def test_the_project_uses_its_backend_with_server_side_binding():
    assert connection.features.uses_server_side_binding
    assert type(connections["default"]).__module__ == "bienphong.dbbackend.postgresql.base"


@on_postgresql
def test_batches_stay_under_the_parameter_limit():
    fields = [f for f in ListItem._meta.concrete_fields if not f.primary_key]
    per_statement = MAX_PARAMETERS // len(fields)
    assert connection.ops.bulk_batch_size(fields, range(10**6)) == per_statement
    assert connection.ops.bulk_batch_size(fields, range(10)) == 10


@on_postgresql
def test_an_unbatched_bulk_create_past_the_limit_succeeds():
    """Without the cap this one statement would carry more than 65,535 parameters."""
    fields = [f for f in ListItem._meta.concrete_fields if not f.primary_key]
    count = MAX_PARAMETERS // len(fields) + 100
    with CaptureQueriesContext(connection) as queries:
        ListItem.objects.bulk_create(
            ListItem(kind="purpose", code=f"bulk-{i}", label_vi=f"{i}", label_en=f"{i}")
            for i in range(count)
        )
    inserts = [q for q in queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 2
    assert ListItem.objects.filter(code__startswith="bulk-").count() == count
