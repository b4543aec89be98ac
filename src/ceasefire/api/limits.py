"""How much a request may send, checked before and while its body is read.

A body is read only after its sender has shown the write token (see security.py), and never
past the limit: a declared `Content-Length` over it is refused before reading anything, and
a body without one (chunked) is counted as it arrives and refused once it goes over. So a
stranger's 200 MB costs the server nothing but the time to discard it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.requests import ClientDisconnect

from ceasefire.api.security import require_writer
from ceasefire.ingest.readers import DEFAULT_MAX_BYTES

# One document may be up to DEFAULT_MAX_BYTES (10 MB, as for `ceasefire ingest`); as JSON,
# escaping (`\uXXXX` for each character) can make its text three times longer, and its other
# fields come on top: 40 MB leaves room for one whole document of the largest size.
DEFAULT_MAX_BODY_MB = 40.0
MAX_DOCUMENT_BYTES = DEFAULT_MAX_BYTES


def _too_large(limit: int) -> HTTPException:
    return HTTPException(
        413,
        f"the request body is over the {limit / 1e6:g} MB limit of this server "
        "(`ceasefire serve --max-body`): send fewer documents at a time",
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or a 413 as soon as it is known to be over `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise _too_large(limit)
    except ClientDisconnect:
        raise HTTPException(400, "the request body was cut off before its end") from None
    return bytes(body)


async def writer_body(request: Request, _: Annotated[None, Depends(require_writer)]) -> bytes:
    """The body of a write: the token is checked first, then the body read within the limit."""
    return await read_body(request, request.app.state.max_body)
