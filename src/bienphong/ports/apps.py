from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortsConfig(AppConfig):
    name = "bienphong.ports"
    label = "ports"
    verbose_name = _("Seaport border procedures")
