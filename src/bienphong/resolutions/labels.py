"""Display labels of engine values (the engine itself knows no language)."""

from django.utils.translation import pgettext_lazy

STATUS_LABELS = {
    "done_on_time": pgettext_lazy("resolutions", "Done on time"),
    "done_late": pgettext_lazy("resolutions", "Done late"),
    "open_within_deadline": pgettext_lazy("resolutions", "Open, within deadline"),
    "open_overdue": pgettext_lazy("resolutions", "Open, overdue"),
}
KIND_LABELS = {
    "area": pgettext_lazy("resolutions", "Area"),
    "item": pgettext_lazy("resolutions", "Program item"),
    "task": pgettext_lazy("resolutions", "Task"),
}
NAV_LABEL = pgettext_lazy("resolutions", "Resolutions")
