import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bienphong.settings.base")
application = get_wsgi_application()

if os.environ.get("BIENPHONG_PRELOAD_SCREENING"):
    # Load the watchlist index before gunicorn forks its workers (with --preload), so
    # they share it and the first traveller never waits for it.
    from django.db import connections

    from bienphong.watchlists.runtime import holder

    holder.get()
    # The workers must not inherit the connection the index was loaded through: several
    # processes talking over one socket (or one SQLite handle) corrupt each other.
    connections.close_all()
