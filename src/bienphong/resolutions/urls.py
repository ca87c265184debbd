from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="resolutions"),
    path("<int:pk>/", views.resolution_detail, name="resolution_detail"),
    path("<int:pk>/progress.<str:fmt>", views.live_export, name="resolution_export"),
    path("reports/<int:pk>.<str:fmt>", views.report_export, name="resolution_report"),
    path("tasks/<int:pk>/", views.task_detail, name="resolution_task"),
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
