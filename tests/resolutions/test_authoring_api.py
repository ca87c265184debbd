"""Creating and editing through /api/v1/resolutions/: resolutions, areas, targets,
documents with attachments and downloads, milestones and emulation movements."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienphong.audit.models import AuditEntry
from bienphong.resolutions import services
from bienphong.resolutions.models import Resolution

pytestmark = pytest.mark.django_db
BASE = "/api/v1/resolutions"
PDF = b"%PDF-1.4\nevidence"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post(client, url, payload):
    return client.post(url, payload, content_type="application/json")


def patch(client, url, payload):
    return client.patch(url, payload, content_type="application/json")


def test_command_staff_create_and_edit_a_resolution_with_areas_and_targets(tree, users):
    staff = client_for(users["staff"])
    created = post(
        staff,
        f"{BASE}/",
        {
            "code": "NQ-19",
            "title": "Nghị quyết Đại hội XIX",
            "issuing_body": "Đảng bộ BĐBP tỉnh",
            "unit": "QN",
            "term_start": 2025,
            "term_end": 2030,
            "issued_on": "2025-09-01",
        },
    )
    assert created.status_code == 201, created.content
    rid = created.json()["id"]
    edited = patch(staff, f"{BASE}/{rid}", {"issuing_body": "Ban Thường vụ Đảng ủy"})
    assert edited.status_code == 200 and edited.json()["issuing_body"] == "Ban Thường vụ Đảng ủy"
    area = post(
        staff, f"{BASE}/{rid}/areas", {"kind": "breakthrough", "code": "ĐP1", "title": "Tổ chức"}
    )
    assert area.status_code == 201
    assert patch(staff, f"{BASE}/areas/{area.json()['id']}", {"weight": 2}).json()["weight"] == 2
    target = post(
        staff,
        f"{BASE}/{rid}/targets",
        {
            "code": "CT1",
            "title": "Đúng hạn",
            "measure_unit": "%",
            "baseline": 60,
            "target_value": 95,
            "direction": "at_least",
            "deadline": "2030-12-31",
            "area": area.json()["id"],
            "indicator": "resolutions.tasks_done_on_time",
        },
    )
    assert target.status_code == 201, target.content
    tid = target.json()["id"]
    moved = patch(staff, f"{BASE}/targets/{tid}", {"direction": "at_most", "target_value": 5})
    assert moved.status_code == 200 and moved.json()["direction"] == "at_most"
    events = set(AuditEntry.objects.values_list("event", flat=True))
    assert {"resolutions.resolution.update", "resolutions.target.update"} <= events
    assert [a["code"] for a in staff.get(f"{BASE}/{rid}/areas").json()] == ["ĐP1"]


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"direction": "sideways"}, 400, "direction"),
        ({"indicator": "no.such"}, 400, "indicator"),
        ({"baseline": "lots"}, 422, "baseline"),
        ({"area": 999999}, 400, "area"),
    ],
)
def test_bad_target_edits_have_the_error_shape(plan, users, payload, status, field):
    response = patch(client_for(users["staff"]), f"{BASE}/targets/{plan.target.pk}", payload)
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]
    assert error["message"]


def test_post_commanders_cannot_create_resolution_level_things(plan, users):
    commander = client_for(users["commander_a"])
    response = post(
        commander,
        f"{BASE}/{plan.resolution.pk}/areas",
        {"kind": "objective", "code": "MT", "title": "Mục tiêu"},
    )
    assert response.status_code in (403, 404)
    assert response.json()["error"]["code"] in ("permission_denied", "not_found")
    bad_term = post(
        client_for(users["staff"]),
        f"{BASE}/",
        {
            "code": "X",
            "title": "X",
            "issuing_body": "X",
            "unit": "QN",
            "term_start": 2030,
            "term_end": 2020,
            "issued_on": "2025-01-01",
        },
    )
    assert bad_term.status_code == 400 and bad_term.json()["error"]["fields"]
    assert not Resolution.objects.filter(code="X").exists()


def test_documents_attachments_and_scoped_audited_downloads(plan, users):
    commander = client_for(users["commander_a"])
    doc = post(
        commander,
        f"{BASE}/{plan.resolution.pk}/documents",
        {
            "unit": "DBP-A",
            "kind": "action_program",
            "number": "12/CTr-ĐBP",
            "issued_on": "2025-03-01",
            "signer": "Đồn trưởng",
            "title": "Chương trình hành động của Đồn A",
        },
    )
    assert doc.status_code == 201, doc.content
    did = doc.json()["id"]
    assert (
        patch(commander, f"{BASE}/documents/{did}", {"signer": "Chính trị viên"}).json()["signer"]
        == "Chính trị viên"
    )
    url = f"{BASE}/documents/{did}/attachments"
    bad = commander.post(url, {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 400 and "file" in bad.json()["error"]["fields"]
    good = commander.post(url, {"file": SimpleUploadedFile("ctr.pdf", PDF)})
    assert good.status_code == 201
    aid = good.json()["id"]

    download = client_for(users["staff"]).get(f"{BASE}/attachments/{aid}/download")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    assert AuditEntry.objects.filter(event="resolutions.attachment.view").count() == 1
    # post B cannot see post A's document
    assert (
        client_for(users["officer_b"]).get(f"{BASE}/attachments/{aid}/download").status_code == 404
    )
    assert client_for(users["officer_b"]).get(f"{BASE}/{plan.resolution.pk}/documents").json() == []
    # the web download view behaves the same
    web = client_for(users["officer_a"]).get(f"/resolutions/attachments/{aid}/download/")
    assert web.status_code == 200 and web["Content-Disposition"].startswith("attachment")
    assert (
        client_for(users["officer_b"]).get(f"/resolutions/attachments/{aid}/download/").status_code
        == 404
    )


def test_proposal_attachments(tree, users):
    commander = users["commander_a"]
    proposal = services.proposal_create(
        actor=commander,
        proposing_unit=tree.post_a,
        nominee_unit=tree.post_a,
        form="Giấy khen",
        level="Bộ Chỉ huy",
        year=2025,
        reason="Hoàn thành xuất sắc",
    )
    url = f"{BASE}/proposals/{proposal.pk}/attachments"
    ok = client_for(commander).post(url, {"file": SimpleUploadedFile("bb.pdf", PDF)})
    assert ok.status_code == 201
    denied = client_for(users["auditor"]).post(url, {"file": SimpleUploadedFile("bb.pdf", PDF)})
    assert denied.status_code == 403


def test_milestones_are_added_edited_and_closed(plan, users):
    commander = client_for(users["commander_a"])
    added = post(
        commander,
        f"{BASE}/tasks/{plan.task_post.pk}/milestones",
        {"title": "Dự thảo", "due": "2025-07-01"},
    )
    assert added.status_code == 201
    mid = added.json()["id"]
    assert (
        patch(commander, f"{BASE}/milestones/{mid}", {"due": "2025-07-15"}).json()["due"]
        == "2025-07-15"
    )
    done = post(commander, f"{BASE}/milestones/{mid}/done", {"done_on": "2025-07-10"})
    assert done.status_code == 200 and done.json()["done_on"] == "2025-07-10"
    bad = post(commander, f"{BASE}/milestones/{mid}/done", {})
    assert bad.status_code == 422 and "done_on" in bad.json()["error"]["fields"]
    hidden = post(
        client_for(users["officer_b"]), f"{BASE}/milestones/{mid}/done", {"done_on": "2025-07-10"}
    )
    assert hidden.status_code == 404


def test_movements_criteria_and_registrations(tree, users):
    staff = client_for(users["staff"])
    movement = post(
        staff,
        f"{BASE}/movements",
        {"unit": "QN", "title": "Quyết thắng", "start": "2025-01-01", "end": "2025-12-31"},
    )
    assert movement.status_code == 201
    mid = movement.json()["id"]
    crit = post(
        staff,
        f"{BASE}/movements/{mid}/criteria",
        {"code": "TC1", "name": "Hoàn thành", "kind": "points", "max_points": 50},
    )
    assert crit.status_code == 201
    bad = post(
        staff,
        f"{BASE}/movements/{mid}/criteria",
        {"code": "TC2", "name": "Âm", "kind": "penalty", "max_points": 0},
    )
    assert bad.status_code == 400 and bad.json()["error"]["fields"]
    reg = post(
        client_for(users["commander_a"]), f"{BASE}/movements/{mid}/registrations", {"unit": "DBP-A"}
    )
    assert reg.status_code == 201 and reg.json()["unit"] == "DBP-A"
    outside = post(
        client_for(users["commander_a"]), f"{BASE}/movements/{mid}/registrations", {"unit": "DBP-B"}
    )
    assert outside.status_code == 400 and "unit" in outside.json()["error"]["fields"]


def test_edit_services_are_audited_and_authorised(plan, users):
    from bienphong.errors import NotFound, PermissionDenied

    services.resolution_update(actor=users["staff"], resolution=plan.resolution, title="Mới")
    assert AuditEntry.objects.filter(event="resolutions.resolution.update").exists()
    with pytest.raises((PermissionDenied, NotFound)):
        services.area_update(actor=users["commander_a"], area=plan.b1, title="Khác")
    milestone = plan.task_post.milestones.get()
    services.milestone_update(actor=users["commander_a"], milestone=milestone, due=date(2025, 9, 1))
    milestone.refresh_from_db()
    assert milestone.due == date(2025, 9, 1)
