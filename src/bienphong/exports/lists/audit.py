"""The audit log (auditors and administrators)."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext_lazy as _

from bienphong.audit import selectors
from bienphong.exports.registry import column, display, local, register
from bienphong.org.roles import AUDIT_READER_ROLES


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


register(
    "audit.entries",
    title=_("Audit log"),
    roles=AUDIT_READER_ROLES,
    rows=selectors.entries_from_params,
    personal_data=True,
    screen="audit",
    columns=[
        column("id", _("Number")),
        column("at", _("Time"), lambda e: local(e.at)),
        column("user", _("User"), "actor_username"),
        column("unit", _("Unit"), "unit_code"),
        display("action", _("Action")),
        column("event", _("Event")),
        column("object_type", _("Object type")),
        column("object_id", _("Object id")),
        column("object", _("Object"), "object_repr"),
        column("client_address", _("Client address")),
        column("before", _("Before"), lambda e: _json(e.before)),
        column("after", _("After"), lambda e: _json(e.after)),
    ],
)
