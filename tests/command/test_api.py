"""/api/v1/stats: scoped, validated, the same numbers as the stats module."""

from __future__ import annotations

from typing import Any

import pytest

from bienphong.command import stats

from .conftest import client_for


def _get(user: Any, path: str, **params: Any) -> Any:
    return client_for(user).get(f"/api/v1/stats/{path}", params)


def test_crossings_by_gate_are_scoped(
    tree: Any, users: dict[str, Any], traffic: Any, gate_b: Any
) -> None:
    day = traffic["today"].isoformat()
    staff = _get(users["staff"], "crossings", **{"from": day, "to": day, "group_by": "gate"})
    assert staff.status_code == 200
    assert {r["key"]: r["total"] for r in staff.json()} == {tree.gate_a.pk: 4, gate_b.pk: 5}
    mine = _get(users["commander_a"], "crossings", **{"from": day, "to": day, "group_by": "gate"})
    assert {r["key"]: r["total"] for r in mine.json()} == {tree.gate_a.pk: 4}
    row = mine.json()[0]
    assert (row["entries"], row["exits"], row["admitted"], row["refused"]) == (3, 1, 3, 1)
    # A post commander asking for another post's unit gets "not found".
    other = _get(users["commander_a"], "crossings", **{"from": day, "to": day, "unit": "DBP-B"})
    assert other.status_code == 404
    narrowed = _get(users["staff"], "crossings", **{"from": day, "to": day, "unit": "DBP-B"})
    assert sum(r["total"] for r in narrowed.json()) == 5


def test_api_equals_stats_module(users: dict[str, Any], traffic: Any) -> None:
    day = traffic["today"]
    for group_by in ("gate", "day", "hour", "nationality", "document_type"):
        answer = _get(
            users["staff"], "crossings", **{"from": day, "to": day, "group_by": group_by}
        ).json()
        expected = stats.crossing_stats(
            unit_ids=stats.unit_ids_for(users["staff"]), date_from=day, date_to=day,
            group_by=group_by,
        )  # fmt: skip
        assert answer == [dict(r, label=str(r["label"])) for r in expected]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-13-01", "to": "2026-01-02"}, "from"),
        ({"from": "2026-01-01", "to": "yesterday"}, "to"),
        ({"from": "2026-01-01", "to": "2026-01-02", "group_by": "colour"}, "group_by"),
        ({"from": "2026-01-05", "to": "2026-01-02"}, "to"),
        ({"to": "2026-01-02"}, "from"),
    ],
)
def test_bad_input_is_422_naming_the_field(
    users: dict[str, Any], params: dict[str, str], field: str
) -> None:
    for path in ("crossings", "vehicles", "port-filings"):
        response = _get(users["staff"], path, **params)
        assert response.status_code == 422, (path, response.content)
        assert field in response.json()["error"]["fields"], response.json()


def test_vehicles_and_filings_answer(users: dict[str, Any], traffic: Any) -> None:
    day = traffic["today"].isoformat()
    vehicles = _get(users["staff"], "vehicles", **{"from": day, "to": day, "group_by": "day"})
    filings = _get(users["staff"], "port-filings", **{"from": day, "to": day, "group_by": "port"})
    assert vehicles.status_code == 200 and vehicles.json() == []
    assert filings.status_code == 200 and filings.json() == []


def test_agents_and_anonymous_are_refused(users: dict[str, Any]) -> None:
    params = {"from": "2026-01-01", "to": "2026-01-02"}
    assert _get(users["agent_a"], "crossings", **params).status_code == 403
    from django.test import Client

    assert Client().get("/api/v1/stats/crossings", params).status_code == 401


def test_openapi_describes_the_stats_endpoints(users: dict[str, Any]) -> None:
    schema = client_for(users["staff"]).get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/stats/crossings"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"from", "to", "group_by", "unit"} <= names
    assert all(p.get("description") for p in operation["parameters"])
