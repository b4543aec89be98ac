"""`/corrections`: the analysts' decisions about resolved records (corrections.py).

Listing is open; making or undoing one needs the write token, as `POST /documents` does.
A correction that cannot be made gets 422 with a sentence naming the bad input and what is
valid. Making one applies it at once: the records it touches carry `corrected`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ceasefire import corrections
from ceasefire.api.limits import writer_body

MAX_CORRECTION = 1_000_000  # bytes: a correction is a few names and a reason
_TEXT_KEYS = ("action", "kind", "id", "field", "target", "reason", "author")

_CORRECTION = {
    "type": "object",
    "properties": {
        "action": {"type": "string", "enum": list(corrections.ACTIONS)},
        "kind": {"type": "string", "enum": list(corrections.KINDS)},
        "id": {"type": "string", "description": "ARRANGEMENT_ID/EVENT_ID for a violation"},
        "field": {"type": ["string", "null"]},
        "value": {"description": "the new value of `field` (set)"},
        "target": {"type": ["string", "null"], "description": "arrangement (merge, move)"},
        "reason": {"type": ["string", "null"]},
        "author": {"type": "string"},
    },
    "required": ["action", "kind", "id", "author"],
}
_UNDO = {
    "type": "object",
    "properties": {"author": {"type": "string"}, "reason": {"type": ["string", "null"]}},
    "required": ["author"],
}
_ANSWERS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No valid `Authorization: Bearer <token>`."},
    403: {"description": "Writes are disabled: the server has no token."},
    422: {"description": "A bad kind, action, field, value or id; `detail` names it."},
}


def _body(name: str) -> dict[str, Any]:
    schema = _CORRECTION if name == "correction" else _UNDO
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def add_corrections(app: FastAPI) -> None:
    @app.get("/corrections", tags=["corrections"])
    def list_corrections(
        request: Request,
        orphaned: Annotated[
            bool | None, Query(description="Only those whose records are gone (or only not).")
        ] = None,
    ) -> dict[str, Any]:
        """Every correction, oldest first."""
        return {"corrections": corrections.listing(request.app.state.engine, orphaned)}

    @app.post(
        "/corrections",
        tags=["corrections"],
        status_code=201,
        openapi_extra=_body("correction"),
        responses=_ANSWERS,
    )
    async def post_correction(
        request: Request, body: Annotated[bytes, Depends(writer_body)]
    ) -> JSONResponse:
        """Record a correction and apply it; answers the correction."""
        given = _object(body)
        made = await run_in_threadpool(_add, request.app.state.engine, given)
        return JSONResponse(made, status_code=201)

    @app.post(
        "/corrections/{correction_id}/undo",
        tags=["corrections"],
        openapi_extra=_body("undo"),
        responses={**_ANSWERS, 404: {"description": "No such correction."}},
    )
    async def undo_correction(
        request: Request,
        correction_id: Annotated[int, Path(ge=1, le=2**62)],
        body: Annotated[bytes, Depends(writer_body)],
    ) -> dict[str, Any]:
        """Undo a correction: the automatic values come back."""
        given = _object(body)
        return await run_in_threadpool(_undo, request.app.state.engine, correction_id, given)


def _object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object whose text fields are text, or a 422 saying what is wrong."""
    if len(body) > MAX_CORRECTION:
        raise HTTPException(413, f"a correction is at most {MAX_CORRECTION} bytes")
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        raise HTTPException(422, "the body is not valid JSON: send a JSON object") from None
    if not isinstance(value, dict):
        raise HTTPException(422, f"the body is {type(value).__name__}, not a JSON object")
    for key in _TEXT_KEYS:
        if value.get(key) is not None and not isinstance(value[key], str):
            raise HTTPException(422, f"{key} must be text (or null), not {value[key]!r}"[:200])
    return value


def _add(engine: Any, given: dict[str, Any]) -> dict[str, Any]:
    missing = [key for key in ("action", "kind", "id", "author") if not given.get(key)]
    if missing:
        raise HTTPException(
            422, f"missing {', '.join(missing)}; a correction needs action, kind, id and author"
        )
    try:
        return corrections.add(
            engine,
            given["action"],
            given["kind"],
            given["id"],
            field=given.get("field"),
            value=given.get("value"),
            target=given.get("target"),
            reason=given.get("reason"),
            author=given["author"],
        )
    except corrections.CorrectionError as exc:
        raise HTTPException(422, str(exc)) from None


def _undo(engine: Any, correction_id: int, given: dict[str, Any]) -> dict[str, Any]:
    try:
        return corrections.undo(
            engine, correction_id, author=given.get("author") or "", reason=given.get("reason")
        )
    except corrections.CorrectionError as exc:
        status = 404 if str(exc).startswith("no correction with id") else 422
        raise HTTPException(status, str(exc)) from None
