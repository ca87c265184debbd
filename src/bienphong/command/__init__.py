"""Command: statistics over what the other apps record, dashboards and the stats API.

Other apps add dashboard panels from their ``AppConfig.ready()``::

    from bienphong.command.panels import Panel, register

    register(Panel(key="incidents", title=_("Open incidents"),
                   template="situation/_panel.html", context=open_incidents_context,
                   roles=frozenset({...}), order=50))

``context(actor, period)`` returns the template's context; the panel is rendered on
the command dashboard for users holding one of ``roles``.
"""
