"""Who is asking and from where, for the duration of one request."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    client_address: str | None = None


EMPTY_CONTEXT = RequestContext()
current_request: ContextVar[RequestContext | None] = ContextVar(
    "bienphong_request_context", default=None
)


def request_context() -> RequestContext:
    return current_request.get() or EMPTY_CONTEXT
