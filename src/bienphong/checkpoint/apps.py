from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckpointConfig(AppConfig):
    name = "bienphong.checkpoint"
    label = "checkpoint"
    verbose_name = _("Land-gate checkpoint")
