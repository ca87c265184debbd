"""PDF and XLSX files: progress reports and commendation decisions.

PDFs embed DejaVu Sans (Debian's ``fonts-dejavu-core``) so Vietnamese diacritics
print correctly; set ``BIENPHONG_PDF_FONT_DIR`` to use another copy of the fonts.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from django.utils.translation import pgettext

FONT_DIR = Path(os.environ.get("BIENPHONG_PDF_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))

STATUS_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành chậm",
    "open_within_deadline": "Đang thực hiện, trong hạn",
    "open_overdue": "Quá hạn",
}


def _pdf() -> Any:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", size=10)
    return pdf


def _out(pdf: Any) -> bytes:
    return bytes(pdf.output())


def report_pdf(data: dict[str, Any], *, title: str) -> bytes:
    pdf = _pdf()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(
        0,
        6,
        f"{data['unit_name']} · {data['resolution']} · {data['as_of']}",
        align="C",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(3)
    pdf.multi_cell(
        0,
        6,
        f"Tiến độ chung: {data['value']}%  =  {data['formula']}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    counts = ", ".join(f"{STATUS_LABELS[k]}: {v}" for k, v in data["status_counts"].items())
    pdf.multi_cell(0, 6, counts, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for row in data["rows"]:
        pdf.set_font("DejaVu", "B" if row["kind"] == "area" else "", 9)
        indent = "    " * row["depth"]
        label = f"{indent}{row['code']} {row['title']}".strip()
        status = f" [{STATUS_LABELS.get(row['status'], '')}]" if row["status"] else ""
        pdf.multi_cell(
            0,
            5,
            f"{label}{status} — {row['value']}% (trọng số {row['weight']:g}; {row['formula']})",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    if data["overdue"]:
        pdf.ln(2)
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(0, 6, "Nhiệm vụ quá hạn", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=9)
        for t in data["overdue"]:
            pdf.multi_cell(
                0,
                5,
                f"{t['unit']}: {t['task']} (hạn {t['deadline']})",
                new_x="LMARGIN",
                new_y="NEXT",
            )
    return _out(pdf)


def report_xlsx(data: dict[str, Any]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tien do"
    sheet.append(
        [
            pgettext("resolutions", "Resolution"),
            data["resolution"],
            pgettext("resolutions", "Unit"),
            data["unit"],
            data["as_of"],
        ]
    )
    sheet.append(
        [
            pgettext("resolutions", "Overall progress (%)"),
            data["value"],
            pgettext("resolutions", "Formula"),
            data["formula"],
        ]
    )
    sheet.append([])
    header = [
        pgettext("resolutions", "Kind"),
        pgettext("resolutions", "Code"),
        pgettext("resolutions", "Title"),
        pgettext("resolutions", "Unit"),
        pgettext("resolutions", "Weight"),
        pgettext("resolutions", "Progress (%)"),
        pgettext("resolutions", "Formula"),
        pgettext("resolutions", "Status"),
        pgettext("resolutions", "Manual assessment (%)"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in data["rows"]:
        sheet.append(
            [
                row["kind"],
                row["code"],
                ("  " * row["depth"]) + row["title"],
                row["unit"],
                row["weight"],
                row["value"],
                row["formula"],
                STATUS_LABELS.get(row["status"], ""),
                row["assessment"],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def decision_pdf(proposal: Any) -> bytes:
    """The commendation decision, from the decided proposal."""
    pdf = _pdf()
    unit = proposal.decided_by_unit
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, unit.name_vi.upper(), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(
        0,
        6,
        f"Số: {proposal.decision_number}        Ngày {proposal.decision_date:%d/%m/%Y}",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, "QUYẾT ĐỊNH", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(
        0, 6, f"Về việc khen thưởng năm {proposal.year}", align="C", new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(4)
    pdf.set_font("DejaVu", size=11)
    nominee = (
        f"{proposal.nominee_person}, {proposal.nominee_unit.name_vi}"
        if proposal.nominee_person_id
        else proposal.nominee_unit.name_vi
    )
    text = (
        f"Điều 1. Tặng {proposal.form} ({proposal.level}) cho {nominee}.\n"
        f"Lý do: {proposal.reason}\n"
        f"Điều 2. Quyết định có hiệu lực kể từ ngày ký."
    )
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", size=9)
    pdf.multi_cell(0, 5, "Quá trình đề nghị:", new_x="LMARGIN", new_y="NEXT")
    for t in proposal.transitions.select_related("to_unit", "actor"):
        pdf.multi_cell(
            0,
            5,
            f"- {t.at:%d/%m/%Y %H:%M} {t.get_action_display()} → {t.to_unit.name_vi} ({t.actor})",
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return _out(pdf)
