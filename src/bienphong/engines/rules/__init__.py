"""Health-control rules evaluated on a traveller and a crossing (pure Python).

>>> from datetime import datetime, timezone
>>> m = Measure(id=1, requirement=Requirement.HEALTH_DECLARATION)
>>> at = datetime(2026, 1, 1, tzinfo=timezone.utc)
>>> f = Facts(gate="CK-BL1", direction=Direction.ENTRY, at=at)
>>> [(o.status.value, [r.value for r in o.reasons]) for o in evaluate([m], f)]
[('not_met', ['declaration_missing'])]
"""

from .evaluate import RuleSet, blocking, evaluate, evaluate_each
from .model import (
    SYMPTOMS,
    DeclarationFacts,
    Direction,
    Facts,
    Measure,
    Outcome,
    Reason,
    Requirement,
    Status,
    Vaccination,
    Visit,
    codes,
    normalise_word,
    words,
)

__all__ = [
    "SYMPTOMS",
    "DeclarationFacts",
    "Direction",
    "Facts",
    "Measure",
    "Outcome",
    "Reason",
    "Requirement",
    "RuleSet",
    "Status",
    "Vaccination",
    "Visit",
    "blocking",
    "codes",
    "evaluate",
    "evaluate_each",
    "normalise_word",
    "words",
]
