"""Labels other apps show for this one (navigation), kept free of model imports."""

from django.utils.translation import gettext_lazy as _

NAV_LABEL = _("Health control")
