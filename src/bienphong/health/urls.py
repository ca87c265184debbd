from django.urls import path

from . import public, views

urlpatterns = [
    path("", views.index, name="health"),
    path("declare/", public.declare, name="health_declare"),
    path("declare/done/<str:code>/", public.declared, name="health_declared"),
    path("measures/new/", views.measure_new, name="health_measure_new"),
    path("measures/<int:measure_id>/", views.measure_detail, name="health_measure"),
    path("declarations/", views.declaration_list, name="health_declarations"),
    path("declarations/new/", views.declaration_new, name="health_declaration_new"),
    path("declarations/<str:code>/", views.declaration_detail, name="health_declaration"),
    path("evaluate/", views.evaluate, name="health_evaluate"),
]
