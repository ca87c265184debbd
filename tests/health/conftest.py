from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.core.cache import cache

from bienphong.health import services


@pytest.fixture(autouse=True)
def fresh_health_state() -> Iterator[None]:
    """Rate-limit counters and compiled rules do not leak between tests."""
    cache.clear()
    services._forget_rules()
    yield
    cache.clear()
    services._forget_rules()


def declaration_data(**overrides):
    data = {
        "full_name": "Vương Tiểu Hồng",
        "document_type": "passport",
        "document_number": "EJ1234567",
        "nationality": "CHN",
        "date_of_birth": "12/03/1988",
        "sex": "F",
        "direction": "entry",
        "gate": "CK-A",
        "planned_date": "2026-11-29",
        "category": "tourist",
        "travel_days": 14,
        "travel_countries": ["NGA"],
        "symptoms": ["fever"],
        "contact_with_case": False,
        "vaccinations": [{"disease": "yellow_fever", "date": "2020-01-02"}],
        "phone": "+84 912 345 678",
        "email": "",
        "consent": True,
    }
    data.update(overrides)
    return data


TODAY = date(2026, 11, 28)
