"""The "open incidents" panel on the command dashboard (``bienphong.command.panels``)."""

from __future__ import annotations

import importlib.util


def register_panels() -> None:
    # The dashboard belongs to another app; without its registry there is nothing to do.
    if importlib.util.find_spec("bienphong.command.panels") is None:
        return
    from . import dashboard

    dashboard.register_panel()
