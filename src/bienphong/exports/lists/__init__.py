"""Lists this app registers on behalf of apps whose code it must not change here
(checkpoint, watchlists, health, ports, audit, resolutions); new apps register their own
lists in ``<app>/export_lists.py``."""

from . import audit, checkpoint, health, ports, resolutions, watchlists  # noqa: F401
