"""The situation API: ``/api/v1/incidents`` and ``/api/v1/reports``."""

from .incidents import router as incidents_router
from .reports import router as reports_router

__all__ = ["incidents_router", "reports_router"]
