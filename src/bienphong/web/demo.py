"""The demo data set, assembled from each app's own demo module."""

from __future__ import annotations

from bienphong.checkpoint import demo as checkpoint_demo
from bienphong.health import demo as health_demo
from bienphong.org import demo as org_demo
from bienphong.org.demo import DemoReport
from bienphong.resolutions import demo as resolutions_demo
from bienphong.watchlists import demo as watchlists_demo

# Later apps append their loaders; each is idempotent and runs after the ones before it.
LOADERS = [org_demo.load, watchlists_demo.load, checkpoint_demo.load, health_demo.load]
LOADERS.append(resolutions_demo.load)
LOADERS.append(__import__("bienphong.ports.demo", fromlist=["load"]).load)
LOADERS.append(__import__("bienphong.situation.demo", fromlist=["load"]).load)


def load_demo() -> DemoReport:
    report = DemoReport()
    for loader in LOADERS:
        loader(report)
    return report
