"""``{% export_buttons "app.list" %}``: the Export CSV / XLSX control of a list screen."""

from __future__ import annotations

from typing import Any

from django import template

from bienphong.exports import registry
from bienphong.exports.services import NOT_FILTERS

register = template.Library()


@register.inclusion_tag("exports/_buttons.html", takes_context=True)
def export_buttons(context: Any, list_name: str, **fixed: Any) -> dict[str, Any]:
    """``fixed`` filters come from the page rather than its query string (e.g. the
    watchlist whose entries are shown: ``{% export_buttons "x" watchlist=code %}``)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    entry = registry.all_by_name().get(list_name)
    if request is None or entry is None or not entry.allowed(user):
        return {"show": False}
    query = request.GET.copy()
    for key in NOT_FILTERS:
        query.pop(key, None)
    for key, value in fixed.items():
        query[key] = str(value)
    return {
        "show": True,
        "list_name": list_name,
        "personal_data": entry.personal_data,
        "querystring": query.urlencode(),
        "csrf_token": context.get("csrf_token"),
    }
