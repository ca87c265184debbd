"""Labels other modules show (navigation), kept here so they land in this app's catalogue."""

from django.utils.translation import gettext_lazy as _

INCIDENTS_LABEL = _("Situation log")
REPORTS_LABEL = _("Situation reports")
