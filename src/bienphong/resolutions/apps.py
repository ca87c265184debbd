from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResolutionsConfig(AppConfig):
    name = "bienphong.resolutions"
    label = "resolutions"
    verbose_name = _("Resolution implementation")
    default_auto_field = "django.db.models.BigAutoField"
