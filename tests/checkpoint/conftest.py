from __future__ import annotations

import pytest

from bienphong.checkpoint import demo
from bienphong.documents.specimens import passport_mrz
from bienphong.org.demo import DemoReport


@pytest.fixture
def configured(tree):
    demo._config(DemoReport())
    return tree


def korean(number="M12345678", expiry="301231"):
    return passport_mrz(
        surname="PARK",
        given_names="JIHOON",
        number=number,
        nationality="KOR",
        birth="850315",
        sex="M",
        expiry=expiry,
    )


def vietnamese(number="C7654321"):
    return passport_mrz(
        surname="NGUYEN",
        given_names="VAN AN",
        number=number,
        nationality="VNM",
        birth="800512",
        sex="M",
        expiry="320101",
    )


def payload(mrz, direction="entry", decision=None, **extra):
    body = {"gate": "CK-A", "lane": "3", "direction": direction, "mrz": mrz, **extra}
    if decision:
        body["decision"] = decision
    return body


def border_pass(entries="single", number="GT0012345"):
    return {
        "gate": "CK-A",
        "lane": "1",
        "direction": "entry",
        "document": {
            "doc_type": "border_area_pass",
            "number": number,
            "full_name": "Lý Minh Phúc",
            "nationality": "CHN",
            "birth_date": "1979-04-01",
            "sex": "M",
            "issue_date": "2026-11-20",
            "expiry_date": "2026-12-19",
            "entries": entries,
            "areas": ["quang-ninh"],
        },
    }
