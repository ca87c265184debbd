"""Screens: dashboards, tasks, emulation, commendations, report exports."""

from .authoring import (
    area_edit,
    attachment_download,
    document_detail,
    resolution_manage,
    resolution_new,
    target_edit,
)
from .emulation import movement_detail, proposal_detail, proposal_list, sheet_detail
from .exports import live_export, proposal_decision_pdf, report_export
from .movements import movement_new
from .programs import program_detail
from .progress import index, resolution_detail, task_detail

__all__ = [
    "area_edit",
    "attachment_download",
    "document_detail",
    "index",
    "live_export",
    "movement_detail",
    "movement_new",
    "program_detail",
    "proposal_decision_pdf",
    "proposal_detail",
    "proposal_list",
    "report_export",
    "resolution_detail",
    "resolution_manage",
    "resolution_new",
    "sheet_detail",
    "target_edit",
    "task_detail",
]
