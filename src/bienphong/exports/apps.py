from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "bienphong.exports"
    label = "exports"
    verbose_name = _("Exports")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from . import lists  # noqa: F401  the lists this app registers for other apps

        # Feature apps register their own lists in ``<app>/export_lists.py``.
        autodiscover_modules("export_lists")
