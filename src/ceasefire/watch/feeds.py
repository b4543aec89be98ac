"""Asking feeds politely: a User-Agent naming the project, conditional GET (each feed's
ETag and Last-Modified kept in the database), one request at a time to a host with a pause
between two, and a feed that fails (5xx, timeout, refused) left alone for a while that
doubles with each failure in a row."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import Engine, insert, select, update

from ceasefire import __version__
from ceasefire.store.schema import feeds

USER_AGENT = f"ceasefire/{__version__} (ceasefire feed watcher; news about ceasefires)"


@dataclass(slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    errors: int = 0
    retry_after: float | None = None
    last_polled: float | None = None
    last_status: int | None = None

    def due(self, now: float) -> bool:
        """Not backing off from a failure."""
        return self.retry_after is None or now >= self.retry_after


@dataclass(slots=True)
class Fetched:
    """One answer: the status (0 when no answer came), the body when 200, and why not."""

    status: int
    body: bytes = b""
    problem: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == 0 or self.status >= 400


class FeedStates:
    """Each feed's validators and backoff, in the `feeds` table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        return FeedState(**dict(row)) if row else FeedState(url)

    def save(self, state: FeedState) -> None:
        values = {k: getattr(state, k) for k in FeedState.__slots__ if k != "url"}
        with self.engine.begin() as conn:
            done = conn.execute(update(feeds).where(feeds.c.url == state.url).values(**values))
            if done.rowcount == 0:
                conn.execute(insert(feeds).values(url=state.url, **values))


class Pacer:
    """At least `delay` seconds between two requests to one host, within one process."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        if host in self.last:
            pause = self.last[host] + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self.last[host] = time.monotonic()


def client(timeout: float) -> httpx.Client:
    return httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True)


def get(
    http: httpx.Client, pacer: Pacer, url: str, headers: dict[str, str] | None = None
) -> Fetched:
    """GET a URL after the host's pause; network failures are an answer of status 0."""
    pacer.wait(url)
    try:
        response = http.get(url, headers=headers or {})
    except httpx.HTTPError as exc:
        return Fetched(0, problem=f"{type(exc).__name__}: {exc}"[:300])
    if response.status_code == 200:
        return Fetched(200, response.content)
    return Fetched(response.status_code, problem=f"HTTP {response.status_code}")


def _retry_after(response: Any) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.strip().isdigit() else None


def conditional(state: FeedState) -> dict[str, str]:
    """The validators of the feed's last answer, so that an unchanged feed answers 304."""
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers


def fetch_feed(
    http: httpx.Client, pacer: Pacer, state: FeedState, backoff: float, max_backoff: float
) -> Fetched:
    """Ask a feed, conditionally, and note in `state` what came of it: new validators on a
    200, nothing on a 304, a longer pause after each failure in a row."""
    now = time.time()
    pacer.wait(state.url)
    try:
        response = http.get(state.url, headers=conditional(state))
    except httpx.HTTPError as exc:
        state.last_status = 0
        _failed(state, now, backoff, max_backoff, None)
        return Fetched(0, problem=f"{type(exc).__name__}: {exc}"[:300])
    state.last_polled, state.last_status = now, response.status_code
    if response.status_code >= 400:
        _failed(state, now, backoff, max_backoff, _retry_after(response))
        return Fetched(response.status_code, problem=f"HTTP {response.status_code}")
    state.errors, state.retry_after = 0, None
    if response.status_code == 304:
        return Fetched(304)
    state.etag = response.headers.get("ETag") or state.etag
    state.last_modified = response.headers.get("Last-Modified") or state.last_modified
    return Fetched(response.status_code, response.content)


def _failed(
    state: FeedState, now: float, backoff: float, max_backoff: float, asked: float | None
) -> None:
    """Back off: `backoff` seconds after one failure, twice that after two, ..., at most
    `max_backoff`, and no sooner than the server's Retry-After."""
    state.errors += 1
    state.last_polled = now
    pause = min(backoff * 2 ** (state.errors - 1), max_backoff)
    state.retry_after = now + max(pause, asked or 0.0)
