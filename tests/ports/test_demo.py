from __future__ import annotations

import pytest

from bienphong.org import demo as org_demo
from bienphong.org.demo import DemoReport
from bienphong.ports import demo, selectors
from bienphong.ports.models import Filing, FilingStatus
from bienphong.web.demo import LOADERS

pytestmark = pytest.mark.django_db


def test_demo_has_a_filing_in_each_status_and_is_idempotent():
    assert demo.load in LOADERS
    org_demo.load(DemoReport())
    demo.load(DemoReport())
    assert set(Filing.objects.values_list("status", flat=True)) == set(FilingStatus.values)
    current = Filing.objects.get(status=FilingStatus.SUBMITTED)
    diff = selectors.crew_diff(current)
    assert len(diff.added) == 1 and len(diff.removed) == 1 and len(diff.changed) == 1
    count = Filing.objects.count()
    demo.load(DemoReport())
    assert Filing.objects.count() == count
