from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortsConfig(AppConfig):
    name = "bienphong.ports"
    label = "ports"
    verbose_name = _("Seaport border procedures")

    def ready(self) -> None:
        from django.apps import apps

        if apps.is_installed("bienphong.resolutions"):
            from .indicators import register

            register()  # targets of the resolution module can be bound to it
