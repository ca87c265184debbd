"""The JSON API under /api/v1/, and the one error shape it answers with."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

import bienphong
from bienphong.api_auth import API_AUTH
from bienphong.audit.api import router as audit_router
from bienphong.checkpoint.api import router as checkpoint_router
from bienphong.command.api import router as stats_router
from bienphong.documents.api import router as documents_router
from bienphong.errors import DomainError, fields_from_django
from bienphong.exports.api import router as exports_router
from bienphong.health.api import router as health_router
from bienphong.org.api import router as org_router
from bienphong.ports.api import router as ports_router
from bienphong.resolutions.api import router as resolutions_router
from bienphong.situation.api import incidents_router as situation_incidents_router
from bienphong.situation.api import reports_router as situation_reports_router
from bienphong.watchlists.api import screening_router, watchlists_router

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="bienphong API",
    version="1",
    description=(
        "Exit-entry control and command system of the provincial Border Guard. "
        "Authenticate with `Authorization: Bearer <token>` (create tokens with "
        "`bienphong token create` or on the account page) or with the browser session. "
        'Every error has the shape `{"error": {"code", "message", "fields"}}`.'
    ),
    auth=API_AUTH,
    urls_namespace="api-v1",
)


def error_response(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    fields: dict[str, list[str]] | None = None,
) -> HttpResponse:
    body = {"error": {"code": code, "message": str(message), "fields": fields or {}}}
    return api.create_response(request, body, status=status)


def _field_name(loc: list[Any]) -> str:
    # ninja prefixes locations with the parameter source ("body", "query", "path").
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form", "payload")]
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, list[str]] = {}
    for err in exc.errors:
        fields.setdefault(_field_name(list(err.get("loc", []))), []).append(
            str(err.get("msg", _("Invalid value.")))
        )
    return error_response(request, 422, "validation_error", _("Some fields are not valid."), fields)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return error_response(request, exc.status, exc.code, str(exc.message), exc.fields)


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    return error_response(
        request, 400, "validation_error", _("Some fields are not valid."), fields_from_django(exc)
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "unauthenticated", _("Sign in or send a valid API token."))


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(
        request, 404, "not_found", _("Not found, or you do not have access to it.")
    )


@api.exception_handler(DjangoPermissionDenied)
def on_forbidden(request: HttpRequest, exc: DjangoPermissionDenied) -> HttpResponse:
    return error_response(
        request, 403, "permission_denied", _("You do not have permission to do this.")
    )


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    codes = {
        400: "bad_request",
        401: "unauthenticated",
        403: "permission_denied",
        404: "not_found",
        405: "method_not_allowed",
        409: "conflict",
        429: "too_many_requests",
    }
    return error_response(request, exc.status_code, codes.get(exc.status_code, "error"), str(exc))


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("unexpected API error", exc_info=exc)
    return error_response(
        request, 500, "server_error", _("An unexpected error occurred; it has been logged.")
    )


class HealthOut(Schema):
    status: str
    database: bool
    migrations_applied: bool
    version: str


def _pending_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


@api.get("/health", auth=None, response={200: HealthOut, 503: HealthOut}, tags=["system"])
def health(request: HttpRequest) -> Status[dict[str, Any]]:
    """Is the service able to work: database reachable, migrations applied."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = True
        applied = _pending_migrations() == 0
    except Exception:  # health reports the failure instead of raising it
        logger.exception("health check failed")
        database, applied = False, False
    ok = database and applied
    body = {
        "status": "ok" if ok else "degraded",
        "database": database,
        "migrations_applied": applied,
        "version": bienphong.__version__,
    }
    return Status(200 if ok else 503, body)


api.add_router("", org_router)
api.add_router("/audit", audit_router)
api.add_router("/documents", documents_router)
api.add_router("", checkpoint_router)
api.add_router("/screening", screening_router)
api.add_router("/watchlists", watchlists_router)
api.add_router("/health-control", health_router)
api.add_router("/resolutions", resolutions_router)
api.add_router("", ports_router)
api.add_router("/stats", stats_router)
api.add_router("/exports", exports_router)
api.add_router("", situation_incidents_router)
api.add_router("", situation_reports_router)
