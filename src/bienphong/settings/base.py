"""Settings from the environment only.

Every value that differs between a gate laptop, CI and the command's server comes
from an environment variable (``DATABASE_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``,
``BIENPHONG_*``). Local runs get a secret key generated once into ``var/``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def _default_var_dir() -> Path:
    """``var/`` of the source checkout when running from one, else of the working directory."""
    checkout = PACKAGE_DIR.parent.parent
    if (checkout / "pyproject.toml").exists():
        return checkout / "var"
    return Path.cwd() / "var"


# Where the embedded database, the generated secret key and uploads live.
VAR_DIR = Path(env("BIENPHONG_VAR_DIR") or _default_var_dir()).resolve()
PRODUCTION = env_bool("BIENPHONG_PRODUCTION")
DEBUG = env_bool("BIENPHONG_DEBUG", default=False)


def _local_secret_key() -> str:
    """A key generated once per installation, kept out of the repository."""
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


SECRET_KEY = env("SECRET_KEY") or ("" if PRODUCTION else _local_secret_key())
if not SECRET_KEY:
    raise RuntimeError("SECRET_KEY must be set when BIENPHONG_PRODUCTION is on")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "ninja",
    "bienphong.org",
    "bienphong.audit",
    "bienphong.web",
    "bienphong.notifications",
    "bienphong.documents",
    "bienphong.watchlists",
    "bienphong.health",
    "bienphong.resolutions",
    "bienphong.checkpoint",
    "bienphong.ports",
    "bienphong.exports",
    "bienphong.command",
    "bienphong.situation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bienphong.web.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "bienphong.audit.middleware.AuditContextMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bienphong.urls"
WSGI_APPLICATION = "bienphong.wsgi.application"
AUTH_USER_MODEL = "org.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bienphong.web.context_processors.navigation",
            ],
        },
    },
]

# --- Database: SQLite (WAL) embedded by default, PostgreSQL in production.
DATABASE_URL = env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'bienphong.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Persistent per-thread connections: opening one (and its PRAGMAs) per request cost
    # more than most checkpoint queries.
    DATABASES["default"]["CONN_MAX_AGE"] = 600
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue
        # instead of failing on a stale read snapshot (the audit chain needs it).
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
            "PRAGMA foreign_keys=ON;PRAGMA busy_timeout=20000;"
            "PRAGMA mmap_size=268435456;PRAGMA cache_size=-32000;PRAGMA temp_store=MEMORY;"
        ),
    }
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if env_bool("BIENPHONG_DB_PREPARED_STATEMENTS", True):
        # Server-side binding lets psycopg prepare a statement after a few uses on a
        # connection, so PostgreSQL stops re-planning the same lookups (planning cost
        # more backend CPU than running them; docs/benchmarks.md, "Checkpoint under
        # load"). Off (=0) behind a transaction-mode pooler such as PgBouncer < 1.21.
        _threshold = (env("BIENPHONG_DB_PREPARE_THRESHOLD", "2") or "2").strip()
        if not _threshold.isdigit():
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(
                f"BIENPHONG_DB_PREPARE_THRESHOLD must be a whole number, not {_threshold!r}."
            )
        DATABASES["default"]["OPTIONS"] = {
            **DATABASES["default"].get("OPTIONS", {}),
            "server_side_binding": True,
            "prepare_threshold": int(_threshold),
        }
        # Django's backend, with bulk batches kept under the 65,535 parameters a
        # server-side bound statement can carry.
        DATABASES["default"]["ENGINE"] = "bienphong.dbbackend.postgresql"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lockout: after N failures for the same user name from the same address.
AXES_FAILURE_LIMIT = int(env("BIENPHONG_LOGIN_FAILURE_LIMIT", "5") or 5)
AXES_COOLOFF_TIME = float(env("BIENPHONG_LOGIN_COOLOFF_HOURS", "0.5") or 0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# --- Internationalisation: Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "bienphong_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static files: everything served locally (gates can be offline).
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("BIENPHONG_STATIC_ROOT") or VAR_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env("BIENPHONG_MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Security: on by default; HTTPS-only settings when running in production.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(env("BIENPHONG_SESSION_HOURS", "12") or 12) * 3600
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_SSL_REDIRECT = PRODUCTION and not env_bool("BIENPHONG_BEHIND_TLS_PROXY_NO_REDIRECT")
SECURE_HSTS_SECONDS = 31536000 if PRODUCTION else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION
if env_bool("BIENPHONG_TRUST_X_FORWARDED_PROTO"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = env("BIENPHONG_EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("BIENPHONG_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("BIENPHONG_EMAIL_PORT", "25") or 25)
DEFAULT_FROM_EMAIL = env("BIENPHONG_EMAIL_FROM", "bienphong@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("BIENPHONG_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

BIENPHONG_VERSION = __import__("bienphong").__version__
