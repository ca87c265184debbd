"""Shipping agencies apply for an account; command staff approve or reject; an approved
agency's agents add their own colleagues.

The applicant's user is created inactive (``is_active=False``): Django's authentication
refuses it, so nothing can be reached before approval — the safest choice. Approval
activates it and gives it the shipping-agent membership of the organisation.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bienphong.audit import services as audit
from bienphong.audit.models import AuditAction
from bienphong.errors import Conflict, ValidationFailed, full_clean
from bienphong.notifications.services import notify
from bienphong.org.models import Membership, Organisation, Unit, UnitType, User
from bienphong.org.roles import Role
from bienphong.org.scoping import require_role

from .application_models import AgentApplication, ApplicationStatus
from .services import APPROVER_ROLES, agent_organisation

TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
TEXT_FIELDS = ("name", "tax_code", "address", "email", "phone")
USER_FIELDS = ("full_name", "username", "user_email", "password")


def _user_errors(
    data: dict[str, Any], errors: dict[str, list[str]], reusing: User | None = None
) -> None:
    """Check a new agent user's fields into ``errors`` (keys as in ``USER_FIELDS``);
    ``reusing`` is a rejected applicant whose record (and user name) a new application
    takes over."""
    for key in ("full_name", "username", "password"):
        if not str(data.get(key) or "").strip():
            errors.setdefault(key, []).append(_("This field is required."))
    username = str(data.get("username") or "").strip()
    if username and not re.fullmatch(r"[\w.@+-]{3,150}", username):
        errors.setdefault("username", []).append(_("Use 3–150 letters, digits and @/./+/-/_ only."))
    elif (
        username
        and User.objects.filter(username__iexact=username)
        .exclude(pk__in=[reusing.pk] if reusing else [])
        .exists()
    ):
        errors.setdefault("username", []).append(_("This user name is already taken."))
    user_email = str(data.get("user_email") or "").strip()
    try:
        validate_email(user_email)
    except ValidationError:
        errors.setdefault("user_email", []).append(_("Enter a valid email address."))
    password = str(data.get("password") or "")
    if password:
        probe = User(username=username, full_name=str(data.get("full_name") or ""))
        probe.email = user_email
        try:
            validate_password(password, probe)
        except ValidationError as error:
            errors.setdefault("password", []).extend(str(m) for m in error.messages)


def _seaports(codes: list[str], errors: dict[str, list[str]]) -> list[Unit]:
    wanted = {str(c).strip() for c in codes if str(c).strip()}
    found = list(Unit.objects.filter(unit_type=UnitType.SEAPORT, is_active=True, code__in=wanted))
    if not wanted:
        errors["ports"] = [_("Choose at least one seaport.")]
    elif len(found) != len(wanted):
        errors["ports"] = [_("Choose seaports from the list.")]
    return found


def rejected_application(tax_code: str, username: str) -> AgentApplication | None:
    """The rejected application of the organisation with this tax code (or else of the
    applicant with this user name), if any: applying again reuses it, with its
    organisation and user, instead of failing on a tax code or user name it holds."""
    rejected = AgentApplication.objects.filter(
        status=ApplicationStatus.REJECTED, organisation__is_approved=False
    ).select_related("organisation", "applicant")
    by_tax_code = rejected.filter(organisation__tax_code=tax_code).first() if tax_code else None
    if by_tax_code is not None or not username:
        return by_tax_code
    return rejected.filter(applicant__username__iexact=username).first()


def validate_application(
    data: dict[str, Any],
) -> tuple[dict[str, str], list[Unit], AgentApplication | None]:
    """Every field checked at once; raises ``ValidationFailed`` naming each bad field.
    Also returns the rejected application this one applies again for, if any."""
    clean = {key: str(data.get(key) or "").strip() for key in TEXT_FIELDS}
    errors: dict[str, list[str]] = {}
    previous = rejected_application(clean["tax_code"], str(data.get("username") or "").strip())
    for key in ("name", "tax_code", "address", "phone"):
        if not clean[key]:
            errors[key] = [_("This field is required.")]
    if clean["tax_code"] and not TAX_CODE.match(clean["tax_code"]):
        errors["tax_code"] = [
            _("A tax code is 10 digits, or 10 digits, a hyphen and 3 digits (0101234567-001).")
        ]
    elif (
        clean["tax_code"]
        and Organisation.objects.filter(tax_code=clean["tax_code"])
        .exclude(pk__in=[previous.organisation_id] if previous else [])
        .exists()
    ):
        errors["tax_code"] = [_("An organisation with this tax code is already registered.")]
    try:
        validate_email(clean["email"])
    except ValidationError:
        errors["email"] = [_("Enter a valid email address.")]
    if clean["phone"] and not re.fullmatch(r"\+?[\d .()-]{8,20}", clean["phone"]):
        errors["phone"] = [_("Enter a valid phone number.")]
    ports = _seaports(list(data.get("ports") or []), errors)
    _user_errors(data, errors, reusing=previous.applicant if previous else None)
    if errors:
        raise ValidationFailed(fields=errors)
    return clean, ports, previous


def _save_applicant(organisation: Organisation, user: User, *, taken: tuple[str, ...]) -> None:
    """Save both in a savepoint: a concurrent duplicate surfaces as an error on the
    ``taken`` fields, not a 500."""
    messages = {
        "tax_code": _("An organisation with this tax code is already registered."),
        "username": _("This user name is already taken."),
    }
    try:
        with transaction.atomic():
            full_clean(organisation)
            organisation.save()
            full_clean(user)
            user.save()
    except IntegrityError as error:
        raise ValidationFailed(fields={name: [messages[name]] for name in taken}) from error


@transaction.atomic
def application_submit(*, actor: Any, data: dict[str, Any]) -> AgentApplication:
    """Create the organisation (not approved), its inactive first user and the application;
    or, for an organisation whose application was rejected, apply again with the same
    records updated to what is now entered."""
    clean, ports, previous = validate_application(data)
    if previous is not None:
        return _apply_again(actor, previous, clean, ports, data)
    organisation = Organisation(
        name=clean["name"], tax_code=clean["tax_code"], email=clean["email"], phone=clean["phone"]
    )
    user = User(is_active=False)
    _fill_user(user, data)
    _save_applicant(organisation, user, taken=("tax_code",))
    application = AgentApplication(
        organisation=organisation, applicant=user, address=clean["address"]
    )
    full_clean(application)
    application.save()
    application.ports.set(ports)
    after = audit.snapshot(application, fields=["status", "address"])
    after.update(
        organisation=organisation.pk,
        tax_code=organisation.tax_code,
        applicant=user.username,
        ports=sorted(p.code for p in ports),
    )
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="ports.application.submit",
        obj=application,
        after=after,
    )
    return application


def _fill_user(user: User, data: dict[str, Any]) -> None:
    user.username = str(data["username"]).strip()
    user.full_name = str(data["full_name"]).strip()
    user.email = str(data["user_email"]).strip()
    user.set_password(str(data["password"]))


def _apply_again(
    actor: Any,
    previous: AgentApplication,
    clean: dict[str, str],
    ports: list[Unit],
    data: dict[str, Any],
) -> AgentApplication:
    application = (
        AgentApplication.objects.select_for_update()
        .select_related("organisation", "applicant")
        .get(pk=previous.pk)
    )
    if application.status != ApplicationStatus.REJECTED:  # applied again meanwhile
        raise ValidationFailed(
            fields={"tax_code": [_("An organisation with this tax code is already registered.")]}
        )
    before = audit.snapshot(application, fields=["status", "reason", "address"])
    organisation, user = application.organisation, application.applicant
    organisation.name, organisation.tax_code = clean["name"], clean["tax_code"]
    organisation.email, organisation.phone = clean["email"], clean["phone"]
    _fill_user(user, data)  # the user stays inactive until approval
    application.previous_reason, application.reason = application.reason, ""
    application.status, application.decided_at, application.decided_by = (
        ApplicationStatus.PENDING,
        None,
        None,
    )
    application.address = clean["address"]
    application.submissions += 1
    _save_applicant(organisation, user, taken=("tax_code", "username"))
    full_clean(application)
    application.save()
    application.ports.set(ports)
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="ports.application.resubmit",
        obj=application,
        before=before,
        after={
            "status": application.status,
            "address": application.address,
            "submissions": application.submissions,
            "applicant": user.username,
            "ports": sorted(p.code for p in ports),
        },
    )
    return application


def pending() -> QuerySet[AgentApplication]:
    return AgentApplication.objects.filter(status=ApplicationStatus.PENDING).select_related(
        "organisation", "applicant"
    )


def _decide(actor: Any, application: AgentApplication, status: str, reason: str) -> dict[str, Any]:
    require_role(actor, *APPROVER_ROLES)
    locked = AgentApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.PENDING:
        raise Conflict(_("This application has already been decided."))
    before = audit.snapshot(locked, fields=["status", "reason"])
    application.status, application.reason = status, reason
    application.decided_at, application.decided_by = timezone.now(), actor
    full_clean(application)
    application.save(update_fields=["status", "reason", "decided_at", "decided_by"])
    return before


@transaction.atomic
def application_approve(*, actor: Any, application: AgentApplication) -> AgentApplication:
    """Approve the organisation, activate its user and make it a shipping agent there."""
    before = _decide(actor, application, ApplicationStatus.APPROVED, "")
    organisation, user = application.organisation, application.applicant
    organisation.is_approved, organisation.approved_at = True, timezone.now()
    organisation.save(update_fields=["is_approved", "approved_at"])
    user.is_active = True
    user.save(update_fields=["is_active"])
    Membership.objects.get_or_create(
        user=user, role=Role.SHIPPING_AGENT, organisation=organisation, unit=None
    )
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="ports.application.approve",
        obj=application,
        before=before,
        after={"status": application.status, "user": user.username, "active": True},
    )
    notify(
        recipients=[user],
        kind="ports.application",
        title=_("Your shipping agent account is approved; you may now file"),
        url=reverse("ports_filings"),
    )
    return application


@transaction.atomic
def application_reject(
    *, actor: Any, application: AgentApplication, reason: str
) -> AgentApplication:
    """Reject with a reason the applicant is told by email; the user stays inactive."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(fields={"reason": [_("Give the reason for the rejection.")]})
    before = _decide(actor, application, ApplicationStatus.REJECTED, reason)
    audit.record(
        actor=actor,
        action=AuditAction.UPDATE,
        event="ports.application.reject",
        obj=application,
        before=before,
        after={"status": application.status, "reason": reason},
    )
    recipients = {application.applicant.email, application.organisation.email} - {""}
    # The user cannot sign in, so an in-app notice would never be read: email only.
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Your shipping agent application was not approved"),
            message="\n\n".join(
                [
                    _("Reason: %(reason)s") % {"reason": reason},
                    _(
                        "You may correct your application and apply again with the same tax "
                        "code and user name."
                    ),
                ]
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=sorted(recipients),
            fail_silently=True,
        )
    )
    return application


def organisation_users(*, actor: Any) -> QuerySet[User]:
    """The users of the actor's own (approved) organisation, and no one else."""
    organisation = agent_organisation(actor)
    return User.objects.filter(
        memberships__role=Role.SHIPPING_AGENT, memberships__organisation=organisation
    ).order_by("username")


@transaction.atomic
def organisation_user_add(*, actor: Any, data: dict[str, Any]) -> User:
    """An approved agent adds a colleague to their own organisation (active at once)."""
    organisation = agent_organisation(actor)
    errors: dict[str, list[str]] = {}
    _user_errors(data, errors)
    if errors:
        raise ValidationFailed(fields=errors)
    user = User(
        username=str(data["username"]).strip(),
        full_name=str(data["full_name"]).strip(),
        email=str(data["user_email"]).strip(),
    )
    user.set_password(str(data["password"]))
    full_clean(user)
    user.save()
    Membership.objects.create(user=user, role=Role.SHIPPING_AGENT, organisation=organisation)
    audit.record(
        actor=actor,
        action=AuditAction.CREATE,
        event="ports.organisation.user_add",
        obj=user,
        after={"username": user.username, "organisation": organisation.pk},
    )
    return user
