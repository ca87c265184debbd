from __future__ import annotations

import pytest

from bienphong.audit.models import AuditEntry
from bienphong.errors import ValidationFailed
from bienphong.org import services
from bienphong.org.models import User
from bienphong.org.roles import Role

pytestmark = pytest.mark.django_db


def test_user_create_writes_membership_and_audit(tree, users):
    user = services.user_create(
        actor=users["admin"],
        username="newofficer",
        password="Bien-Gioi-2026",
        role=Role.CHECKPOINT_OFFICER,
        unit=tree.gate_a,
    )
    assert user.memberships.get().unit == tree.gate_a
    entry = AuditEntry.objects.filter(event="org.user.create", object_id=str(user.pk)).get()
    assert entry.actor_username == "admin"
    assert entry.after["unit"] == "CK-A"
    assert "password" not in entry.after


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"role": "nonsense"}, "role"),
        ({"role": Role.SHIPPING_AGENT}, "organisation"),
        ({"role": Role.CHECKPOINT_OFFICER, "unit": None}, "unit"),
        ({"password": "123"}, "password"),
        ({"username": "officer_a"}, "username"),
    ],
)
def test_user_create_rejects_bad_input_naming_the_field(tree, users, kwargs, field):
    args = {
        "username": "x1",
        "password": "Bien-Gioi-2026",
        "role": Role.CHECKPOINT_OFFICER,
        "unit": tree.post_a,
    }
    args.update(kwargs)
    count = User.objects.count()
    with pytest.raises(ValidationFailed) as error:
        services.user_create(actor=None, **args)
    assert field in error.value.fields
    assert User.objects.count() == count  # nothing half-written


def test_token_is_stored_hashed_and_revocable(tree, users):
    token, clear = services.token_create(
        actor=users["officer_a"], user=users["officer_a"], name="scanner"
    )
    assert clear.startswith("bp_") and clear not in token.digest
    services.token_revoke(actor=users["officer_a"], token=token)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_only_owner_or_admin_creates_tokens(tree, users):
    from bienphong.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.token_create(actor=users["officer_b"], user=users["officer_a"], name="x")
    services.token_create(actor=users["admin"], user=users["officer_a"], name="by admin")
