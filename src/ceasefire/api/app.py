"""The HTTP API (FastAPI; OpenAPI at /docs) and the dashboard it serves at /.

Reads are open; `POST /documents` and `POST /corrections` need the operator's bearer token,
and are refused when none is configured. Every listing is cursor-paginated (`next` gives the
following page) and every listing of things with a place can be had as GeoJSON
(`format=geojson`). Every response carries the security headers of security.py; request
bodies are limited (limits.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator
from sqlalchemy import Engine

from ceasefire import filters as checks
from ceasefire.api.corrections import add_corrections
from ceasefire.api.docs import add_docs
from ceasefire.api.errors import add_error_handlers
from ceasefire.api.exports import add_exports
from ceasefire.api.geojson import (
    arrangements_geojson,
    places_geojson,
    violations_geojson,
)
from ceasefire.api.limits import DEFAULT_MAX_BODY_MB
from ceasefire.api.security import SecurityHeaders
from ceasefire.api.threads import few_read_threads
from ceasefire.api.writes import add_writes
from ceasefire.store import queries
from ceasefire.store.queries import Filters, Page, QueryError

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]
# Filters are checked strictly (ceasefire.filters): a bad one gets 422 naming the valid values.
Since = Annotated[
    str | None,
    Query(max_length=40, description="On or after (YYYY-MM-DD)."),
    AfterValidator(lambda v: checks.check_date(v, "since")),
]
Until = Annotated[
    str | None,
    Query(max_length=40, description="On or before (YYYY-MM-DD)."),
    AfterValidator(lambda v: checks.check_date(v, "until")),
]
Format = Annotated[Literal["json", "geojson"], Query(description="json, or geojson.")]
Country = Annotated[
    str | None,
    Query(max_length=40, description="ISO 3166-1 alpha-2 code."),
    AfterValidator(checks.check_country),
]
ArrangementType = Annotated[
    str | None,
    Query(max_length=40, description="Typology type."),
    AfterValidator(checks.check_arrangement_type),
]
EventType = Annotated[
    str | None,
    Query(max_length=60, description="ACLED event type or sub-type."),
    AfterValidator(checks.check_event_type),
]
Text = Annotated[str | None, Query(max_length=200, description="Words to look for.")]
Bbox = Annotated[
    str | None, Query(description="west,south,east,north in degrees (WGS84).", max_length=100)
]


def create_app(
    engine: Engine, token: str | None = None, max_body: int = int(DEFAULT_MAX_BODY_MB * 1e6)
) -> FastAPI:
    """The application on `engine`; writes need `token`, and bodies over `max_body` bytes
    are refused (413)."""
    app = FastAPI(
        lifespan=few_read_threads,
        title="ceasefire",
        summary="Ceasefire arrangements and the violence around them, with evidence.",
        version="0.1.0",
        docs_url=None,  # served offline by add_docs
        redoc_url=None,  # ReDoc would load from a CDN
    )
    app.state.engine = engine
    app.state.token = token
    app.state.max_body = max_body
    app.add_middleware(SecurityHeaders)
    add_error_handlers(app)
    _routes(app)
    add_exports(app)
    add_writes(app)
    add_corrections(app)
    add_docs(app, app.title)
    _static(app)
    return app


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise QueryError(f"bbox {value!r} is not four numbers: west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise QueryError(f"bbox {value!r} is not west<=east in -180..180, south<=north in -90..90")
    return (west, south, east, north)


def _placed(
    bbox: Bbox = None,
    country: Country = None,
    place: Text = None,
    actor: Text = None,
    since: Since = None,
    until: Until = None,
    q: Text = None,
) -> Filters:
    """The filters that arrangements and events share; each listing adds its own `type`."""
    return Filters(_bbox(bbox), country, place, None, actor, since, until, q)


Placed = Annotated[Filters, Depends(_placed)]


def _found(record: dict[str, Any] | None, kind: str, key: str) -> dict[str, Any]:
    """The record asked for by id, or a 404 naming what was not found."""
    if record is None:
        raise HTTPException(404, f"no {kind} with id {key!r}")
    return record


def _listing(page: Page, fmt: str, to_geojson: Any = None) -> Response:
    """A page as JSON (`items`, `next`) or GeoJSON. Records are plain JSON already: they are
    written out as they are (as stored, for raw pages), not encoded field by field."""
    nxt = json.dumps(page.next)
    if fmt == "geojson":
        if page.raw and to_geojson is None:  # the items are Features already
            body = (
                f'{{"type":"FeatureCollection","features":[{",".join(page.items)}],"next":{nxt}}}'
            )
            return Response(body, media_type="application/geo+json")
        items = [json.loads(i) for i in page.items] if page.raw else page.items
        return JSONResponse(
            {**to_geojson(items), "next": page.next}, media_type="application/geo+json"
        )
    if page.raw:
        return Response(
            f'{{"items":[{",".join(page.items)}],"next":{nxt}}}', media_type="application/json"
        )
    return JSONResponse({"items": page.items, "next": page.next})


def _routes(app: FastAPI) -> None:
    @app.get("/health", tags=["service"])
    def health(request: Request) -> dict[str, Any]:
        """Is the service up, and can it read its database?"""
        counts = queries.counts(_engine(request))
        return {"status": "ok", "writes": request.app.state.token is not None, **counts}

    @app.get("/documents", tags=["documents"])
    def documents(
        request: Request,
        q: Text = None,
        language: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 100,
        cursor: Cursor = None,
    ) -> dict[str, Any]:
        """Stored documents (metadata, no text), by id."""
        f = Filters(q=q, language=language, since=since, until=until)
        return _listing(queries.list_documents(_engine(request), f, limit, cursor), "json")

    @app.get("/documents/{doc_id:path}", tags=["documents"])
    def document(request: Request, doc_id: str) -> dict[str, Any]:
        """One document with its cleaned text and its extracted records."""
        return _found(queries.get_document(_engine(request), doc_id), "document", doc_id)

    @app.get("/arrangements", tags=["arrangements"])
    def arrangements(
        request: Request,
        where: Placed,
        type: ArrangementType = None,
        full: Annotated[
            bool, Query(description="Whole records, with every mention; else summaries.")
        ] = False,
        limit: Limit = 100,
        cursor: Cursor = None,
        format: Format = "json",
    ) -> dict[str, Any]:
        """Ceasefire arrangements, first reported first; `since`/`until` select those watched
        in the period, `bbox` those whose area meets the box. Items are summaries (no
        `mentions`; actors, places and timeline entries without their evidence) unless
        `full=true`; `/arrangements/{id}` always gives the whole record."""
        f = replace(where, kind=type)
        page = queries.list_arrangements(_engine(request), f, limit, cursor, full=full)
        return _listing(page, format, arrangements_geojson)

    @app.get("/arrangements/{arrangement_id}", tags=["arrangements"])
    def arrangement(request: Request, arrangement_id: str) -> dict[str, Any]:
        """One arrangement, with its violation candidates and their count per day."""
        from ceasefire.monitor import compliance

        engine = _engine(request)
        found = _found(
            queries.get_arrangement(engine, arrangement_id), "arrangement", arrangement_id
        )
        listed = queries.list_violations(engine, Filters(arrangement=arrangement_id), 500, None)
        dates = {v["event_id"]: v["date"] for v in listed.items}
        return {**found, "violations": listed.items, "compliance": compliance(listed.items, dates)}

    @app.get("/events", tags=["events"])
    def events(
        request: Request,
        where: Placed,
        type: EventType = None,
        limit: Limit = 100,
        cursor: Cursor = None,
        format: Format = "json",
    ) -> dict[str, Any]:
        """Resolved events (one per event, however many reports), by date."""
        f = replace(where, kind=type)
        page = queries.list_events(_engine(request), f, limit, cursor, geojson=format == "geojson")
        return _listing(page, format, None)

    @app.get("/events/{event_id}", tags=["events"])
    def event(request: Request, event_id: str) -> dict[str, Any]:
        """One resolved event with every report of it."""
        return _found(queries.get_event(_engine(request), event_id), "event", event_id)

    @app.get("/violations", tags=["arrangements"])
    def violations(
        request: Request,
        arrangement: Annotated[str | None, Query(max_length=64)] = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 100,
        cursor: Cursor = None,
        format: Format = "json",
    ) -> dict[str, Any]:
        """Violation candidates, by date, each with its event's place (`point`: [lon, lat])."""
        f = Filters(arrangement=arrangement, since=since, until=until)
        page = queries.list_violations(_engine(request), f, limit, cursor)
        return _listing(page, format, violations_geojson)

    @app.get("/places", tags=["places and actors"])
    def places(
        request: Request,
        country: Country = None,
        q: Text = None,
        limit: Limit = 100,
        cursor: Cursor = None,
        format: Format = "json",
    ) -> dict[str, Any]:
        """Places where events happened, with how many."""
        page = queries.list_places(_engine(request), Filters(country=country, q=q), limit, cursor)
        return _listing(page, format, places_geojson)

    @app.get("/actors", tags=["places and actors"])
    def actors(
        request: Request, q: Text = None, limit: Limit = 100, cursor: Cursor = None
    ) -> dict[str, Any]:
        """Actors named in events, with how many."""
        page = queries.list_actors(_engine(request), Filters(q=q), limit, cursor)
        return _listing(page, "json")


def _static(app: FastAPI) -> None:
    web = Path(str(resources.files("ceasefire.web") / "static"))
    leaflet = Path(str(resources.files("js_lib_leaflet") / "static" / "js_lib_leaflet"))
    app.mount("/static/leaflet", StaticFiles(directory=leaflet), name="leaflet")
    app.mount("/static", StaticFiles(directory=web), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(web / "index.html")
