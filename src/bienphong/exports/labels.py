"""Labels other modules show (kept here so they live in this app's catalogue)."""

from django.utils.translation import gettext_lazy as _

NAV_LABEL = _("My exports")
