"""The audit chain detects altered, deleted and truncated entries."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db


def append(n):
    for i in range(n):
        with transaction.atomic():
            audit.record(
                actor=None,
                action=AuditAction.OTHER,
                event="test.event",
                object_type="test",
                object_id=str(i),
                after={"i": i, "name": "Đặng"},
            )


def raw(sql, params=()):
    """Change rows behind the application's back, as an attacker with database access would."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Django's foreign keys are deferred; ALTER TABLE needs them checked first.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")


def test_intact_chain_verifies():
    append(5)
    report = audit.verify_chain()
    assert report.ok and report.checked == 5


def test_altered_entry_is_the_first_broken_link():
    append(5)
    target = AuditEntry.objects.order_by("id")[2]
    raw("UPDATE audit_auditentry SET object_repr = %s WHERE id = %s", ["forged", target.pk])
    report = audit.verify_chain()
    assert not report.ok
    assert report.broken_entry_id == target.pk
    assert report.reason == "entry content altered"


def test_altered_json_after_is_detected():
    append(3)
    target = AuditEntry.objects.order_by("id")[0]
    raw("UPDATE audit_auditentry SET after = %s WHERE id = %s", ['{"i": 99}', target.pk])
    assert audit.verify_chain().broken_entry_id == target.pk


def test_deleted_entry_breaks_the_next_link():
    append(5)
    rows = list(AuditEntry.objects.order_by("id"))
    raw("DELETE FROM audit_auditentry WHERE id = %s", [rows[1].pk])
    report = audit.verify_chain()
    assert not report.ok
    assert report.broken_entry_id == rows[2].pk
    assert report.reason == "previous entry missing or altered"


def test_removed_newest_entries_are_detected():
    append(4)
    last = AuditEntry.objects.order_by("-id").first()
    raw("DELETE FROM audit_auditentry WHERE id = %s", [last.pk])
    report = audit.verify_chain()
    assert not report.ok and report.reason == "newest entries removed"


def test_entries_refuse_update_and_delete_through_the_orm():
    append(1)
    entry = AuditEntry.objects.get()
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigger exists on PostgreSQL")
def test_postgres_trigger_refuses_raw_update():
    from django.db import DatabaseError

    append(1)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE audit_auditentry SET event = 'x'")


def test_verify_command_reports_first_broken_link():
    append(3)
    call_command("audit", "verify")
    target = AuditEntry.objects.order_by("id")[1]
    raw("UPDATE audit_auditentry SET actor_username = %s WHERE id = %s", ["x", target.pk])
    with pytest.raises(CommandError, match=f"#{target.pk}"):
        call_command("audit", "verify")
