from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "bienphong.web"
    label = "web"
    verbose_name = _("Web shell")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the sign-in audit handlers)
