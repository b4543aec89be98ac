"""`POST /documents`: token first, then the body (within its limit), then one write at a time.

Each write ingests its documents and resolves what is pending. Run side by side, writes
would each hold SQLite's single writer lock in turn, past the busy timeout when there are
many, and resolve the same pending documents over again. So this process queues its writes:
one at a time is written, and the POSTs that arrived meanwhile are written next, together,
sharing one resolution run (see `ingest_together`). A POST waits for its turn without holding
a worker thread, which reads keep using.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from ceasefire.api.ingest import document_ids, ingest_together
from ceasefire.api.limits import writer_body
from ceasefire.api.threads import few_reads_meanwhile

MAX_POST = 1000  # documents in one POST, and in one group of POSTs written together

_DOCUMENT = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "html": {"type": "string"},
        "title": {"type": "string"},
        "published": {"type": "string", "description": "YYYY-MM-DD, or a date with a time"},
        "url": {"type": "string"},
        "outlet": {"type": "string"},
        "author": {"type": "string"},
    },
    "required": ["id"],
}
_REQUEST_BODY = {
    "required": True,
    "description": "One document or a list: {id, text or html, title, published, ...}",
    "content": {
        "application/json": {
            "schema": {"anyOf": [_DOCUMENT, {"type": "array", "items": _DOCUMENT}]}
        }
    },
}
_ANSWERS: dict[int | str, dict[str, Any]] = {
    400: {"description": "No documents, or more than 1000."},
    401: {"description": "No valid `Authorization: Bearer <token>`."},
    403: {"description": "Writes are disabled: the server has no token."},
    413: {"description": "The body is over the server's limit (`--max-body`)."},
    422: {"description": "The body is not JSON, or not a document or a list."},
    503: {"description": "The database cannot be written (read-only, disk full, busy)."},
}


def add_writes(app: FastAPI) -> None:
    app.state.writes = WriteQueue(app.state.engine)

    @app.post(
        "/documents",
        tags=["documents"],
        openapi_extra={"requestBody": _REQUEST_BODY},
        responses=_ANSWERS,
    )
    async def post_documents(
        request: Request, body: Annotated[bytes, Depends(writer_body)]
    ) -> dict[str, Any]:
        """Ingest, extract and resolve documents; bad ones are reported, the rest stored.
        `resolved` counts the resolution run that took them in, which POSTs that arrived
        while another was being written share (`requests` says how many)."""
        items = await run_in_threadpool(parse_documents, body)
        return await request.app.state.writes.write(items)


def _future() -> asyncio.Future:
    return asyncio.get_running_loop().create_future()


@dataclass
class _Waiting:
    items: list[Any]
    ids: list[str] | None  # None: an id repeats within this POST
    answer: asyncio.Future = field(default_factory=_future)


class WriteQueue:
    """POSTs waiting to be written. Whichever waiting POST gets the lock writes the POSTs
    waiting then, together (up to MAX_POST documents, and none sharing an id), and hands each
    its answer; then the next group, until its own is written."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.lock = asyncio.Lock()
        self.waiting: list[_Waiting] = []
        self.thread: anyio.CapacityLimiter | None = None  # made in the event loop

    async def write(self, items: list[Any]) -> dict[str, Any]:
        mine = _Waiting(items, document_ids(items))
        self.waiting.append(mine)
        async with self.lock:
            while not mine.answer.done():
                await self._write_group(self._next_group())
        return mine.answer.result()

    def _next_group(self) -> list[_Waiting]:
        size, seen, count = 0, set[str](), 0
        for entry in self.waiting:
            alone = entry.ids is None or not seen.isdisjoint(entry.ids)
            if count and (alone or size + len(entry.items) > MAX_POST):
                break
            size, count = size + len(entry.items), count + 1
            seen.update(entry.ids or ())
        group, self.waiting = self.waiting[:count], self.waiting[count:]
        return group

    async def _write_group(self, group: list[_Waiting]) -> None:
        posts = [entry.items for entry in group]
        self.thread = self.thread or anyio.CapacityLimiter(1)
        try:
            with few_reads_meanwhile():
                answers = await anyio.to_thread.run_sync(
                    ingest_together, self.engine, posts, limiter=self.thread
                )
        except Exception as exc:  # the database failed them all: each caller is told
            for entry in group:
                entry.answer.set_exception(exc)
            return
        except BaseException:  # cancelled, as the server stops
            for entry in group:
                entry.answer.set_exception(_gone())
            raise
        for entry, answer in zip(group, answers, strict=True):
            entry.answer.set_result(answer)


def _gone() -> HTTPException:
    return HTTPException(503, "the server stopped before these documents were written")


def parse_documents(body: bytes) -> list[Any]:
    """The posted documents as objects: a JSON object is one, a JSON array a list of them."""
    try:
        value = json.loads(body)
    except RecursionError:
        raise HTTPException(422, "the body is not usable JSON: nested too deeply") from None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise HTTPException(422, f"the body is not valid JSON: {exc.msg} at {where}") from None
    except ValueError as exc:  # not UTF-8, or a number of thousands of digits
        raise HTTPException(422, f"the body is not usable JSON: {exc}") from None
    if not isinstance(value, dict | list):
        kind = type(value).__name__
        raise HTTPException(422, f"the body is {kind}, not a document (an object) or a list")
    items = value if isinstance(value, list) else [value]
    if not items or len(items) > MAX_POST:
        raise HTTPException(400, f"send 1 to {MAX_POST} documents at a time, not {len(items)}")
    return items
