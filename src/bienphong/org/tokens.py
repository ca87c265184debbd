"""API token format and hashing."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_PREFIX = "bp_"


def new_token() -> tuple[str, str, str]:
    """Return (token, prefix, digest). The token is shown once; only the digest is stored."""
    prefix = secrets.token_hex(4)
    token = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    return token, prefix, digest_of(token)


def digest_of(token: str) -> str:
    # Tokens carry 256 bits of randomness, so a plain SHA-256 is enough to store them.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
