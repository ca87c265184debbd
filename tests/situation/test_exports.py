from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from bienphong.situation.exports import report_pdf, report_xlsx
from bienphong.situation.services import reports as services

from .conftest import add_crossings, local
from .pdftext import extract_text

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def signed(users, tree, record):
    add_crossings(tree.gate_a, 5, at=local(DAY, 9), nationality="CHN")
    add_crossings(tree.gate_a, 1, at=local(DAY, 9), decision="refused", reason="health")
    record(occurred_at=local(DAY, 8), title="Thu giữ 120 bao thuốc lá")
    report = services.report_create(
        actor=users["officer_a"], unit=tree.post_a, period_kind="daily", period_start=DAY
    )
    services.report_update_narrative(
        actor=users["officer_a"],
        report=report,
        situation_inside="Tình hình nội biên ổn định, không phát sinh vụ việc phức tạp.",
        situation_outside="Phía bên kia biên giới tăng cường tuần tra.",
        proposals="Đề nghị bổ sung lực lượng trực tại đường mòn.",
    )
    services.report_submit(actor=users["officer_a"], report=report)
    return services.report_sign_off(actor=users["commander_a"], report=report)


def test_pdf_text_extracts_with_vietnamese_diacritics(signed):
    text = extract_text(report_pdf(signed))
    for expected in (
        "BÁO CÁO TÌNH HÌNH NGÀY",
        "Ngày 20/11/2026",
        "Tình hình nội biên ổn định, không phát sinh vụ việc phức tạp.",
        "Đề nghị bổ sung lực lượng trực tại đường mòn.",
        "Thu giữ 120 bao thuốc lá",
        "Từ chối, chuyển xử lý theo lý do",
        "Đã ký duyệt",
    ):
        assert expected in text, expected
    assert "\ufffd" not in text


def test_xlsx_contains_narrative_and_figures(signed):
    book = load_workbook(io.BytesIO(report_xlsx(signed)))
    rows = [[c for c in row if c is not None] for row in book.active.iter_rows(values_only=True)]
    assert rows[0] == ["BÁO CÁO TÌNH HÌNH NGÀY"]
    assert ["Đề xuất, kiến nghị", "Đề nghị bổ sung lực lượng trực tại đường mòn."] in rows
    total = next(r for r in rows if r and r[0] == "Tổng cộng")
    assert total == ["Tổng cộng", 6, 0, 5, 1, 0, 6]
    assert any(r and r[0] == "Tờ khai y tế" for r in rows)


def test_screen_follows_the_language_but_the_pdf_is_vietnamese(signed):
    from django.utils import translation

    from bienphong.situation.exports import sections

    with translation.override("en"):
        assert sections(signed)[0][0] == "1. Crossings by gate"
        assert "BÁO CÁO TÌNH HÌNH NGÀY" in extract_text(report_pdf(signed))
    with translation.override("vi"):
        assert sections(signed)[0][0] == "1. Người xuất nhập cảnh theo cửa khẩu"
