from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from bienphong.audit.models import AuditEntry
from bienphong.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from bienphong.situation import selectors
from bienphong.situation.models import Incident, IncidentAttachment
from bienphong.situation.services import incidents as services

from .conftest import incident_data

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

pytestmark = pytest.mark.django_db


def test_record_writes_incident_people_vehicles_and_audit(record, users):
    incident = record()
    assert incident.status == "open"
    assert [p.name for p in incident.people.all()] == ["Hoàng Văn Lực"]
    assert incident.vehicles.get().plate  # normalised by the plates engine
    assert AuditEntry.objects.filter(event="situation.incident.create").count() == 1


def test_smuggling_requires_goods_quantity_and_unit(users, tree):
    data = incident_data(tree.post_a, goods="", quantity=None, unit_of_measure="")
    with pytest.raises(ValidationFailed) as error:
        services.incident_create(actor=users["officer_a"], data=data)
    assert {"goods", "quantity", "unit_of_measure"} <= set(error.value.fields)
    assert not Incident.objects.exists()


def test_illegal_crossing_requires_people_and_direction(users, tree):
    data = incident_data(tree.post_a, kind="illegal_crossing", people_count=None, direction="")
    with pytest.raises(ValidationFailed) as error:
        services.incident_create(actor=users["officer_a"], data=data)
    assert {"people_count", "direction"} <= set(error.value.fields)


def test_invalid_plate_names_the_vehicle_and_writes_nothing(users, tree):
    data = incident_data(tree.post_a, vehicles=[services.VehicleIn("NOT A PLATE", "VNM")])
    with pytest.raises(ValidationFailed) as error:
        services.incident_create(actor=users["officer_a"], data=data)
    assert "vehicles.0.plate" in error.value.fields
    assert not Incident.objects.exists()


def test_future_time_and_half_coordinates_are_rejected(users, tree):
    data = incident_data(
        tree.post_a, occurred_at=timezone.now() + dt.timedelta(days=1), latitude=21.5
    )
    with pytest.raises(ValidationFailed) as error:
        services.incident_create(actor=users["officer_a"], data=data)
    assert {"occurred_at", "longitude"} <= set(error.value.fields)


def test_command_is_not_a_recording_unit(users, tree):
    with pytest.raises(ValidationFailed) as error:
        services.incident_create(actor=users["staff"], data=incident_data(tree.command))
    assert "unit" in error.value.fields


def test_post_cannot_record_for_another_post_and_auditor_cannot_write(users, tree):
    with pytest.raises(NotFound):
        services.incident_create(actor=users["officer_a"], data=incident_data(tree.post_b))
    with pytest.raises(PermissionDenied):
        services.incident_create(actor=users["auditor"], data=incident_data(tree.post_a))


def test_scoping_per_role(record, users, tree):
    a = record()
    b = record(unit=tree.post_b, actor=users["officer_b"])
    gate = record(unit=tree.gate_a)
    assert set(selectors.incidents(users["officer_a"])) == {a, gate}
    assert set(selectors.incidents(users["commander_a"])) == {a, gate}
    assert set(selectors.incidents(users["officer_b"])) == {b}
    assert set(selectors.incidents(users["staff"])) == {a, b, gate}
    assert set(selectors.incidents(users["auditor"])) == {a, b, gate}
    with pytest.raises(NotFound):
        selectors.incident_get(actor=users["officer_a"], pk=b.pk)


def test_viewing_an_incident_is_audited(record, users):
    incident = record()
    selectors.incident_view(actor=users["auditor"], pk=incident.pk)
    entry = AuditEntry.objects.get(event="situation.incident.view")
    assert entry.action == "view" and entry.object_id == str(incident.pk)


def test_filters(record, users, tree):
    old = record(occurred_at=timezone.now() - dt.timedelta(days=10), kind="other")
    new = record()
    staff = users["staff"]
    f = selectors.IncidentFilters
    assert list(selectors.incidents(staff, f(kind="other"))) == [old]
    today = timezone.localdate()
    assert new in selectors.incidents(staff, f(date_from=today - dt.timedelta(days=1)))
    assert old not in selectors.incidents(staff, f(date_from=today - dt.timedelta(days=1)))
    assert list(selectors.incidents(staff, f(unit="DBP-B"))) == []


def test_follow_up_moves_status_and_close_is_final(record, users):
    incident = record()
    services.follow_up_add(actor=users["commander_a"], incident=incident, note="Đã xác minh")
    incident.refresh_from_db()
    assert incident.status == "follow_up"
    with pytest.raises(ValidationFailed) as error:
        services.follow_up_add(actor=users["commander_a"], incident=incident, note=" ")
    assert "note" in error.value.fields
    services.incident_close(actor=users["commander_a"], incident=incident, note="Kết thúc")
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None
    assert incident.follow_ups.count() == 2
    with pytest.raises(Conflict):
        services.follow_up_add(actor=users["commander_a"], incident=incident, note="x")
    with pytest.raises(Conflict):
        services.incident_update(
            actor=users["commander_a"], incident=incident, data=incident_data(incident.unit)
        )


def test_attachment_checked_by_content_and_size(record, users, settings):
    incident = record()
    actor = users["officer_a"]
    with pytest.raises(ValidationFailed) as error:
        services.attachment_add(actor=actor, incident=incident, name="a.png", data=b"MZ" * 40)
    assert "file" in error.value.fields
    with pytest.raises(ValidationFailed):
        services.attachment_add(actor=actor, incident=incident, name="a.exe", data=PNG)
    big = b"%PDF-" + b"0" * (10 * 1024 * 1024)
    with pytest.raises(ValidationFailed):
        services.attachment_add(actor=actor, incident=incident, name="big.pdf", data=big)
    ok = services.attachment_add(
        actor=actor, incident=incident, name="../../ảnh hiện trường.png", data=PNG
    )
    stored = ok.file.name
    assert stored.startswith("situation/") and "hiện" not in stored and ".." not in stored
    with ok.file.open("rb") as handle:
        assert handle.read() == PNG
    assert ok.file.path.startswith(str(settings.MEDIA_ROOT))
    assert IncidentAttachment.objects.count() == 1


def test_update_replaces_people_and_is_audited(record, users, tree):
    incident = record()
    data = incident_data(tree.gate_a, title="Thu giữ hàng lậu (bổ sung)", people=[], vehicles=[])
    services.incident_update(actor=users["commander_a"], incident=incident, data=data)
    incident.refresh_from_db()
    assert incident.title.endswith("(bổ sung)") and incident.unit == tree.gate_a
    assert not incident.people.exists() and not incident.vehicles.exists()
    entry = AuditEntry.objects.get(event="situation.incident.update")
    assert entry.before["title"] == "Thu giữ hàng lậu"
    with pytest.raises(NotFound):  # moving it to another post's unit
        services.incident_update(
            actor=users["commander_a"], incident=incident, data=incident_data(tree.post_b)
        )
