"""Who is asking and from where, for the duration of one request."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    client_address: str | None = None


current_request: ContextVar[RequestContext] = ContextVar(
    "bienphong_request_context", default=RequestContext()
)
