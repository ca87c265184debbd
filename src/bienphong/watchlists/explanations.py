"""Explanations of a match in the reader's language, from the engine's stable codes."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PART_LABELS = {
    "exact": gettext_lazy("identical"),
    "diacritics": gettext_lazy("same letters, different diacritics"),
    "chinese_characters": gettext_lazy("Chinese characters"),
    "pinyin": gettext_lazy("pinyin reading"),
    "wade_giles": gettext_lazy("Wade-Giles romanisation"),
    "cantonese": gettext_lazy("Cantonese romanisation"),
    "hanviet": gettext_lazy("Sino-Vietnamese (Hán-Việt) reading"),
    "transliteration": gettext_lazy("other transliteration"),
    "typo": gettext_lazy("typo or misread character"),
    "joined": gettext_lazy("written joined or split"),
    "initial": gettext_lazy("initial only"),
}
DATE_LABELS = {
    "exact": gettext_lazy("identical"),
    "year_month": gettext_lazy("same year and month (the list has no day)"),
    "year_only": gettext_lazy("same year (the list has only the year)"),
    "placeholder": gettext_lazy("same year; the listed 01-01 is a placeholder"),
    "day_month_swap": gettext_lazy("day and month swapped"),
    "one_digit": gettext_lazy("one digit different"),
    "one_digit_year": gettext_lazy(
        "the year or month differs by one digit (the list has no full date)"
    ),
    "missing": gettext_lazy("not compared (missing)"),
    "same_year_other_day": gettext_lazy("same year, another day"),
    "different": gettext_lazy("different"),
}
NATIONALITY_LABELS = {
    "same": gettext_lazy("same"),
    "different": gettext_lazy("different"),
    "missing": gettext_lazy("not compared"),
}


def explanation_lines(detail: dict[str, Any]) -> list[str]:
    """One readable line per fact the score rests on."""
    if not detail or "parts" not in detail:
        if detail.get("document_match"):
            return [_("Same travel-document number as the listed person.")]
        return []
    lines = [
        _("Matched the listed name “%(name)s” (name score %(score).2f).")
        % {"name": detail.get("matched_name", ""), "score": detail.get("name_score", 0.0)}
    ]
    for part in detail.get("parts", []):
        code = part.get("code", "")
        lines.append(
            _("“%(query)s” ~ “%(listed)s”: %(how)s")
            % {
                "query": part.get("query", ""),
                "listed": part.get("listed", ""),
                "how": PART_LABELS.get(code, code),
            }
        )
    if detail.get("unmatched_listed"):
        lines.append(
            _("Listed name parts not given: %(parts)s")
            % {"parts": ", ".join(detail["unmatched_listed"])}
        )
    if detail.get("unmatched_query"):
        lines.append(
            _("Name parts given but not listed: %(parts)s")
            % {"parts": ", ".join(detail["unmatched_query"])}
        )
    date_code = detail.get("date_code", "")
    lines.append(
        _("Date of birth: %(how)s (listed %(listed)s, given %(given)s).")
        % {
            "how": DATE_LABELS.get(date_code, date_code),
            "listed": detail.get("listed_dob") or "—",
            "given": detail.get("query_dob") or "—",
        }
    )
    nationality = detail.get("nationality_code", "")
    lines.append(
        _("Nationality: %(how)s.") % {"how": NATIONALITY_LABELS.get(nationality, nationality)}
    )
    if detail.get("document_match"):
        lines.append(_("Same travel-document number as the listed person."))
    return lines
