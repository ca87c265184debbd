"""The authoring screens: forms call the services and show field errors inline."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienphong.resolutions.models import Area, Document, Milestone, Program, Resolution, Task

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_staff_create_a_resolution_and_add_an_area_and_a_target(tree, users):
    staff = client_for(users["staff"])
    response = staff.post(
        "/resolutions/new/",
        {
            "code": "NQ-19",
            "title": "Nghị quyết XIX",
            "issuing_body": "Đảng bộ",
            "term_start": 2025,
            "term_end": 2030,
            "issued_on": "2025-09-01",
        },
    )
    resolution = Resolution.objects.get(code="NQ-19")
    assert response.status_code == 302 and response.url == f"/resolutions/{resolution.pk}/manage/"
    url = response.url
    staff.post(
        url,
        {
            "form": "area",
            "a-kind": "breakthrough",
            "a-code": "ĐP1",
            "a-title": "X",
            "a-weight": 1,
            "a-order": 0,
        },
    )
    area = Area.objects.get(resolution=resolution)
    bad = staff.post(
        url,
        {
            "form": "target",
            "t-code": "CT1",
            "t-title": "Y",
            "t-area": area.pk,
            "t-measure_unit": "%",
            "t-baseline": "abc",
            "t-target_value": 90,
            "t-direction": "at_least",
            "t-deadline": "2030-12-31",
        },
    )
    assert bad.status_code == 200
    assert 'data-testid="error-t-baseline"' in bad.content.decode()
    ok = staff.post(
        url,
        {
            "form": "target",
            "t-code": "CT1",
            "t-title": "Y",
            "t-area": area.pk,
            "t-measure_unit": "%",
            "t-baseline": 50,
            "t-target_value": 90,
            "t-direction": "at_least",
            "t-deadline": "2030-12-31",
        },
    )
    assert ok.status_code == 302 and resolution.targets.count() == 1
    edit = staff.post(
        f"/resolutions/areas/{area.pk}/edit/",
        {"kind": "objective", "code": "MT1", "title": "Mục tiêu", "weight": 2, "order": 0},
    )
    assert edit.status_code == 302
    area.refresh_from_db()
    assert area.code == "MT1"


def test_post_commander_cannot_open_the_new_resolution_form(plan, users):
    assert client_for(users["commander_a"]).get("/resolutions/new/").status_code == 403


def test_post_commander_builds_a_program_item_and_a_task_with_a_milestone(plan, tree, users):
    commander = client_for(users["commander_a"])
    url = f"/resolutions/{plan.resolution.pk}/program/?unit=DBP-A"
    assert commander.get(url).status_code == 200
    orphan = commander.post(url, {"form": "item", "i-code": "1.2", "i-title": "Z", "i-weight": 1})
    assert "error-i-parent" in orphan.content.decode()
    response = commander.post(
        url,
        {"form": "item", "i-code": "1.2", "i-title": "Z", "i-parent": plan.i1.pk, "i-weight": 1},
    )
    assert response.status_code == 302
    item = Program.objects.get(unit=tree.post_a).items.get(code="1.2")
    response = commander.post(
        url,
        {
            "form": "task",
            "t-item": item.pk,
            "t-title": "Nhiệm vụ mới",
            "t-owner": "commander_a",
            "t-start": "2025-06-01",
            "t-deadline": "2025-12-31",
            "t-weight": 1,
        },
    )
    task = Task.objects.get(title="Nhiệm vụ mới")
    assert response.status_code == 302 and response.url == f"/resolutions/tasks/{task.pk}/"
    bad = commander.post(response.url, {"form": "milestone-add", "title": "M1", "due": "nope"})
    assert bad.status_code == 200 and not task.milestones.exists()
    commander.post(response.url, {"form": "milestone-add", "title": "M1", "due": "2025-08-01"})
    milestone = Milestone.objects.get(task=task)
    commander.post(
        response.url,
        {"form": "milestone-edit", "milestone": milestone.pk, "title": "M1b", "due": "2025-08-02"},
    )
    commander.post(
        response.url, {"form": "milestone-done", "milestone": milestone.pk, "done_on": "2025-08-01"}
    )
    milestone.refresh_from_db()
    assert milestone.title == "M1b" and milestone.done_on is not None


def test_document_form_and_upload_errors_inline(plan, users):
    commander = client_for(users["commander_a"])
    url = f"/resolutions/{plan.resolution.pk}/manage/"
    response = commander.post(
        url,
        {
            "form": "document",
            "d-unit": "DBP-A",
            "d-kind": "regulation",
            "d-number": "1/QC",
            "d-issued_on": "2025-01-01",
            "d-signer": "Đồn trưởng",
            "d-title": "Quy chế làm việc",
        },
    )
    document = Document.objects.get(number="1/QC")
    assert response.status_code == 302 and response.url == f"/resolutions/documents/{document.pk}/"
    bad = commander.post(response.url, {"file": SimpleUploadedFile("a.pdf", b"nope")})
    assert bad.status_code == 200 and 'role="alert"' in bad.content.decode()
    good = commander.post(response.url, {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4")})
    assert good.status_code == 302 and document.attachments.count() == 1
    page = commander.get(response.url).content.decode()
    assert "/download/" in page and "/media/" not in page


def test_staff_create_a_movement_with_criteria_and_a_post_registers(tree, users):
    from bienphong.resolutions.models import Movement

    staff = client_for(users["staff"])
    response = staff.post(
        "/resolutions/movements/new/",
        {"title": "Quyết thắng", "start": "2025-01-01", "end": "2025-12-31"},
    )
    movement = Movement.objects.get(title="Quyết thắng")
    assert response.status_code == 302
    url = f"/resolutions/movements/{movement.pk}/"
    bad = staff.post(
        url,
        {
            "form": "criterion",
            "c-code": "TC1",
            "c-name": "A",
            "c-kind": "points",
            "c-max_points": "x",
        },
    )
    assert bad.status_code == 200 and "error-c-max_points" in bad.content.decode()
    staff.post(
        url,
        {
            "form": "criterion",
            "c-code": "TC1",
            "c-name": "A",
            "c-kind": "points",
            "c-max_points": 50,
        },
    )
    assert movement.criteria.count() == 1
    commander = client_for(users["commander_a"])
    assert 'data-testid="criterion-form"' not in commander.get(url).content.decode()
    assert commander.post(url, {"form": "registration", "g-unit": "DBP-A"}).status_code == 302
    assert movement.registrations.get().unit == tree.post_a
    assert client_for(users["commander_a"]).get("/resolutions/movements/new/").status_code == 403
