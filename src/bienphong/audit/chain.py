"""Hashing of audit entries: each link covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64


def to_json_value(value: Any) -> Any:
    """Reduce a value to plain JSON so it hashes the same after a database round trip."""
    return json.loads(json.dumps(value, default=str, ensure_ascii=False))


def entry_digest(fields: Mapping[str, Any], prev_hash: str) -> str:
    at = fields["at"]
    if isinstance(at, datetime):
        at = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    payload = {
        "at": at,
        "actor_id": fields.get("actor_id"),
        "actor_username": fields.get("actor_username", ""),
        "unit_code": fields.get("unit_code", ""),
        "action": fields["action"],
        "event": fields["event"],
        "object_type": fields.get("object_type", ""),
        "object_id": fields.get("object_id", ""),
        "object_repr": fields.get("object_repr", ""),
        "client_address": fields.get("client_address"),
        "before": fields.get("before"),
        "after": fields.get("after"),
        "prev_hash": prev_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
