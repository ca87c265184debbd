"""Rule-based eligibility hints for commendation proposals (hints, never decisions).

The rules name emulation titles as the decisions record them; the command's
emulation council keeps them in line with the current commendation regulations.
"""

from __future__ import annotations

from typing import Any

from bienphong.engines.tracking import EligibilityHint, EligibilityRule, eligibility_hints

from .models import Proposal, ProposalState

RULES = [
    EligibilityRule("Chiến sĩ thi đua toàn quân", "Chiến sĩ thi đua cơ sở", 3),
    EligibilityRule("Bằng khen của Bộ trưởng Bộ Quốc phòng", "Chiến sĩ thi đua cơ sở", 2),
    EligibilityRule("Cờ thi đua của Bộ Quốc phòng", "Đơn vị quyết thắng", 2),
]


def hints_for(proposal: Proposal) -> list[EligibilityHint]:
    """Hints for the proposal's nominee from the commendations already decided."""
    decided: Any = Proposal.objects.filter(state=ProposalState.DECIDED)
    if proposal.nominee_person_id:
        decided = decided.filter(nominee_person_id=proposal.nominee_person_id)
    else:
        decided = decided.filter(nominee_unit_id=proposal.nominee_unit_id, nominee_person=None)
    history = list(decided.values_list("year", "form"))
    return eligibility_hints(history, year=proposal.year, rules=RULES)
