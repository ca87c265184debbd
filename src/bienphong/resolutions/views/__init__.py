"""Screens: dashboards, tasks, emulation, commendations, report exports."""

from .emulation import movement_detail, proposal_detail, proposal_list, sheet_detail
from .exports import live_export, proposal_decision_pdf, report_export
from .progress import index, resolution_detail, task_detail

__all__ = [
    "index",
    "live_export",
    "movement_detail",
    "proposal_decision_pdf",
    "proposal_detail",
    "proposal_list",
    "report_export",
    "resolution_detail",
    "sheet_detail",
    "task_detail",
]
