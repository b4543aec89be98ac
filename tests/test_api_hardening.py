"""The HTTP API under hostile and heavy use, against a real `ceasefire serve` process: bodies
too large or sent without the token, bare tokens, security headers and offline docs, forged
cursors, concurrent writers. Databases that cannot be written are in test_store_errors.py."""

from __future__ import annotations

import base64
import json
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import httpx
import pytest

from api_server import Server, build_demo, server

TOKEN = "hardening-token-5678"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MB = 1024 * 1024
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


PLACES = ["Aleppo", "Idlib", "Homs", "Hama", "Daraa", "Douma", "Latakia"]
WEAPONS = ["barrel bombs", "artillery shells", "rockets", "mortar rounds", "air strikes"]
SITES = ["a bakery", "a hospital", "a school", "a mosque", "a market", "a water station"]
SITES += ["a clinic", "a bus station", "a camp for the displaced"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
WITNESSES = ["witnesses", "the civil defence", "the local council", "medics", "residents"]
WITNESSES += ["an activist network", "the health directorate", "a hospital director"]
WITNESSES += ["rescue workers", "a monitoring group", "a nurse"]


def report(doc_id: str, n: int = 2) -> dict[str, str]:
    """A short report of an attack; for n from 2 to 69 no two are near-duplicates (the word
    3-shingles of any two overlap by 27 % at most, the threshold is 50 %)."""
    text = (
        f"{WEAPONS[n % 5].capitalize()} hit {SITES[n % 9]} in {PLACES[n % 7]} on "
        f"{DAYS[n % 6]}, killing {n} civilians, {WITNESSES[n % 11]} said."
    )
    return {"id": doc_id, "published": "2016-05-06", "text": text}


def copy_db(source: Path, target: Path) -> Path:
    """A whole copy of a SQLite database (what is still in its WAL file too)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def stream(total: int, chunk: int = MB) -> Iterator[bytes]:
    """`total` bytes as a chunked body (no Content-Length): JSON's opening bracket, then
    blanks, as a client sending one enormous list would."""
    sent = 0
    while sent < total:
        part = min(chunk, total - sent)
        yield (b"[" + b" " * (part - 1)) if sent == 0 else b" " * part
        sent += part


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("hardening"))


@pytest.fixture(scope="module")
def api(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with a token and the default limits, on a copy of the demo database."""
    db = copy_db(demo_db, tmp_path_factory.mktemp("api") / "api.db")
    with server(db, TOKEN) as running:
        yield running


@pytest.fixture
def small_limit(demo_db: Path, tmp_path: Path) -> Iterator[Server]:
    """A server that accepts bodies of at most 50,000 bytes."""
    with server(copy_db(demo_db, tmp_path / "small.db"), TOKEN, "--max-body", "0.05") as s:
        yield s


# 1. Bodies: the token before the body, the limit before and while reading.


def test_a_huge_body_without_the_token_is_refused_unread(api: Server) -> None:
    before = api.rss_mb()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        refused = httpx.post(
            f"{api.base}/documents", content=stream(200 * MB), headers=headers, timeout=120
        )
        assert refused.status_code == 401, refused.text
        assert refused.headers["WWW-Authenticate"] == "Bearer"
    grown = api.rss_mb() - before
    assert grown < 100, f"the server grew by {grown:.0f} MB reading bodies it refused"
    assert httpx.get(f"{api.base}/health").status_code == 200


def test_a_body_over_the_default_limit_gets_413_with_the_token(api: Server) -> None:
    before = api.rss_mb()
    chunked = httpx.post(f"{api.base}/documents", content=stream(200 * MB), headers=AUTH)
    assert chunked.status_code == 413, chunked.text
    assert "40 MB limit" in chunked.json()["detail"]
    declared = httpx.post(
        f"{api.base}/documents",
        content=stream(200 * MB),
        headers={**AUTH, "Content-Length": str(200 * MB)},
        timeout=120,
    )
    assert declared.status_code == 413, declared.text
    assert api.rss_mb() - before < 100


def _padded(doc: dict, size: int) -> bytes:
    """A JSON body of exactly `size` bytes: the document, then blanks."""
    body = json.dumps(doc).encode()
    assert len(body) <= size
    return body + b" " * (size - len(body))


def test_a_body_at_the_limit_is_accepted_and_one_byte_more_is_not(small_limit: Server) -> None:
    limit = 50_000
    base = small_limit.base
    at_limit = httpx.post(
        f"{base}/documents", content=_padded(report("edge-1"), limit), headers=AUTH, timeout=60
    )
    assert at_limit.status_code == 200, at_limit.text
    assert at_limit.json()["new"] == 1
    chunked_at_limit = httpx.post(
        f"{base}/documents",
        content=iter([_padded(report("edge-2", 3), limit)]),
        headers=AUTH,
        timeout=60,
    )
    assert chunked_at_limit.status_code == 200, chunked_at_limit.text
    over = _padded(report("edge-3", 4), limit + 1)
    assert httpx.post(f"{base}/documents", content=over, headers=AUTH).status_code == 413
    over_chunked = httpx.post(f"{base}/documents", content=iter([over]), headers=AUTH)
    assert over_chunked.status_code == 413
    assert "0.05 MB limit" in over_chunked.json()["detail"]
    assert httpx.get(f"{base}/documents/edge-1").status_code == 200
    assert httpx.get(f"{base}/documents/edge-2").status_code == 200
    assert httpx.get(f"{base}/documents/edge-3").status_code == 404


def test_a_document_over_the_per_document_limit_fails_alone(api: Server) -> None:
    huge = {"id": "huge-1", "text": "Shelling hit Aleppo on Friday. " * 340_000}  # 10.5 MB
    body = [report("beside-huge"), huge]
    answer = httpx.post(f"{api.base}/documents", json=body, headers=AUTH, timeout=120)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["new"] == 1
    [failed] = result["failed"]
    assert failed["position"] == 2 and failed["id"] == "huge-1"
    assert "over the 10 MB limit for one document" in failed["reason"]
    assert httpx.get(f"{api.base}/documents/huge-1").status_code == 404
    assert httpx.get(f"{api.base}/documents/beside-huge").status_code == 200


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"[" * 100_000, "nested too deeply"),
        (b'{"id": 1' + b"9" * 5000 + b"}", "not usable JSON"),
        (b'{"id": "unclosed', "not valid JSON"),
        (b'"just a string"', "str, not a document"),
        (b"\xff\xfe\x00garbage", "not"),
    ],
)
def test_a_body_that_is_not_documents_gets_a_sentence(
    api: Server, body: bytes, detail: str
) -> None:
    answer = httpx.post(f"{api.base}/documents", content=body, headers=AUTH, timeout=60)
    assert answer.status_code == 422, answer.text
    assert detail in answer.json()["detail"]


# 2. The token: only as a bearer token.


def test_a_bare_token_is_refused_and_a_bearer_token_of_any_case_accepted(api: Server) -> None:
    for given in (TOKEN, f"Basic {TOKEN}", f"Bearer{TOKEN}", f"Bearer {TOKEN}x", "Bearer"):
        refused = httpx.post(
            f"{api.base}/documents", json=report("bare"), headers={"Authorization": given}
        )
        assert refused.status_code == 401, given
        assert refused.headers["WWW-Authenticate"] == "Bearer"
    accepted = httpx.post(
        f"{api.base}/documents",
        json=report("lower-case-scheme"),
        headers={"Authorization": f"bearer {TOKEN}"},
        timeout=60,
    )
    assert accepted.status_code == 200, accepted.text
    assert httpx.get(f"{api.base}/documents/bare").status_code == 404


# 3. Headers on every response, and docs that load nothing from elsewhere.

SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/health", 200),
        ("GET", "/events", 200),
        ("GET", "/static/app.js", 200),
        ("GET", "/static/leaflet/leaflet.js", 200),
        ("GET", "/docs", 200),
        ("GET", "/openapi.json", 200),
        ("GET", "/events/no-such-event", 404),
        ("GET", "/events?limit=0", 422),
        ("POST", "/documents", 401),
    ],
)
def test_every_response_has_the_security_headers(
    api: Server, method: str, path: str, status: int
) -> None:
    answer = httpx.request(method, f"{api.base}{path}", timeout=30)
    assert answer.status_code == status
    for name in SECURITY:
        assert answer.headers.get(name), f"{path} has no {name}"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    policy = answer.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy


def test_docs_are_served_from_this_server_alone(api: Server) -> None:
    page = httpx.get(f"{api.base}/docs")
    assert page.status_code == 200
    assert not re.search(r"https?://", page.text), "the docs page names another host"
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert {"swagger-ui-bundle.js", "swagger-ui.css"} <= {a.rsplit("/", 1)[-1] for a in assets}
    for asset in assets:
        assert asset.startswith("/"), asset
        fetched = httpx.get(f"{api.base}{asset}")
        assert fetched.status_code == 200 and len(fetched.content) > 500, asset
    assert httpx.get(f"{api.base}/redoc").status_code == 404  # ReDoc would need a CDN


def _browse(base: str, path: str, ready: str) -> tuple[list[str], int]:
    """What went wrong on the page (console errors, failed or outside requests), and how
    many `ready` elements it drew."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(base) else problems.append(r.url))
        page.on(
            "response",
            lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page.goto(base + path)
        page.wait_for_selector(ready, state="attached", timeout=30_000)
        page.wait_for_load_state("networkidle")
        drawn = page.locator(ready).count()
        browser.close()
    # a browser asks for /favicon.ico by itself, and logs the 404
    unasked = ("/favicon.ico", "Failed to load resource")
    return [p for p in problems if not any(u in p for u in unasked)], drawn


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium (scripts/test installs it)")
@pytest.mark.parametrize(
    ("path", "ready"), [("/docs", ".opblock"), ("/", "#status[data-ready=true]")]
)
def test_pages_work_under_their_policy(api: Server, path: str, ready: str) -> None:
    problems, drawn = _browse(api.base, path, ready)
    assert drawn >= 1
    assert problems == [], problems  # a refused script or style shows here


# 4. Cursors: anything this API did not give is a 400 with a sentence.


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        _b64(b"[" * 5000),  # nested deeper than the parser recurses
        _b64(b"[" * 5000 + b"]" * 5000),
        _b64(json.dumps(["x" * 9000]).encode()),  # far longer than any sort key
        "%%%not*base64!!",
        _b64(b"\xff\xfe not utf-8"),
        _b64(b'["\\u0000", "a"]'),  # NUL: PostgreSQL cannot compare it
        _b64(b'["\\ud800", "a"]'),  # a lone surrogate: no database can hold it
        _b64(b"[1, 2]"),
        _b64(b'{"a": 1}'),
        _b64(b"1" * 5000),  # an integer of thousands of digits
    ],
)
def test_forged_cursors_get_400(api: Server, cursor: str) -> None:
    for path in ("/events", "/documents", "/places"):
        answer = httpx.get(f"{api.base}{path}", params={"cursor": cursor}, timeout=30)
        assert answer.status_code == 400, (path, answer.text)
        detail = answer.json()["detail"]
        assert detail.startswith("cursor") and "not one this API gave" in detail
        assert len(detail) < 200


# 6. Writers at once: queued, written together, each told what became of its own documents.


def _writer_post(n: int) -> list[dict]:
    """Two new reports, one stored before unchanged, one stored before and changed, and one
    with no text."""
    return [
        report(f"writer-{n}-new-a", 34 + n),
        report(f"writer-{n}-new-b", 50 + n),
        {"id": f"writer-{n}-bad"},
        report(f"writer-{n}-old", 2 + n),
        {**report(f"writer-{n}-changed", 18 + n), "title": "Corrected"},
    ]


def test_sixteen_writers_at_once_are_each_answered_for_their_own_documents(
    demo_db: Path, tmp_path: Path
) -> None:
    writers = 16
    db = copy_db(demo_db, tmp_path / "writers.db")
    answers: list[httpx.Response] = []
    with server(db, TOKEN) as running:
        earlier = [report(f"writer-{n}-old", 2 + n) for n in range(writers)]
        earlier += [report(f"writer-{n}-changed", 18 + n) for n in range(writers)]
        first = httpx.post(f"{running.base}/documents", json=earlier, headers=AUTH, timeout=120)
        assert first.status_code == 200, first.text
        assert (first.json()["new"], first.json()["duplicates"]) == (2 * writers, 0)
        before = httpx.get(f"{running.base}/health").json()["documents"]

        def post(n: int) -> None:
            answers.append(
                httpx.post(
                    f"{running.base}/documents", json=_writer_post(n), headers=AUTH, timeout=300
                )
            )

        threads = [threading.Thread(target=post, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(a.status_code for a in answers) == [200] * writers, [
            a.text for a in answers if a.status_code != 200
        ]
        for answer in answers:
            result = answer.json()
            n = int(result["failed"][0]["id"].split("-")[1])
            assert result["failed"] == [
                {"position": 3, "id": f"writer-{n}-bad", "reason": result["failed"][0]["reason"]}
            ]
            counts = {k: result[k] for k in ("new", "updated", "unchanged", "duplicates")}
            assert counts == {"new": 2, "updated": 1, "unchanged": 1, "duplicates": 0}, result
        results = [a.json() for a in answers]
        # A run shared by n POSTs is in each of their answers: a 1/n share of each adds up to
        # the documents resolved. Run side by side instead (as before), POSTs resolved the
        # same pending documents over again, and the shares added up to more.
        shares = sum(
            Fraction(r["resolved"]["documents"], r["resolved"].get("requests", 1)) for r in results
        )
        assert shares == 3 * writers  # the new and the changed ones
        assert max(r["resolved"]["requests"] for r in results) > 1  # the waiting went together
        after = httpx.get(f"{running.base}/health").json()["documents"]
        assert after == before + 2 * writers
        for n in range(writers):
            stored = httpx.get(f"{running.base}/documents/writer-{n}-changed").json()
            assert stored["title"] == "Corrected"
        log = running.log.read_text()
    with sqlite3.connect(db) as conn:
        pending = conn.execute("SELECT count(*) FROM documents WHERE resolved = 0").fetchone()
    assert pending == (0,)
    assert "answered 5" not in log and "Traceback" not in log, log
