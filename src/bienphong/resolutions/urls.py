from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="resolutions"),
    path("new/", views.resolution_new, name="resolution_new"),
    path("<int:pk>/", views.resolution_detail, name="resolution_detail"),
    path("<int:pk>/manage/", views.resolution_manage, name="resolution_manage"),
    path("<int:pk>/program/", views.program_detail, name="resolution_program"),
    path("areas/<int:pk>/edit/", views.area_edit, name="resolution_area_edit"),
    path("targets/<int:pk>/edit/", views.target_edit, name="resolution_target_edit"),
    path("documents/<int:pk>/", views.document_detail, name="resolution_document"),
    path(
        "attachments/<int:pk>/download/",
        views.attachment_download,
        name="resolution_attachment",
    ),
    path("<int:pk>/progress.<str:fmt>", views.live_export, name="resolution_export"),
    path("reports/<int:pk>.<str:fmt>", views.report_export, name="resolution_report"),
    path("tasks/<int:pk>/", views.task_detail, name="resolution_task"),
    path("movements/new/", views.movement_new, name="resolution_movement_new"),
    path("movements/<int:pk>/", views.movement_detail, name="resolution_movement"),
    path("sheets/<int:pk>/", views.sheet_detail, name="resolution_sheet"),
    path("proposals/", views.proposal_list, name="resolution_proposals"),
    path("proposals/<int:pk>/", views.proposal_detail, name="resolution_proposal"),
    path(
        "proposals/<int:pk>/decision.pdf",
        views.proposal_decision_pdf,
        name="resolution_decision_pdf",
    ),
]
