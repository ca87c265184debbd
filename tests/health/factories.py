from __future__ import annotations

from datetime import UTC, datetime

from bienphong.health import services


def make_measure(actor, **data):
    data.setdefault("title", "Đo thân nhiệt")
    data.setdefault("requirement", "health_declaration")
    data.setdefault("valid_from", datetime(2026, 1, 1, tzinfo=UTC))
    return services.measure_create(actor=actor, data=data)
