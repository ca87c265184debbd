"""Test settings: base settings with fast hashing and in-memory storage."""

import atexit
import os
import shutil
import tempfile

# Tests never read or write the installation's generated key.
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-any-deployment-0123456789")

# Tests never read the installation's var/ (its database, index files or uploads). The
# process that creates the scratch directory removes it on exit; child processes inherit it.
if "BIENPHONG_VAR_DIR" not in os.environ:
    _scratch = tempfile.mkdtemp(prefix="bienphong-test-")
    os.environ["BIENPHONG_VAR_DIR"] = _scratch
    atexit.register(shutil.rmtree, _scratch, True)

from .base import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file in the scratch directory, not Django's shared-cache in-memory database: there
    # a background job's thread and a live-server request fail at once with "database
    # table is locked" (shared-cache table locks ignore busy_timeout); a file with WAL
    # behaves as production does.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(os.environ["BIENPHONG_VAR_DIR"], "test.sqlite3")
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_FAILURE_LIMIT = 5
# Background jobs run in the request so tests see their result.
BIENPHONG_INLINE_JOBS = True
# Every search sees every change at once.
BIENPHONG_SCREENING_SYNC_SECONDS = 0.0
# Every lookup reads the database (no per-process memo outlives a test's rollback).
BIENPHONG_LOOKUP_CACHE_SECONDS = 0.0
# Static files come from the apps' folders (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
