"""`ceasefire watch --once`, run as a user runs it, against feeds and a webhook served on
127.0.0.1 by this test: entries are the demo corpus's reports, the feed changes between
rounds, an unchanged feed answers 304 to the validators it was sent, a failing feed is left
alone while backing off, and each alert reaches the webhook once, with its evidence."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from ceasefire.demo import corpus_dir
from ceasefire.store import open_store
from ceasefire.store.schema import documents
from cli_helpers import run

REPORTS = [
    "2016-05-04-levant-wire-aleppo-truce.txt",
    "2016-05-05-northern-monitor-maarat-al-numan-strike.txt",
    "2016-05-06-levant-wire-salaheddine-shelling.txt",
    "2016-05-07-northern-monitor-aleppo-calm-extended.txt",
]


@dataclass
class Site:
    """What the test's server serves and what it was asked."""

    entries: int = 2  # how many of REPORTS the feed holds now
    refuse: bool = False  # the webhook answers 500
    requests: list[dict[str, Any]] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    base: str = ""

    def asked(self, path: str) -> list[dict[str, Any]]:
        return [r for r in self.requests if r["path"] == path]


def _report(name: str) -> tuple[str, str]:
    """A demo report's headline and body."""
    text = (corpus_dir() / name).read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.strip(), body.strip()


def _feed(site: Site, short: bool = False) -> bytes:
    """An RSS feed of the first `site.entries` reports; `short` gives each entry its headline
    alone, with a link to its article page."""
    items = []
    for number, name in enumerate(REPORTS[: site.entries]):
        title, body = _report(name)
        day = name[:10]
        text = title if short else body
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>{site.base}/articles/{number}.html</link>"
            f"<guid>https://example.org/watch/{name}</guid>"
            f"<pubDate>{_rfc822(day)}</pubDate>"
            f"<description>{escape('<p>' + text.replace(chr(10) * 2, '</p><p>') + '</p>')}"
            "</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Levant Wire</title><link>{site.base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


def _rfc822(day: str) -> str:
    return formatdate(time.mktime(time.strptime(day + " 12", "%Y-%m-%d %H")), usegmt=True)


def _article(number: int) -> bytes:
    title, body = _report(REPORTS[number])
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{escape(title)}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Levant Wire</footer></body></html>"
    ).encode()


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append({"path": self.path, "at": time.monotonic(), **self.headers})
            if self.path == "/broken.rss":
                self._send(500, b"upstream down")
            elif self.path in ("/feed.rss", "/short.rss"):
                self._feed(short=self.path == "/short.rss")
            elif self.path.startswith("/articles/"):
                self._send(200, _article(int(self.path.split("/")[-1].split(".")[0])), "text/html")
            else:
                self._send(404, b"")

        def _feed(self, short: bool) -> None:
            etag = f'"v{site.entries}{"s" if short else ""}"'
            modified = formatdate(1_700_000_000 + site.entries * 3600, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                assert self.headers.get("If-Modified-Since") == modified
                self._send(304, b"", extra={"ETag": etag})
                return
            body = _feed(site, short)
            self._send(200, body, "application/rss+xml", {"ETag": etag, "Last-Modified": modified})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if site.refuse:
                self._send(500, b"")
                return
            site.alerts.append(json.loads(body))
            self._send(204, b"")

        def _send(
            self, status: int, body: bytes, kind: str = "text/plain", extra: dict | None = None
        ) -> None:
            self.send_response(status)
            for key, value in {"Content-Type": kind, **(extra or {})}.items():
                self.send_header(key, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status not in (204, 304):
                self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.base = f"http://127.0.0.1:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state
    server.shutdown()
    server.server_close()


def _stored(db: str) -> int:
    with open_store(db).connect() as conn:
        return conn.execute(select(func.count()).select_from(documents)).scalar_one()


def _watch(db: str, *args: str) -> Any:
    result = run("watch", *args, "--once", "--db", db, "--host-delay", "0")
    assert result.returncode == 0, result.stderr
    return result


def test_watch_ingests_once_honours_304_backs_off_and_alerts_once(
    site: Site, tmp_path: Path
) -> None:
    db = str(tmp_path / "watch.db")
    config = tmp_path / "watch.toml"
    config.write_text(
        f'feeds = ["{site.base}/feed.rss", {{ url = "{site.base}/broken.rss" }}]\n'
        f'webhook = "{site.base}/hook"\nbackoff = "10m"\n[thresholds]\nviolations = 2\n',
        encoding="utf-8",
    )
    first = _watch(db, "--config", str(config))
    assert _stored(db) == 2
    assert "broken.rss: HTTP 500; next try after" in first.stderr
    assert all(r["User-Agent"].startswith("ceasefire/") for r in site.requests)
    announced = [a for a in site.alerts if a["alert"] == "announced"]
    assert announced and "violations" not in {a["alert"] for a in site.alerts}, first.stderr
    for alert in announced:
        assert alert["arrangement"]["id"] == alert["key"].split(":")[1]
        assert alert["evidence"]["text"] and alert["evidence"]["document_id"]
    assert "alert: announced" in first.stderr
    sent = len(site.alerts)

    second = _watch(db, "--config", str(config))  # nothing changed; the broken feed rests
    assert len(site.asked("/broken.rss")) == 1
    assert "broken.rss: backing off until" in second.stderr
    conditional = site.asked("/feed.rss")[-1]
    assert conditional["If-None-Match"] == '"v2"' and conditional["If-Modified-Since"]
    assert "feed.rss: not modified" in second.stderr
    assert _stored(db) == 2 and len(site.alerts) == sent

    site.entries = 4  # two more reports: the truce is broken and extended
    third = _watch(db, "--config", str(config))
    assert _stored(db) == 4, third.stderr
    assert "4 entries, 2 new" in third.stderr
    fresh = site.alerts[sent:]
    kinds = {a["alert"] for a in fresh}
    assert {"violations", "status_changed"} <= kinds, third.stderr
    changed = next(a for a in fresh if a["alert"] == "status_changed")
    assert changed["arrangement"]["status"] == "extended" and changed["previous_status"]
    threshold = next(a for a in fresh if a["alert"] == "violations")
    assert threshold["event"]["id"] and threshold["violations"] >= 2
    assert threshold["evidence"]["text"] == threshold["event"]["evidence"]["text"]
    assert all(a["evidence"]["text"] for a in fresh)

    _watch(db, "--config", str(config))
    assert site.asked("/feed.rss")[-1]["If-None-Match"] == '"v4"'
    keys = [a["key"] for a in site.alerts]
    assert len(keys) == len(set(keys)), keys  # no alert fired twice
    assert _stored(db) == 4


def test_an_alert_the_webhook_refused_is_posted_next_round(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "refused.db")
    feed, hook = f"{site.base}/feed.rss", f"{site.base}/hook"
    site.refuse = True
    first = _watch(db, feed, "--webhook", hook)
    assert "alert: announced" in first.stderr and "answered HTTP 500" in first.stderr
    assert site.alerts == []
    site.refuse = False
    second = _watch(db, feed, "--webhook", hook)
    assert "feed.rss: not modified" in second.stderr
    assert [a["alert"] for a in site.alerts] and {a["alert"] for a in site.alerts} == {"announced"}
    posted = len(site.alerts)
    _watch(db, feed, "--webhook", hook)
    assert len(site.alerts) == posted


def test_watch_fetches_article_pages_politely(site: Site, tmp_path: Path) -> None:
    db = str(tmp_path / "pages.db")
    result = run(
        "watch",
        f"{site.base}/short.rss",
        "--once",
        "--fetch-pages",
        "--host-delay",
        "0.3",
        "--db",
        db,
    )
    assert result.returncode == 0, result.stderr
    asked = site.requests
    assert [r["path"] for r in asked] == ["/short.rss", "/articles/0.html", "/articles/1.html"]
    gaps = [b["at"] - a["at"] for a, b in itertools.pairwise(asked)]
    assert min(gaps) >= 0.29, gaps
    stored = open_store(db)
    with stored.connect() as conn:
        texts = [row[0] for row in conn.execute(select(documents.c.text))]
    assert any("Salaheddine" in t or "cessation of hostilities" in t for t in texts)
    assert not any("Home | World" in t for t in texts)


def test_watch_refuses_a_bad_setting(tmp_path: Path) -> None:
    result = run("watch", "ftp://example.org/feed", "--once", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "is not an http:// or https:// URL" in result.stderr
    result = run("watch", "http://127.0.0.1:9/f", "--every", "soon", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 2 and "'soon' is not a period" in result.stderr
