"""What a caller is told when a request cannot be answered, and what the log keeps of it.

Every answer is `{"detail": "<sentence>"}`: a 4xx says what in the request to change, a 503
says what is wrong with the database (read-only, disk full, busy) without the SQL that met
it. Every 5xx is logged, with its cause, on uvicorn's error log.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from ceasefire.api.security import SECURITY_HEADERS
from ceasefire.export import ExportError
from ceasefire.filters import FilterError
from ceasefire.store.db_errors import DatabaseUnavailable
from ceasefire.store.queries import QueryError

log = logging.getLogger("uvicorn.error")


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(QueryError, _bad_query)
    app.add_exception_handler(FilterError, _bad_filter)
    app.add_exception_handler(ExportError, _bad_filter)
    app.add_exception_handler(SQLAlchemyError, _store_down)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _unexpected)


async def _bad_query(_: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=400, content={"detail": str(exc)})


async def _bad_filter(_: Request, exc: Exception) -> JSONResponse:
    """A filter or export the API cannot make: 422, the message naming the valid values."""
    return JSONResponse(status_code=422, content={"detail": str(exc)})


async def _store_down(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, DatabaseUnavailable):
        detail = str(exc)
        log.error("%s %s answered 503: %s", request.method, request.url.path, detail)
    else:
        detail = f"the database cannot answer: {exc.__class__.__name__}"
        cause = getattr(exc, "orig", None) or exc
        log.error(
            "%s %s answered 503: %s: %s",
            request.method,
            request.url.path,
            type(cause).__name__,
            str(cause).splitlines()[0] if str(cause) else "",
        )
    return JSONResponse(status_code=503, content={"detail": detail})


async def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [_problem(e) for e in exc.errors()]
    return JSONResponse(status_code=422, content={"detail": "; ".join(problems)})


def _problem(error: dict[str, Any]) -> str:
    """`field: what is wrong`; a filter check's own sentence (ceasefire.filters) names the
    field and the valid values already, and is given as it is."""
    if error["type"] == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    where = ".".join(str(p) for p in error["loc"] if p != "query")
    return f"{where}: {error['msg']}"


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """A bug: the caller gets a sentence, not the trace; Starlette raises the exception on
    after this answer, and uvicorn logs it with its traceback. This answer is made outside
    the middleware, so it carries the security headers itself."""
    log.error("%s %s answered 500: %s", request.method, request.url.path, type(exc).__name__)
    return JSONResponse(
        status_code=500,
        content={"detail": f"the server failed on this request ({type(exc).__name__})"},
        headers=SECURITY_HEADERS,
    )
