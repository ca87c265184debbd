from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituationConfig(AppConfig):
    name = "bienphong.situation"
    label = "situation"
    verbose_name = _("Situation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The command dashboard is another app; register our panel only when it exists.
        from .panels import register_panels

        register_panels()
