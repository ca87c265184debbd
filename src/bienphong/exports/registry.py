"""The registry of exportable lists.

A list is registered once under a stable name with its title, the roles that may export
it, its columns and a ``rows(actor, params)`` function. ``rows`` must be the very function
the list screen uses to parse its filters and scope its queryset, so an export always has
the rows the user saw. See ``docs/exports.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bienphong.errors import ValidationFailed
from bienphong.exports.params import choice_param, date_param, param
from bienphong.org.scoping import has_role

__all__ = ["choice_param", "date_param", "param"]  # re-exported for rows functions

RowsFunction = Callable[[Any, Mapping[str, Any]], Iterable[Any]]


@dataclass(frozen=True)
class Column:
    """One column: a stable key, a translated header and how to read the value."""

    key: str
    header: Any
    value: Callable[[Any], Any]


def column(key: str, header: Any, value: str | Callable[[Any], Any] | None = None) -> Column:
    """A column whose value is ``value(row)``, or the dotted attribute ``value`` (default
    ``key``); a missing link in the chain (``None``) gives an empty cell."""
    if callable(value):
        return Column(key, header, value)
    getter = attrgetter(value or key)

    def read(row: Any) -> Any:
        try:
            return getter(row)
        except AttributeError:
            return None

    return Column(key, header, read)


def display(key: str, header: Any, field_name: str | None = None) -> Column:
    """A choices field shown by its label (``get_<field>_display()``)."""
    name = field_name or key
    return Column(key, header, lambda row: getattr(row, f"get_{name}_display")())


@dataclass(frozen=True)
class ExportList:
    name: str
    title: Any
    roles: frozenset[str]
    columns: tuple[Column, ...]
    rows: RowsFunction
    # Lists of people: exporting them is processing under Decree 13/2023/NĐ-CP.
    personal_data: bool = False
    # The URL name of the list screen, for the "back to the list" link.
    screen: str = ""
    description: Any = ""
    # A finer check than roles (e.g. "designated to see watchlist files").
    allow: Callable[[Any], bool] | None = None

    def allowed(self, actor: Any) -> bool:
        if not has_role(actor, *self.roles):
            return False
        return self.allow is None or bool(self.allow(actor))

    def headers(self) -> list[str]:
        return [str(c.header) for c in self.columns]


_REGISTRY: dict[str, ExportList] = {}


class UnknownList(ValidationFailed):
    code = "unknown_list"
    default_message = gettext_lazy("There is no such list to export.")


def register(
    name: str,
    *,
    title: Any,
    roles: Iterable[str],
    columns: Iterable[Column],
    rows: RowsFunction,
    personal_data: bool = False,
    screen: str = "",
    description: Any = "",
    allow: Callable[[Any], bool] | None = None,
) -> ExportList:
    """Register (or, on reload, replace) the list ``name``."""
    if not name or not name.replace("_", "").replace(".", "").isalnum():
        raise ValueError(f"export list name {name!r}: use letters, digits, '.' and '_'")
    entry = ExportList(
        name=name,
        title=title,
        roles=frozenset(roles),
        columns=tuple(columns),
        rows=rows,
        personal_data=personal_data,
        screen=screen,
        description=description,
        allow=allow,
    )
    if not entry.columns or not entry.roles:
        raise ValueError(f"export list {name!r} needs columns and roles")
    _REGISTRY[name] = entry
    return entry


def get(name: str) -> ExportList:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownList(fields={"list": [_("There is no such list to export.")]}) from None


def get_for(actor: Any, name: str) -> ExportList:
    """The list ``name`` if ``actor`` may export it; otherwise the same error as unknown,
    so a list's existence is not revealed to roles that may not see it."""
    entry = _REGISTRY.get(name)
    if entry is None or not entry.allowed(actor):
        raise UnknownList(fields={"list": [_("There is no such list to export.")]})
    return entry


def available_for(actor: Any) -> list[ExportList]:
    return sorted((e for e in _REGISTRY.values() if e.allowed(actor)), key=lambda e: e.name)


def all_lists() -> list[ExportList]:
    return sorted(_REGISTRY.values(), key=lambda e: e.name)


def no_filters(selector: Callable[..., Any]) -> RowsFunction:
    """A rows function for a screen without filters: ``selector(actor=actor)``."""

    def rows(actor: Any, params: Mapping[str, Any]) -> Any:
        return selector(actor=actor)

    return rows


def local(value: dt.datetime | None) -> dt.datetime | None:
    """A stored (UTC) time in the display zone, Asia/Ho_Chi_Minh."""
    return timezone.localtime(value) if value is not None else None


def all_by_name() -> dict[str, ExportList]:
    return dict(_REGISTRY)
