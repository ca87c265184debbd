"""An officer of one post cannot list or open another post's records;
an agent sees only its own organisation's."""

from __future__ import annotations

import pytest
from django.test import Client

from bienphong.errors import NotFound, PermissionDenied
from bienphong.org import selectors
from bienphong.org.models import Membership, Unit
from bienphong.org.scoping import require_write, scope_queryset, units_in_scope

pytestmark = pytest.mark.django_db


def codes(qs):
    return sorted(u.code for u in qs)


def test_officer_scope_is_own_post_subtree(tree, users):
    assert codes(units_in_scope(users["officer_a"])) == ["CK-A", "DBP-A"]
    assert codes(units_in_scope(users["officer_b"])) == ["DBP-B"]


def test_command_staff_sees_every_unit(tree, users):
    assert codes(units_in_scope(users["staff"])) == ["CK-A", "DBP-A", "DBP-B", "QN"]


def test_agent_has_no_unit_scope(tree, users):
    assert codes(units_in_scope(users["agent_a"])) == []


def test_officer_cannot_open_another_posts_unit(tree, users):
    with pytest.raises(NotFound):
        selectors.unit_get(actor=users["officer_a"], code="DBP-B")
    assert selectors.unit_get(actor=users["officer_a"], code="CK-A").code == "CK-A"


def test_scope_queryset_filters_records_by_owning_unit(tree, users):
    # Memberships are records owned by a unit: the generic helper every app uses.
    qs = scope_queryset(Membership.objects.all(), users["officer_a"], unit_field="unit")
    assert {m.unit.code for m in qs} == {"DBP-A"}
    qs_agent = scope_queryset(
        Membership.objects.all(),
        users["agent_a"],
        unit_field="unit",
        organisation_field="organisation",
    )
    assert {m.user.username for m in qs_agent} == {"agent_a"}


def test_auditor_is_read_only(tree, users):
    with pytest.raises(PermissionDenied):
        require_write(users["auditor"], tree.post_a)
    with pytest.raises(NotFound):
        require_write(users["officer_a"], tree.post_b)
    require_write(users["officer_a"], tree.gate_a)


def api_get(user, path):
    client = Client()
    client.force_login(user)
    return client.get(path)


def test_api_unit_list_is_scoped(tree, users):
    body = api_get(users["officer_a"], "/api/v1/units").json()
    assert sorted(u["code"] for u in body["items"]) == ["CK-A", "DBP-A"]


def test_api_other_posts_unit_is_not_found(tree, users):
    response = api_get(users["officer_a"], "/api/v1/units/DBP-B")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_api_user_list_is_scoped_for_officer(tree, users):
    body = api_get(users["officer_a"], "/api/v1/users").json()
    names = {u["username"] for u in body["items"]}
    assert names == {"officer_a", "commander_a"}


def test_api_agent_sees_only_its_organisation(tree, users):
    body = api_get(users["agent_a"], "/api/v1/users").json()
    assert {u["username"] for u in body["items"]} == {"agent_a"}
    assert api_get(users["agent_a"], "/api/v1/units").json()["items"] == []
    assert api_get(users["agent_a"], "/api/v1/units/DBP-A").status_code == 404


def test_unit_page_of_other_post_is_404(tree, users):
    client = Client()
    client.force_login(users["officer_a"])
    assert client.get("/units/DBP-A/").status_code == 200
    assert client.get("/units/DBP-B/").status_code == 404
    assert "DBP-B" not in client.get("/units/").content.decode()


def test_agent_cannot_open_internal_unit_pages(tree, users):
    client = Client()
    client.force_login(users["agent_a"])
    assert client.get("/units/").status_code == 403


def test_unit_constraints_hold_in_the_database(tree):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(
            code="X", name_vi="x", name_en="x", unit_type="gate", parent=tree.post_a
        )
