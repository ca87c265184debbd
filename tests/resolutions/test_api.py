"""The /api/v1/resolutions/ API: roll-up with formulas, task updates, the cascade rule,
emulation and commendations, and the error shape on bad input."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from bienphong.resolutions.access import NOT_IN_CHAIN

pytestmark = pytest.mark.django_db
BASE = "/api/v1/resolutions"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_progress_carries_the_formula(plan, users):
    body = client_for(users["staff"]).get(f"{BASE}/{plan.resolution.pk}/progress").json()
    assert body["unit"] == "QN" and body["value"] == 60
    assert body["formula"] == "(1×20.0 + 1×100.0) ÷ 2 = 60.0"
    rows = {(r["kind"], r["code"] or r["title"]): r for r in body["rows"]}
    assert rows[("item", "1.1")]["formula"] == "(1×0.0 + 1×40.0) ÷ 2 = 20.0"
    assert body["overdue"] == [plan.task_overdue.pk]
    post = client_for(users["commander_a"]).get(f"{BASE}/{plan.resolution.pk}/progress").json()
    assert post["unit"] == "DBP-A" and post["value"] == 10


def test_post_commander_updates_a_task_and_the_rollup_changes(plan, users):
    client = client_for(users["commander_a"])
    response = client.post(
        f"{BASE}/tasks/{plan.task_post.pk}/progress",
        {"progress": 80, "comment": "Đã rà soát 4/5 tổ"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["progress"] == 80
    body = client_for(users["staff"]).get(f"{BASE}/{plan.resolution.pk}/progress").json()
    assert body["value"] == 70  # ĐP1 = (0 + 80) / 2 = 40; (40 + 100) / 2


def test_task_list_filters_by_status(plan, users):
    client = client_for(users["auditor"])
    body = client.get(f"{BASE}/tasks?status=open_overdue").json()
    assert [t["id"] for t in body["items"]] == [plan.task_overdue.pk]
    assert body["items"][0]["status"] == "open_overdue"


@pytest.mark.parametrize(
    ("payload", "status", "field"),
    [
        ({"progress": "lots"}, 422, "progress"),
        ({}, 422, "progress"),
        ({"progress": 150}, 400, "progress"),
    ],
)
def test_bad_progress_input_has_the_error_shape(plan, users, payload, status, field):
    response = client_for(users["commander_a"]).post(
        f"{BASE}/tasks/{plan.task_post.pk}/progress", payload, content_type="application/json"
    )
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == "validation_error" and field in error["fields"]


def test_out_of_scope_and_read_only_callers(plan, users):
    task_url = f"{BASE}/tasks/{plan.task_post.pk}"
    response = client_for(users["officer_b"]).get(task_url)
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    response = client_for(users["auditor"]).post(
        f"{task_url}/progress", {"progress": 90}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    response = client_for(users["agent_a"]).get(f"{BASE}/")
    assert response.status_code == 404
    assert Client().get(f"{BASE}/").status_code == 401


def test_program_outside_the_chain_is_refused(plan, users):
    response = client_for(users["staff"]).post(
        f"{BASE}/programs",
        {
            "resolution": plan.resolution.pk,
            "unit": "DBP-B",
            "title": "CTHĐ Đồn B",
            "parent": plan.post_program.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"parent": [str(NOT_IN_CHAIN)]}
    ok = client_for(users["staff"]).post(
        f"{BASE}/programs",
        {
            "resolution": plan.resolution.pk,
            "unit": "DBP-B",
            "title": "CTHĐ Đồn B",
            "parent": plan.command_program.pk,
        },
        content_type="application/json",
    )
    assert ok.status_code == 201
    item = client_for(users["staff"]).post(
        f"{BASE}/items",
        {
            "program": ok.json()["id"],
            "code": "1.2",
            "title": "Kiện toàn Đồn B",
            "parent": plan.i1.pk,
        },
        content_type="application/json",
    )
    assert item.status_code == 201 and item.json()["area"] == plan.b1.pk


def test_attachment_upload_checks_the_content(plan, users):
    client = client_for(users["commander_a"])
    url = f"{BASE}/tasks/{plan.task_post.pk}/attachments"
    bad = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert bad.status_code == 400 and "file" in bad.json()["error"]["fields"]
    good = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.4\n...")})
    assert good.status_code == 201 and good.json()["content_type"] == "application/pdf"


def test_commendation_through_the_api(plan, tree, users):
    commander, staff = client_for(users["commander_a"]), client_for(users["staff"])
    created = commander.post(
        f"{BASE}/proposals",
        {
            "proposing_unit": "DBP-A",
            "nominee_unit": "DBP-A",
            "form": "Giấy khen",
            "level": "Bộ Chỉ huy",
            "year": 2025,
            "reason": "Hoàn thành xuất sắc",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert (
        commander.post(
            f"{BASE}/proposals/{pk}/forward", {}, content_type="application/json"
        ).status_code
        == 200
    )
    assert (
        staff.post(
            f"{BASE}/proposals/{pk}/approve", {}, content_type="application/json"
        ).status_code
        == 200
    )
    bad = staff.post(
        f"{BASE}/proposals/{pk}/decision",
        {"decision_number": " ", "decision_date": "2025-06-15"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "decision_number" in bad.json()["error"]["fields"]
    done = staff.post(
        f"{BASE}/proposals/{pk}/decision",
        {"decision_number": "12/QĐ", "decision_date": "2025-06-15"},
        content_type="application/json",
    ).json()
    assert done["state"] == "decided"
    assert [t["action"] for t in done["transitions"]] == ["create", "forward", "approve", "decide"]
    wrong = staff.post(f"{BASE}/proposals/{pk}/dance", {}, content_type="application/json")
    assert wrong.status_code == 400


def test_ranking_is_empty_until_locked(plan, tree, users):
    from decimal import Decimal

    from bienphong.resolutions import services
    from bienphong.resolutions.models import CriterionKind

    staff = users["staff"]
    movement = services.movement_create(
        actor=staff,
        unit=tree.command,
        title="Thi đua",
        start=plan.resolution.issued_on,
        end=plan.resolution.issued_on,
    )
    c1 = services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC1",
        name="x",
        kind=CriterionKind.POINTS,
        max_points=Decimal(10),
    )
    registration = services.registration_create(actor=staff, movement=movement, unit=tree.post_a)
    sheet = services.sheet_self_assess(
        actor=users["commander_a"],
        registration=registration,
        period="2025",
        points={c1.pk: Decimal(7)},
    )
    client = client_for(staff)
    url = f"{BASE}/movements/{movement.pk}/ranking?period=2025"
    assert client.get(url).json() == []
    assert client.post(f"{BASE}/sheets/{sheet.pk}/lock").status_code == 409
    review = client.post(
        f"{BASE}/sheets/{sheet.pk}/review",
        {"points": {str(c1.pk): "6"}},
        content_type="application/json",
    )
    assert review.json()["computed_score"] == 6
    client.post(f"{BASE}/sheets/{sheet.pk}/approve", {}, content_type="application/json")
    assert client.post(f"{BASE}/sheets/{sheet.pk}/lock").json()["state"] == "locked"
    assert client.get(url).json() == [{"rank": 1, "score": 6.0, "unit": "DBP-A", "person": None}]


def test_manual_assessment_report_and_inspection_through_the_api(plan, users):
    staff = client_for(users["staff"])
    base = f"{BASE}/{plan.resolution.pk}"
    both = staff.post(
        f"{base}/assessments",
        {"progress": 50, "comment": "x", "area": plan.b1.pk, "item": plan.i1.pk},
        content_type="application/json",
    )
    assert both.status_code == 400 and "area" in both.json()["error"]["fields"]
    made = staff.post(
        f"{base}/assessments",
        {"progress": 80, "comment": "Sơ kết giữa nhiệm kỳ", "area": plan.b1.pk},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["assessed_by"] == "staff"
    rows = staff.get(f"{base}/progress").json()["rows"]
    b1 = next(r for r in rows if r["kind"] == "area" and r["id"] == plan.b1.pk)
    assert b1["value"] == 20 and b1["assessment"] == 80  # side by side, not overridden

    commander = client_for(users["commander_a"])
    report = commander.post(
        f"{base}/reports",
        {"unit": "DBP-A", "period_end": "2025-06-15"},
        content_type="application/json",
    )
    assert report.status_code == 201 and report.json()["data"]["unit"] == "DBP-A"
    again = commander.post(
        f"{base}/reports",
        {"unit": "DBP-A", "period_end": "2025-06-15"},
        content_type="application/json",
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    outside = commander.post(
        f"{base}/reports",
        {"unit": "DBP-B", "period_end": "2025-06-15"},
        content_type="application/json",
    )
    assert outside.status_code == 400 and "unit" in outside.json()["error"]["fields"]
    assert [r["unit"] for r in commander.get(f"{base}/reports").json()] == ["DBP-A"]

    inspection = staff.post(
        f"{BASE}/inspections",
        {
            "resolution": plan.resolution.pk,
            "inspecting_unit": "QN",
            "inspected_unit": "DBP-A",
            "team": "Ủy ban Kiểm tra",
            "scope": "Khâu đột phá 1",
            "start": "2025-06-01",
            "end": "2025-06-03",
            "findings": ["Thiếu hồ sơ"],
            "recommendations": [
                {
                    "text": "Bổ sung hồ sơ",
                    "owner": "commander_a",
                    "start": "2025-06-04",
                    "deadline": "2025-07-04",
                }
            ],
        },
        content_type="application/json",
    )
    assert inspection.status_code == 201
    (task_id,) = inspection.json()["follow_up_tasks"]
    assert commander.get(f"{BASE}/tasks/{task_id}").json()["unit"] == "DBP-A"


def test_self_assessment_through_the_api(plan, tree, users):
    from decimal import Decimal

    from bienphong.resolutions import services
    from bienphong.resolutions.models import CriterionKind

    staff = users["staff"]
    movement = services.movement_create(
        actor=staff,
        unit=tree.command,
        title="Thi đua",
        start=plan.resolution.issued_on,
        end=plan.resolution.issued_on,
    )
    c1 = services.criterion_add(
        actor=staff,
        movement=movement,
        code="TC1",
        name="x",
        kind=CriterionKind.POINTS,
        max_points=Decimal(10),
    )
    registration = services.registration_create(actor=staff, movement=movement, unit=tree.post_a)
    commander = client_for(users["commander_a"])
    over = commander.post(
        f"{BASE}/sheets",
        {"registration": registration.pk, "period": "2025", "points": {str(c1.pk): "12"}},
        content_type="application/json",
    )
    assert over.status_code == 400 and "points.TC1" in over.json()["error"]["fields"]
    sheet = commander.post(
        f"{BASE}/sheets",
        {"registration": registration.pk, "period": "2025", "points": {str(c1.pk): "9"}},
        content_type="application/json",
    ).json()
    assert sheet["state"] == "submitted" and sheet["self_score"] == 9
    wrong = client_for(users["officer_b"]).post(
        f"{BASE}/sheets",
        {"registration": registration.pk, "period": "2025", "points": {}},
        content_type="application/json",
    )
    assert wrong.status_code == 403
