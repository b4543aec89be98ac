"""Who may write, and the headers every response carries.

The dashboard and the API docs load only their own files (Leaflet and Swagger UI come from
Python packages and are served from here), so the content security policy allows this origin
alone: no inline scripts or styles, no other hosts, no framing. The docs page has one inline
script, FastAPI's Swagger UI starter, which its own policy allows by hash (see docs.py).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Header, HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


def content_security_policy(script_src: str = "'self'") -> str:
    """The policy of every page; the docs page widens `script-src` by one hash."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": content_security_policy(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
_RAW_HEADERS = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response; a header the response
    set itself is kept (the docs page sets its own policy)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in _RAW_HEADERS if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def require_writer(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> None:
    """Writes need `Authorization: Bearer <token>`; with no token configured there are none.

    Only the header is looked at: a request that fails here is answered before a byte of
    its body is read. The token is compared in constant time.
    """
    token: str | None = request.app.state.token
    if token is None:
        raise HTTPException(403, "writes are disabled: the server was started without a token")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        given.strip().encode(), token.encode()
    ):
        raise HTTPException(
            401,
            "a valid bearer token is needed to write: send `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )
