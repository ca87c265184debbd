from django.urls import path

from . import views

urlpatterns = [
    path("", views.watchlist_index, name="watchlists"),
    path("screen/", views.screen, name="watchlist_screen"),
    path("hits/", views.hit_queue, name="watchlist_hits"),
    path("hits/<int:hit_id>/", views.hit_detail, name="watchlist_hit"),
    path("designations/", views.designations, name="watchlist_designations"),
    path("entries/<int:entry_id>/", views.entry_detail, name="watchlist_entry"),
    path("imports/<int:job_id>/", views.import_job, name="watchlist_import"),
    path("template.<str:file_format>", views.import_template, name="watchlist_template"),
    path("<str:code>/", views.watchlist_detail, name="watchlist_detail"),
]
