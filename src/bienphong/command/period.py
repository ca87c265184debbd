"""The dashboard's period: a date range from the query string, with quick picks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .stats import StatsInvalid, check_period

QUICK = {
    "today": gettext_lazy("Today"),
    "7d": gettext_lazy("7 days"),
    "month": gettext_lazy("This month"),
    "year": gettext_lazy("This year"),
}


@dataclass(frozen=True)
class Period:
    date_from: dt.date
    date_to: dt.date
    quick: str = ""

    @property
    def last_year(self) -> Period:
        return Period(_year_back(self.date_from), _year_back(self.date_to))

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1


def _year_back(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def quick_period(quick: str, today: dt.date) -> Period:
    if quick == "7d":
        return Period(today - dt.timedelta(days=6), today, quick)
    if quick == "month":
        return Period(today.replace(day=1), today, quick)
    if quick == "year":
        return Period(today.replace(month=1, day=1), today, quick)
    return Period(today, today, "today")


def _date(params: Mapping[str, Any], name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(params.get(name, "")))
    except ValueError:
        raise StatsInvalid(fields={name: [_("Enter a date as YYYY-MM-DD.")]}) from None


def period_from(params: Mapping[str, Any], today: dt.date | None = None) -> Period:
    """``?quick=`` or ``?from=&to=``; nothing means today. Bad input names its field."""
    today = today or timezone.localdate()
    if params.get("from") or params.get("to"):
        period = Period(_date(params, "from"), _date(params, "to"))
        check_period(period.date_from, period.date_to)
        return period
    return quick_period(str(params.get("quick", "today")), today)
