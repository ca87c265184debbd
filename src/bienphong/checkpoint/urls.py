from django.urls import path

from . import views

urlpatterns = [
    path("", views.station, name="checkpoint"),
    path("counts/", views.counts, name="checkpoint_counts"),
    path("check/", views.check, name="checkpoint_check"),
    path("decide/", views.decide, name="checkpoint_decide"),
    path("crossings/", views.crossing_list, name="checkpoint_crossings"),
    path("crossings/<int:crossing_id>/", views.crossing_detail, name="checkpoint_crossing"),
    path("overstays/", views.overstays, name="checkpoint_overstays"),
    path("travellers/<int:traveller_id>/", views.traveller_detail, name="checkpoint_traveller"),
    path("vehicles/", views.vehicles, name="checkpoint_vehicles"),
]
