"""The dashboard renders for each internal role, scoped to the role's units."""

from __future__ import annotations

from typing import Any

import pytest

from bienphong.command import panels

from .conftest import client_for


@pytest.mark.parametrize("role", ["officer_a", "commander_a", "staff", "auditor"])
def test_dashboard_renders_for_internal_roles(
    users: dict[str, Any], traffic: Any, role: str
) -> None:
    response = client_for(users[role]).get("/command/?quick=7d")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="chart-gate"' in html
    assert "chart-4.4.7.umd.js" in html
    assert 'data-table-toggle="table-gate"' in html


def test_agents_and_admins_cannot_open_it(users: dict[str, Any]) -> None:
    assert client_for(users["agent_a"]).get("/command/").status_code == 403
    assert client_for(users["admin"]).get("/command/").status_code == 403


def test_post_commander_never_sees_another_post(users: dict[str, Any], traffic: Any) -> None:
    html = client_for(users["commander_a"]).get("/command/").content.decode()
    assert "CK-B" not in html and 'data-testid="total-now">4<' in html
    staff = client_for(users["staff"]).get("/command/").content.decode()
    assert 'data-testid="total-now">9<' in staff
    assert client_for(users["commander_a"]).get("/command/?unit=DBP-B").status_code == 404
    live = client_for(users["commander_a"]).get("/command/live/").content.decode()
    assert 'data-testid="tile-entries"><strong>3<' in live


def test_bad_dates_are_shown_not_500(users: dict[str, Any]) -> None:
    response = client_for(users["staff"]).get("/command/?from=2026-02-30&to=2026-03-01")
    assert response.status_code == 422
    assert 'data-testid="error-from"' in response.content.decode()


def test_panels_from_other_apps(users: dict[str, Any]) -> None:
    panels.register(
        panels.Panel(
            key="test-panel",
            title="Open incidents",
            template="command/_text_panel.html",
            context=lambda actor, period: {"text": actor.username, "url": ""},
            roles=frozenset({"command_staff"}),
        )
    )
    try:
        staff = client_for(users["staff"]).get("/command/").content.decode()
        commander = client_for(users["commander_a"]).get("/command/").content.decode()
    finally:
        panels.unregister("test-panel")
    assert 'data-testid="panel-test-panel"' in staff
    assert 'data-testid="panel-test-panel"' not in commander
