"""A situation report as PDF (official Vietnamese wording) and as XLSX.

The PDF embeds DejaVu Sans from the same place as ``bienphong.resolutions.exports`` so
Vietnamese diacritics print (and extract) correctly.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import pgettext_lazy

from bienphong.resolutions.exports import FONT_DIR

from .models import IncidentKind, SituationReport

KIND_LABELS = dict(IncidentKind.choices)


# Labels carry the context "situation report" so Django's own catalogues (which know
# "Total", "Pending", ...) do not answer for them. The PDF and XLSX are rendered in
# Vietnamese (``translation.override("vi")``); the screen shows the user's language.


PERIOD_TITLES = {
    "daily": pgettext_lazy("situation report", "DAILY SITUATION REPORT"),
    "weekly": pgettext_lazy("situation report", "WEEKLY SITUATION REPORT"),
    "monthly": pgettext_lazy("situation report", "MONTHLY SITUATION REPORT"),
    "yearly": pgettext_lazy("situation report", "YEARLY SITUATION REPORT"),
}
STATUS = {
    "draft": pgettext_lazy("situation report", "Draft"),
    "submitted": pgettext_lazy("situation report", "Submitted"),
    "signed_off": pgettext_lazy("situation report", "Signed off"),
    "returned": pgettext_lazy("situation report", "Returned"),
}
NARRATIVE = (
    ("situation_inside", pgettext_lazy("situation report", "Situation inside the border")),
    ("situation_outside", pgettext_lazy("situation report", "Situation outside the border")),
    ("notable_events", pgettext_lazy("situation report", "Notable events")),
    ("proposals", pgettext_lazy("situation report", "Proposals")),
)
CROSSING_COLUMNS = (
    ("entries", pgettext_lazy("situation report", "Entries")),
    ("exits", pgettext_lazy("situation report", "Exits")),
    ("admitted", pgettext_lazy("situation report", "Admitted")),
    ("refused", pgettext_lazy("situation report", "Refused")),
    ("referred", pgettext_lazy("situation report", "Referred")),
    ("total", pgettext_lazy("situation report", "Total")),
)
VEHICLE_COLUMNS = (
    ("entries", pgettext_lazy("situation report", "In")),
    ("exits", pgettext_lazy("situation report", "Out")),
    ("with_permit", pgettext_lazy("situation report", "On a permit")),
    ("total", pgettext_lazy("situation report", "Total")),
)
FILING_COLUMNS = (
    ("submitted", pgettext_lazy("situation report", "Filed")),
    ("answered", pgettext_lazy("situation report", "Answered")),
    ("within_hour", pgettext_lazy("situation report", "Answered within 1 hour")),
    ("pending", pgettext_lazy("situation report", "Pending")),
    ("approved", pgettext_lazy("situation report", "Approved")),
    ("refused", pgettext_lazy("situation report", "Refused")),
)
INCIDENT_STATUS = {
    "open": pgettext_lazy("situation report", "Open"),
    "follow_up": pgettext_lazy("situation report", "In follow-up"),
    "closed": pgettext_lazy("situation report", "Closed"),
}


def title_of(report: SituationReport) -> str:
    return str(PERIOD_TITLES[report.period_kind])


def _period(report: SituationReport) -> str:
    start, end = report.period_start, report.period_end
    if start == end:
        return pgettext_lazy("situation report", "Day %(date)s") % {"date": f"{start:%d/%m/%Y}"}
    return pgettext_lazy("situation report", "From %(start)s to %(end)s") % {
        "start": f"{start:%d/%m/%Y}",
        "end": f"{end:%d/%m/%Y}",
    }


def sections(report: SituationReport) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The figure tables (title, header, rows) shared by both formats."""
    f = report.figures
    c, v, fl = f["crossings"], f["vehicles"], f["filings"]
    out: list[tuple[Any, list[Any], list[list[Any]]]] = []

    def table(
        title: Any,
        rows: list[dict[str, Any]],
        columns: tuple[tuple[str, Any], ...],
        total: dict[str, Any] | None = None,
    ) -> None:
        body = [[r["label"], *[r.get(k, 0) for k, _ in columns]] for r in rows]
        if total is not None:
            body.append(
                [
                    pgettext_lazy("situation report", "Grand total"),
                    *[total.get(k, 0) for k, _ in columns],
                ]
            )
        out.append((title, ["", *[label for _, label in columns]], body))

    table(
        pgettext_lazy("situation report", "1. Crossings by gate"),
        c["by_gate"],
        CROSSING_COLUMNS,
        c["totals"],
    )
    table(
        pgettext_lazy("situation report", "2. By nationality"),
        c["by_nationality"],
        CROSSING_COLUMNS,
    )
    table(
        pgettext_lazy("situation report", "3. By document type"),
        c["by_document_type"],
        CROSSING_COLUMNS,
    )
    table(
        pgettext_lazy("situation report", "4. Refusals and referrals by reason"),
        c["refusals_referrals"],
        (
            ("refused", pgettext_lazy("situation report", "Refused")),
            ("referred", pgettext_lazy("situation report", "Referred")),
        ),
    )
    table(
        pgettext_lazy("situation report", "5. Vehicles"), v["by_gate"], VEHICLE_COLUMNS, v["totals"]
    )
    share = fl["totals"].get("share_within_hour")
    table(
        pgettext_lazy(
            "situation report", "6. Vessels and filings (answered within 1 hour: %(share)s)"
        )
        % {"share": "—" if share is None else f"{share}%"},
        fl["by_port"],
        FILING_COLUMNS,
        fl["totals"],
    )
    pc, wh, ov, hl = f["port_calls"], f["watchlist_hits"], f["overstays"], f["health"]
    out.append(
        (
            pgettext_lazy("situation report", "7. Other figures"),
            [
                pgettext_lazy("situation report", "Item"),
                pgettext_lazy("situation report", "Number"),
            ],
            [
                [pgettext_lazy("situation report", "Vessel arrivals"), pc["arrivals"]],
                [pgettext_lazy("situation report", "Vessel departures"), pc["departures"]],
                [pgettext_lazy("situation report", "Watchlist hits (total)"), wh["total"]],
                [pgettext_lazy("situation report", "— confirmed"), wh["confirmed"]],
                [pgettext_lazy("situation report", "— dismissed"), wh["dismissed"]],
                [pgettext_lazy("situation report", "— pending"), wh["pending"]],
                [
                    pgettext_lazy("situation report", "Overstays at the end of the period"),
                    ov["at_period_end"],
                ],
                [pgettext_lazy("situation report", "Health declarations"), hl["declarations"]],
                [pgettext_lazy("situation report", "Refused for health reasons"), hl["refused"]],
                [pgettext_lazy("situation report", "Referred for a health check"), hl["referred"]],
            ],
        )
    )
    incidents = f["incidents"]
    out.append(
        (
            pgettext_lazy("situation report", "8. Incidents of the period (%(count)s)")
            % {"count": incidents["total"]},
            [
                pgettext_lazy("situation report", "Time"),
                pgettext_lazy("situation report", "Kind"),
                pgettext_lazy("situation report", "Title"),
                pgettext_lazy("situation report", "Place"),
                pgettext_lazy("situation report", "Status"),
            ],
            [
                [
                    i["occurred_at"][:16].replace("T", " "),
                    KIND_LABELS.get(i["kind"], i["kind_label"]),
                    i["title"],
                    i["place"],
                    INCIDENT_STATUS.get(i["status"], i["status"]),
                ]
                for i in incidents["items"]
            ],
        )
    )
    # Lazy labels become text in the active language (openpyxl takes only plain values).
    return [
        (str(title), [str(h) for h in header], [[_plain(v) for v in row] for row in rows])
        for title, header, rows in out
    ]


def _plain(value: Any) -> Any:
    return value if isinstance(value, int | float | str) or value is None else str(value)


def _signature(report: SituationReport) -> str:
    if report.status == "signed_off" and report.decided_by is not None:
        who = report.decided_by.get_full_name() or report.decided_by.get_username()
        when = f"{timezone.localtime(report.decided_at):%d/%m/%Y %H:%M}"
        return pgettext_lazy("situation report", "Signed off: %(who)s, %(when)s") % {
            "who": who,
            "when": when,
        }
    return pgettext_lazy("situation report", "Status: %(status)s") % {
        "status": STATUS[report.status]
    }


def report_pdf(report: SituationReport) -> bytes:
    """The official Vietnamese document, whatever the language of the screen."""
    with translation.override("vi"):
        return _report_pdf(report)


def _report_pdf(report: SituationReport) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()

    def line(text: Any, size: int = 10, bold: bool = False, align: str = "L") -> None:
        text = str(text)
        pdf.set_font("DejaVu", "B" if bold else "", size)
        pdf.multi_cell(0, 5 + size // 4, text, align=align, new_x="LMARGIN", new_y="NEXT")

    line(pgettext_lazy("situation report", "SOCIALIST REPUBLIC OF VIETNAM"), 10, True, "C")
    line(pgettext_lazy("situation report", "Independence - Freedom - Happiness"), 10, False, "C")
    pdf.ln(3)
    line(title_of(report), 14, True, "C")
    line(f"{report.unit.name_vi} — {_period(report)}", 10, False, "C")
    pdf.ln(3)
    line(pgettext_lazy("situation report", "I. SITUATION"), 11, True)
    for name, label in NARRATIVE:
        line(label, 10, True)
        line(getattr(report, name) or "—")
    pdf.ln(2)
    line(pgettext_lazy("situation report", "II. FIGURES"), 11, True)
    for title, header, rows in sections(report):
        line(title, 10, True)
        if not rows:
            line(pgettext_lazy("situation report", "None."))
            continue
        with pdf.table(text_align="LEFT", first_row_as_headings=True, line_height=5) as grid:
            pdf.set_font("DejaVu", "", 8)
            for row in [header, *rows]:
                cells = grid.row()
                for value in row:
                    cells.cell(str(value))
        pdf.set_font("DejaVu", "", 10)
        pdf.ln(1)
    pdf.ln(3)
    line(_signature(report), 10, True, "R")
    return bytes(pdf.output())


def report_xlsx(report: SituationReport) -> bytes:
    with translation.override("vi"):
        return _report_xlsx(report)


def _report_xlsx(report: SituationReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = str(pgettext_lazy("situation report", "Report"))
    bold = Font(bold=True)
    sheet.append([title_of(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([report.unit.name_vi, _period(report)])
    sheet.append([_signature(report)])
    sheet.append([])
    for name, label in NARRATIVE:
        sheet.append([str(label), getattr(report, name)])
        sheet.cell(row=sheet.max_row, column=1).font = bold
    for title, header, rows in sections(report):
        sheet.append([])
        sheet.append([title])
        sheet.cell(row=sheet.max_row, column=1).font = bold
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    sheet.column_dimensions["A"].width = 40
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
