"""An exactly agreeing full birth date makes up for part of an incomplete name."""

from __future__ import annotations

import pytest

from bienphong.engines.screening import ScreeningIndex, build_index
from bienphong.engines.screening.dates import EXACT_DATE_LIFT, lift_for_exact_date, parse_date

FULL = parse_date("1997-06-24")


def test_exact_full_date_closes_part_of_the_gap() -> None:
    assert lift_for_exact_date(0.8, "exact", FULL) == pytest.approx(0.8 + 0.2 * EXACT_DATE_LIFT)
    assert lift_for_exact_date(1.0, "exact", FULL) == 1.0


@pytest.mark.parametrize("code", ["one_digit", "day_month_swap", "year_only", "missing"])
def test_weaker_date_agreement_lifts_nothing(code: str) -> None:
    assert lift_for_exact_date(0.75, code, FULL) == 0.75


def test_placeholder_and_weak_names_are_not_lifted() -> None:
    assert lift_for_exact_date(0.75, "exact", parse_date("1997-01-01")) == 0.75
    assert lift_for_exact_date(0.5, "exact", FULL) == 0.5


def _index() -> ScreeningIndex:
    others = [
        {"id": f"o{i}", "name": f"Nguyễn Văn {g}", "dob": f"19{50 + i % 40}-0{1 + i % 9}-1{i % 9}"}
        for i, g in enumerate(["Hùng", "Dũng", "Minh", "Tuấn", "Long", "Nam"] * 5)
    ]
    return build_index([{"id": "t", "name": "Nguyễn Mạnh An", "dob": "1997-06-24"}, *others])


def test_middle_names_left_out_alert_only_with_the_exact_date() -> None:
    index = _index()
    exact = {h.entry_id: h for h in index.search("NGUYEN AN", "1997-06-24")}
    assert exact["t"].alert
    other = {h.entry_id: h for h in index.search("NGUYEN AN", "1997-06-25")}
    assert "t" not in other or not other["t"].alert


def test_a_typo_in_the_given_name_is_not_lifted_by_the_date() -> None:
    # Nguyễn Mạnh Dũng born the same day is another person, not a middle name left out.
    index = build_index(
        [
            {"id": "t", "name": "Nguyễn Mạnh Hùng", "dob": "1997-06-24"},
            *(
                {"id": f"o{i}", "name": f"Nguyễn Văn {g}", "dob": ""}
                for i, g in enumerate(["Long", "Nam", "Tuấn", "Minh"] * 5)
            ),
        ]
    )
    hit = {h.entry_id: h for h in index.search("NGUYEN DUNG", "1997-06-24")}.get("t")
    assert hit is None or not hit.alert
