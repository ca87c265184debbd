"""The resolutions API under /api/v1/resolutions/.

Do not use ``from __future__ import annotations`` here: ninja reads annotations at runtime.
"""

from . import authoring, emulation, plan  # noqa: F401  (order matters: see authoring)
from .common import router

__all__ = ["router"]
