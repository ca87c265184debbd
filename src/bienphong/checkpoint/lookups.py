"""The checkpoint's configuration as the hot path reads it: gates, visa rules, lists.

Each is memoised per server process (see ``bienphong.caching``): a change takes effect at
once in the process that made it and within ``BIENPHONG_LOOKUP_CACHE_SECONDS`` everywhere.
"""

from __future__ import annotations

from typing import Any

from bienphong.caching import Memo
from bienphong.org.models import Unit

from .models import ListItem, VisaRule


def _unit(code: Any) -> Unit | None:
    return Unit.objects.filter(code=code).first()


def _unit_code(pk: Any) -> str:
    return str(Unit.objects.filter(pk=pk).values_list("code", flat=True).first() or "")


def _visa_rules(_key: Any) -> dict[str, list[VisaRule]]:
    rules: dict[str, list[VisaRule]] = {}
    for rule in VisaRule.objects.filter(is_active=True):
        rules.setdefault(rule.nationality, []).append(rule)
    return rules


def _list_codes(_key: Any) -> dict[str, dict[str, bool]]:
    """kind -> code -> active."""
    codes: dict[str, dict[str, bool]] = {}
    for kind, code, active in ListItem.objects.values_list("kind", "code", "is_active"):
        codes.setdefault(kind, {})[code] = active
    return codes


_units: Memo[Unit | None] = Memo("checkpoint-units", _unit).invalidate_on_change(Unit)
_unit_codes: Memo[str] = Memo("checkpoint-unit-codes", _unit_code).invalidate_on_change(Unit)
_visa: Memo[dict[str, list[VisaRule]]] = Memo("checkpoint-visa", _visa_rules).invalidate_on_change(
    VisaRule
)
_lists: Memo[dict[str, dict[str, bool]]] = Memo(
    "checkpoint-lists", _list_codes
).invalidate_on_change(ListItem)


def unit_by_code(code: str) -> Unit | None:
    return _units.get(code)


def unit_code(pk: int) -> str:
    return _unit_codes.get(pk)


def visa_rule(nationality: str, document_type: str) -> VisaRule | None:
    """The most specific active rule: for this document type, else for any document."""
    candidates = _visa.get().get(nationality, [])
    for wanted in (document_type, ""):
        for rule in candidates:
            if rule.document_type == wanted:
                return rule
    return None


def list_code_exists(kind: str, code: str, *, active_only: bool = True) -> bool:
    active = _lists.get().get(kind, {}).get(code)
    return active is not None and (active or not active_only)
