from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommandConfig(AppConfig):
    name = "bienphong.command"
    label = "command"
    verbose_name = _("Command dashboards and statistics")
