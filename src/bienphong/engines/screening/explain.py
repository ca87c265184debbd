"""Hits and their explanations: structured data with stable codes plus English text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

PART_LABELS = {
    "exact": "exact",
    "diacritics": "same letters, different diacritics",
    "chinese_characters": "Chinese characters",
    "pinyin": "pinyin reading",
    "wade_giles": "Wade-Giles romanisation",
    "cantonese": "Cantonese romanisation",
    "hanviet": "Sino-Vietnamese (Hán-Việt) reading",
    "transliteration": "other transliteration",
    "typo": "typo or OCR error",
    "joined": "joined or split",
    "initial": "initial only",
}
DATE_LABELS = {
    "exact": "exact",
    "year_month": "year and month (list has no day)",
    "year_only": "year only (list has only the year)",
    "placeholder": "same year, list date is a 01-01 placeholder",
    "day_month_swap": "day and month swapped",
    "one_digit": "one digit different",
    "one_digit_year": "year or month one digit different (list has no full date)",
    "missing": "missing (not compared)",
    "same_year_other_day": "same year, other day",
    "different": "different",
}
NATIONALITY_LABELS = {"same": "same", "different": "different", "missing": "not compared"}


@dataclass(frozen=True)
class PartMatch:
    """One matched name part: query text, listed text, how they matched."""

    query: str
    listed: str
    code: str
    score: float


@dataclass(frozen=True)
class Explanation:
    """Why an entry was hit. Codes are stable; `text()` renders English."""

    matched_name: str
    parts: tuple[PartMatch, ...]
    unmatched_query: tuple[str, ...]
    unmatched_listed: tuple[str, ...]
    name_score: float
    date_code: str
    listed_dob: str
    query_dob: str
    date_factor: float
    nationality_code: str

    def text(self) -> str:
        lines = [f"Matched listed name {self.matched_name!r} (name score {self.name_score:.2f})."]
        for p in self.parts:
            label = PART_LABELS.get(p.code, p.code)
            lines.append(f"- {p.query!r} ~ {p.listed!r}: {label} ({p.score:.2f})")
        if self.unmatched_listed:
            lines.append("- listed parts not in the query: " + ", ".join(self.unmatched_listed))
        if self.unmatched_query:
            lines.append("- query parts not on the list: " + ", ".join(self.unmatched_query))
        listed = self.listed_dob or "none"
        query = self.query_dob or "none"
        lines.append(
            f"Date of birth: {DATE_LABELS.get(self.date_code, self.date_code)} "
            f"(listed {listed}, query {query}; factor {self.date_factor:.2f})."
        )
        lines.append(f"Nationality: {NATIONALITY_LABELS.get(self.nationality_code, '?')}.")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class Hit:
    """One search result, best first in a result list.

    The explanation is worked out when first read, so screening many travellers
    pays only for the explanations someone looks at.
    """

    __slots__ = ("_explain", "_explanation", "alert", "entry_id", "list", "name", "score")

    def __init__(
        self,
        entry_id: str,
        score: float,
        alert: bool,
        list: str,
        name: str,
        explain: Callable[[], Explanation],
    ) -> None:
        self.entry_id = entry_id
        self.score = score
        self.alert = alert
        self.list = list
        self.name = name
        self._explain = explain
        self._explanation: Explanation | None = None

    @property
    def explanation(self) -> Explanation:
        if self._explanation is None:
            self._explanation = self._explain()
        return self._explanation

    def __repr__(self) -> str:
        return f"Hit({self.entry_id!r}, score={self.score}, alert={self.alert})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "entry_id": self.entry_id,
            "score": self.score,
            "alert": self.alert,
            "list": self.list,
            "name": self.name,
            "explanation": self.explanation.as_dict(),
            "explanation_text": self.explanation.text(),
        }
