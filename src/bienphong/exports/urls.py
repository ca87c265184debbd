from django.urls import path

from . import views

urlpatterns = [
    path("", views.job_list, name="exports"),
    path("start/", views.start, name="exports_start"),
    path("<int:job_id>/", views.job_detail, name="exports_job"),
    path("<int:job_id>/file/", views.download, name="exports_download"),
]
