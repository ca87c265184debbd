from django.urls import path

from .views import incidents, reports

app_name = "situation"

urlpatterns = [
    path("incidents/", incidents.incident_list, name="incidents"),
    path("incidents/new/", incidents.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", incidents.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", incidents.incident_edit, name="incident_edit"),
    path("incidents/<int:pk>/follow-up/", incidents.incident_follow_up, name="incident_follow_up"),
    path("incidents/<int:pk>/close/", incidents.incident_close, name="incident_close"),
    path("incidents/<int:pk>/attach/", incidents.incident_attach, name="incident_attach"),
    path("files/<int:pk>/", incidents.attachment_download, name="attachment"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/new/", reports.report_new, name="report_new"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/save/", reports.report_save, name="report_save"),
    path("reports/<int:pk>/compile/", reports.report_compile, name="report_compile"),
    path("reports/<int:pk>/decide/", reports.report_decide, name="report_decide"),
    path("reports/<int:pk>/report.pdf", reports.report_export, {"fmt": "pdf"}, name="report_pdf"),
    path(
        "reports/<int:pk>/report.xlsx", reports.report_export, {"fmt": "xlsx"}, name="report_xlsx"
    ),
]
