"""The resolutions API under /api/v1/resolutions/.

Do not use ``from __future__ import annotations`` here: ninja reads annotations at runtime.
"""

from . import emulation, plan  # noqa: F401  (the endpoint modules register on the router)
from .common import router

__all__ = ["router"]
