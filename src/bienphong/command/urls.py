from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="command"),
    path("live/", views.live, name="command_live"),
]
