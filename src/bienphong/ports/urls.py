from django.urls import path

from . import registration, views

urlpatterns = [
    path("", views.home, name="ports"),
    path("filings/", views.filing_list, name="ports_filings"),
    path("filings/new/", views.filing_new, name="ports_filing_new"),
    path("filings/<int:filing_id>/", views.filing_detail, name="ports_filing"),
    path("filings/<int:filing_id>/fal1/", views.filing_fal1, name="ports_filing_fal1"),
    path(
        "filings/<int:filing_id>/lists/<str:kind>/upload/",
        views.list_upload,
        name="ports_list_upload",
    ),
    path("filings/<int:filing_id>/lists/<str:kind>/edit/", views.list_edit, name="ports_list_edit"),
    path("filings/<int:filing_id>/attachments/", views.attachment_add, name="ports_attachment_add"),
    path("filings/<int:filing_id>/submit/", views.filing_submit, name="ports_filing_submit"),
    path("templates/<str:kind>.<str:fmt>", views.list_template, name="ports_template"),
    path("queue/", views.queue, name="ports_queue"),
    path("review/<int:filing_id>/", views.review, name="ports_review"),
    path("review/<int:filing_id>/decide/", views.decide, name="ports_decide"),
    path("review/<int:filing_id>/permits/", views.permit_issue, name="ports_permit_issue"),
    path("permits/<int:permit_id>/pdf/", views.permit_pdf, name="ports_permit_pdf"),
    path("permits/<int:permit_id>/revoke/", views.permit_revoke, name="ports_permit_revoke"),
    path("permits/verify/", views.verify, name="ports_verify"),
    path("organisations/", views.organisations, name="ports_organisations"),
    path("stats/", views.stats, name="ports_stats"),
    path("apply/", registration.apply, name="ports_apply"),
    path("apply/done/", registration.applied, name="ports_applied"),
    path("applications/", registration.application_list, name="ports_applications"),
    path("my-users/", registration.organisation_users, name="ports_organisation_users"),
]
