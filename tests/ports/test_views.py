from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from bienphong.ports import services

from .conftest import make_filing

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_templates_download(users, ports):
    agent = client_for(users["agent_a"])
    xlsx = agent.get("/ports/templates/crew.xlsx")
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A1"].value == "Họ / Family name" and sheet["C1"].value == "Chức danh / Rank"
    assert agent.get("/ports/templates/passenger.csv").content.startswith(b"\xef\xbb\xbf")
    assert agent.get("/ports/templates/other.csv").status_code == 404


def test_queue_highlights_overdue_and_scopes(users, ports):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        filing = make_filing(users["agent_a"], submit=True)
    with time_machine.travel(start + dt.timedelta(minutes=30), tick=False):
        page = client_for(users["officer_a"]).get("/ports/queue/").content.decode()
        assert f'data-testid="queue-row-{filing.pk}"' in page and "còn 30 phút" in page
    with time_machine.travel(start + dt.timedelta(minutes=61), tick=False):
        page = client_for(users["officer_a"]).get("/ports/queue/").content.decode()
        assert 'class="overdue"' in page and "Quá hạn" in page
    other = client_for(users["officer_b"])
    assert f"queue-row-{filing.pk}" not in other.get("/ports/queue/").content.decode()
    assert other.get(f"/ports/review/{filing.pk}/").status_code == 404
    assert client_for(users["agent_a"]).get(f"/ports/review/{filing.pk}/").status_code == 403
    assert client_for(users["agent_b"]).get(f"/ports/filings/{filing.pk}/").status_code == 404


def test_review_shows_differences_and_screening_only_to_officers(users, ports):
    first = make_filing(users["agent_a"], submit=True)
    services.filing_approve(actor=users["officer_a"], filing=first)
    page = client_for(users["officer_a"]).get(f"/ports/review/{first.pk}/").content.decode()
    assert 'data-testid="differences"' in page and 'data-testid="screening"' in page
    agent_page = client_for(users["agent_a"]).get(f"/ports/filings/{first.pk}/").content.decode()
    assert "screening" not in agent_page.lower() and "Đối chiếu" not in agent_page


def test_stats_page(users, ports):
    filing = make_filing(users["agent_a"], submit=True)
    services.filing_approve(actor=users["officer_a"], filing=filing)
    page = client_for(users["staff"]).get("/ports/stats/").content.decode()
    assert "CANG-X" in page and "100%" in page


def test_agent_attaches_fal3_on_screen(users, ports):
    from django.core.files.uploadedfile import SimpleUploadedFile

    filing = make_filing(users["agent_a"])
    agent = client_for(users["agent_a"])
    pdf = SimpleUploadedFile("stores.pdf", b"%PDF-1.4 x", content_type="application/pdf")
    agent.post(f"/ports/filings/{filing.pk}/attachments/", {"kind": "fal3", "file": pdf})
    page = agent.get(f"/ports/filings/{filing.pk}/").content.decode()
    assert "stores.pdf" in page
    exe = SimpleUploadedFile("x.pdf", b"MZ", content_type="application/pdf")
    response = agent.post(
        f"/ports/filings/{filing.pk}/attachments/", {"kind": "fal4", "file": exe}, follow=True
    )
    assert "Đính kèm tệp PDF, JPEG, PNG hoặc XLSX." in response.content.decode()


def test_typed_list_reports_every_error_and_keeps_what_was_typed(users, ports):
    filing = make_filing(users["agent_a"], crew=2)
    agent = client_for(users["agent_a"])
    assert agent.get(f"/ports/filings/{filing.pk}/lists/passenger/edit/").status_code == 200
    page = agent.get(f"/ports/filings/{filing.pk}/lists/crew/edit/").content.decode()
    assert 'value="Nguyễn"' in page and 'value="12/05/1975"' in page
    data = {
        "rows": "3",
        "r0-family_name": "Nguyễn",
        "r0-given_names": "Văn Minh",
        "r0-rank": "Master",
        "r0-nationality": "VNM",
        "r0-birth_date": "12/05/1975",
        "r0-sex": "M",
        "r0-doc_type": "P",
        "r0-doc_number": "C1000001",
        "r1-family_name": "Trần",
        "r1-rank": "AB",
        "r1-nationality": "Mars",
        "r1-birth_date": "1990-13-01",
        "r1-sex": "M",
        "r1-doc_type": "P",
        "r1-doc_number": "X1",
        "r2-family_name": "",
        "r2-doc_number": "",
    }
    response = agent.post(f"/ports/filings/{filing.pk}/lists/crew/edit/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count('data-testid="list-error"') == 2 and 'value="Mars"' in body
    data["r1-nationality"], data["r1-birth_date"] = "Hàn Quốc", "01/12/1990"
    response = agent.post(f"/ports/filings/{filing.pk}/lists/crew/edit/", data)
    assert response.status_code == 302
    assert [p.nationality for p in filing.people.order_by("position")] == ["VNM", "KOR"]
