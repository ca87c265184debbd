"""The roles a user can hold, and what each may do in general terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CHECKPOINT_OFFICER = "checkpoint_officer", _("Checkpoint officer")
    POST_COMMANDER = "post_commander", _("Post commander")
    COMMAND_STAFF = "command_staff", _("Command staff")
    SHIPPING_AGENT = "shipping_agent", _("Shipping agent")
    AUDITOR = "auditor", _("Inspector / auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that only read: they never change operational records.
READ_ONLY_ROLES = frozenset({Role.AUDITOR})
# Roles that may read the audit log.
AUDIT_READER_ROLES = frozenset({Role.AUDITOR, Role.ADMINISTRATOR})
# Roles whose scope is an external organisation, not a unit subtree.
EXTERNAL_ROLES = frozenset({Role.SHIPPING_AGENT})
