from .incidents import (
    FollowUp,
    Incident,
    IncidentAttachment,
    IncidentKind,
    IncidentPerson,
    IncidentStatus,
    IncidentVehicle,
)
from .reports import PeriodKind, ReportStatus, SituationReport

__all__ = [
    "FollowUp",
    "Incident",
    "IncidentAttachment",
    "IncidentKind",
    "IncidentPerson",
    "IncidentStatus",
    "IncidentVehicle",
    "PeriodKind",
    "ReportStatus",
    "SituationReport",
]
