"""Display labels of engine values (the engine itself knows no language)."""

from django.utils.translation import gettext_lazy as _

STATUS_LABELS = {
    "done_on_time": _("Done on time"),
    "done_late": _("Done late"),
    "open_within_deadline": _("Open, within deadline"),
    "open_overdue": _("Open, overdue"),
}
KIND_LABELS = {"area": _("Area"), "item": _("Program item"), "task": _("Task")}
NAV_LABEL = _("Resolutions")
