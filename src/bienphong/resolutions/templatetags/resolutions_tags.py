from typing import Any

from django import template

from ..labels import KIND_LABELS, STATUS_LABELS

register = template.Library()


@register.filter
def status_label(value: str) -> Any:
    return STATUS_LABELS.get(value, value)


@register.filter
def kind_label(value: str) -> Any:
    return KIND_LABELS.get(value, value)


@register.filter
def lookup(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")


@register.filter
def indent(depth: int) -> str:
    return f"padding-left:{0.5 + 1.2 * int(depth)}rem"


@register.filter
def local_formula(formula: str) -> str:
    """The engine writes formulas with a decimal point; show the locale's separator."""
    from django.utils.formats import get_format

    return str(formula).replace(".", str(get_format("DECIMAL_SEPARATOR")))
