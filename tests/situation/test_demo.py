from __future__ import annotations

import pytest

from bienphong.org import demo as org_demo
from bienphong.org.demo import DemoReport
from bienphong.situation import demo
from bienphong.situation.models import Incident

pytestmark = pytest.mark.django_db


def test_demo_incidents_are_loaded_once():
    org_demo.load(DemoReport())
    first = DemoReport()
    demo.load(first)
    assert first.created == len(demo.INCIDENTS) == Incident.objects.count()
    again = DemoReport()
    demo.load(again)
    assert again.created == 0 and Incident.objects.count() == len(demo.INCIDENTS)
    assert Incident.objects.filter(status="closed").count() == 1
