"""`GET /export/{kind}.{format}`: the export `ceasefire export` writes, as a download.

The file is written by `ceasefire.export.write_export` into a temporary file (rows are
streamed from the store, never held whole), then sent and deleted.
"""

from __future__ import annotations

import os
import tempfile
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ceasefire.export import MEDIA_TYPES, write_export
from ceasefire.export import Request as ExportRequest

Filter = Annotated[str | None, Query(max_length=200)]


def add_exports(app: FastAPI) -> None:
    @app.get(
        "/export/{kind}.{format}",
        tags=["exports"],
        response_class=FileResponse,
        responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
    )
    def export(
        request: Request,
        kind: str,
        format: str,
        type: Filter = None,
        since: Filter = None,
        until: Filter = None,
        country: Filter = None,
        place: Filter = None,
        actor: Filter = None,
        arrangement: Filter = None,
    ) -> FileResponse:
        """Every record of a kind (events, arrangements, characterizations, mentions,
        violations, displacement, documents) as csv, jsonl, geojson, parquet or xlsx, with
        the listings' filters; docs/exports.md lists the columns. A filter that is not valid
        (or not one of this kind's) gets 422 naming the valid values."""
        wanted = ExportRequest(kind, format, type, since, until, country, place, actor, arrangement)
        wanted.checked()
        handle, path = tempfile.mkstemp(prefix="ceasefire-export-", suffix=f".{format}")
        try:
            with os.fdopen(handle, "wb") as out:
                write_export(request.app.state.engine, wanted, out)
        except BaseException:
            os.unlink(path)
            raise
        return FileResponse(
            path,
            media_type=MEDIA_TYPES[format],
            filename=f"{kind}.{format}",
            background=BackgroundTask(os.unlink, path),
        )
