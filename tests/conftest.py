from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

# Django models are imported inside the fixtures: the pure engines' tests also run
# without Django (pytest -p no:django tests/engines).

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("BIENPHONG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Tree:
    """A command with two posts, a gate under the first, and an agent organisation."""

    command: Any
    post_a: Any
    gate_a: Any
    post_b: Any
    org_a: Any
    org_b: Any


@pytest.fixture(autouse=True)
def fresh_screening_index(request: Any) -> Iterator[None]:
    """Each test starts with an index built from its own database."""
    if not request.config.pluginmanager.hasplugin("django"):
        yield  # the engines' tests, run without Django
        return
    from bienphong.watchlists.runtime import holder

    holder.reset()
    yield
    holder.reset()


@pytest.fixture
def tree(db: Any) -> Tree:
    from bienphong.org.models import GateKind, UnitType

    from .factories import make_organisation, make_unit

    command = make_unit("QN", unit_type=UnitType.COMMAND)
    post_a = make_unit("DBP-A", command)
    gate_a = make_unit("CK-A", post_a, UnitType.GATE, GateKind.INTERNATIONAL, borders_country="CHN")
    post_b = make_unit("DBP-B", command)
    return Tree(command, post_a, gate_a, post_b, make_organisation(), make_organisation())


@pytest.fixture
def users(tree: Tree) -> dict[str, Any]:
    from bienphong.org.roles import Role

    from .factories import make_user

    return {
        "officer_a": make_user(Role.CHECKPOINT_OFFICER, tree.post_a, username="officer_a"),
        "officer_b": make_user(Role.CHECKPOINT_OFFICER, tree.post_b, username="officer_b"),
        "commander_a": make_user(Role.POST_COMMANDER, tree.post_a, username="commander_a"),
        "staff": make_user(Role.COMMAND_STAFF, tree.command, username="staff"),
        "agent_a": make_user(Role.SHIPPING_AGENT, organisation=tree.org_a, username="agent_a"),
        "agent_b": make_user(Role.SHIPPING_AGENT, organisation=tree.org_b, username="agent_b"),
        "auditor": make_user(Role.AUDITOR, tree.command, username="auditor"),
        "admin": make_user(Role.ADMINISTRATOR, tree.command, username="admin"),
    }


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(
            f"!! BROWSER TESTS SKIPPED: Debian's Chromium is not at {CHROMIUM} "
            "(run 'make test' as root to install it, or apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
