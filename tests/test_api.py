"""The HTTP API, served for real on 127.0.0.1 over the demo database."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_demo, serving

TOKEN = "test-token-1234"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def api(demo_db: Path) -> Iterator[str]:
    """A read-only server (no token)."""
    with serving(demo_db) as base:
        yield base


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path) -> Iterator[str]:
    """A server with a token, on a copy of the demo database."""
    db = tmp_path / "write.db"
    shutil.copy(demo_db, db)
    with serving(db, TOKEN) as base:
        yield base


def get(base: str, path: str, **params: object) -> httpx.Response:
    return httpx.get(f"{base}{path}", params=params, timeout=30)


def test_health_and_openapi(api: str) -> None:
    health = get(api, "/health").json()
    assert health["status"] == "ok" and health["writes"] is False
    assert health["arrangements"] >= 7 and health["documents"] == 35
    schema = get(api, "/openapi.json").json()
    assert {"/arrangements", "/events", "/violations", "/places", "/actors", "/documents"} <= set(
        schema["paths"]
    )
    from openapi_spec_validator import validate

    validate(schema)  # raises on an invalid OpenAPI document
    assert get(api, "/docs").status_code == 200


def test_listings_and_single_records(api: str) -> None:
    arrangements = get(api, "/arrangements").json()["items"]
    aleppo = next(a for a in arrangements if a["type"] == "truce" and a["start"] == "2016-05-05")
    one = get(api, f"/arrangements/{aleppo['id']}").json()
    assert one["id"] == aleppo["id"] and one["violations"] and one["compliance"]
    event = get(api, "/events").json()["items"][0]
    assert get(api, f"/events/{event['id']}").json()["sources"]
    doc_id = event["sources"][0]["document_id"]
    document = get(api, f"/documents/{doc_id}").json()
    assert document["id"] == doc_id and document["text"]
    assert get(api, "/violations", arrangement=aleppo["id"]).json()["items"]
    arabic = get(api, "/documents", language="ar", limit=500).json()["items"]
    assert len(arabic) == 12 and all(d["language"] == "ar" for d in arabic)
    assert "text" not in arabic[0]
    found = {d["id"] for d in get(api, "/documents", q="Salaheddine").json()["items"]}
    assert {"meridian-times-2016-05-06-salaheddine-shelling"} <= found
    assert len(found) < 35
    places = get(api, "/places", country="SY").json()["items"]
    assert any(p["name"] == "Aleppo" and p["events"] >= 3 for p in places)
    named = get(api, "/actors").json()["items"]
    word = named[0]["name"].split()[0].lower()  # filter by a word of a named actor
    actors = get(api, "/actors", q=word).json()["items"]
    assert actors and all(word in a["name"].lower() for a in actors)
    assert len(actors) <= len(named)


def _arrangement_actors(record: dict) -> set[str]:
    """The canonical names an arrangement is filtered by: its parties, sponsors, mediators and
    those who call it something."""
    named = [a for key in ("parties", "sponsors", "mediators") for a in record[key]]
    named += [c["actor"] for c in record["characterizations"]]
    return {a["canonical"] for a in named}


def test_filters_narrow_listings(api: str) -> None:
    every = get(api, "/arrangements", limit=500).json()["items"]
    pauses = get(api, "/arrangements", type="humanitarian_pause").json()["items"]
    assert pauses and len(pauses) < len(every)
    assert {a["type"] for a in pauses} == {"humanitarian_pause"}
    latakia = get(api, "/arrangements", place="latakia").json()["items"]
    assert latakia and all(any(p["canonical"] == "Latakia" for p in a["places"]) for a in latakia)
    # an actor named in some arrangements but not all: the filter returns exactly those
    records = get(api, "/arrangements", limit=500, full="true").json()["items"]
    named = {r["id"]: _arrangement_actors(r) for r in records}
    everyone = {a for names in named.values() for a in names}
    some = sorted(
        a
        for a in everyone - set.intersection(*named.values())
        if not any(a.lower() in b.lower() for b in everyone - {a})  # the filter matches words
    )
    assert some, "every arrangement names the same actors: the filter cannot be tested"
    chosen = some[0]
    found = {a["id"] for a in get(api, "/arrangements", actor=chosen).json()["items"]}
    assert found == {i for i, names in named.items() if chosen in names}
    assert get(api, "/arrangements", actor="Atlantis").json()["items"] == []
    december = get(api, "/arrangements", since="2016-12-01").json()["items"]
    assert december and all(a["start"] >= "2016-09" for a in december)
    idlib_box = "36.0,35.5,37.0,36.1"  # west,south,east,north around Idlib, not Aleppo
    boxed = get(api, "/events", bbox=idlib_box).json()["items"]
    assert boxed and all(35.5 <= e["place"]["lat"] <= 36.1 for e in boxed)
    may = get(api, "/events", since="2016-05-06", until="2016-05-06").json()["items"]
    assert may and {e["date"] for e in may} == {"2016-05-06"}
    shelling = get(api, "/events", type="shelling_artillery_missile_attack", q="Salaheddine")
    assert shelling.json()["items"]


def test_geojson_for_anything_with_a_place(api: str) -> None:
    for path in ("/events", "/arrangements", "/places", "/violations"):
        body = get(api, path, format="geojson").json()
        assert body["type"] == "FeatureCollection" and body["features"], path
        assert all(f["geometry"] is None or f["geometry"]["type"] for f in body["features"])
    events = get(api, "/events", format="geojson").json()["features"]
    assert any(f["geometry"]["type"] == "Point" for f in events if f["geometry"])


def test_pagination_to_the_end(api: str) -> None:
    everything = [e["id"] for e in get(api, "/events", limit=500).json()["items"]]
    seen, cursor = [], None
    while True:
        page = get(api, "/events", limit=4, **({"cursor": cursor} if cursor else {})).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == everything and len(set(seen)) == len(seen) > 8


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/events", {"bbox": "1,2,3"}),
        ("/events", {"bbox": "10,50,0,40"}),
        ("/events", {"bbox": "a,b,c,d"}),
        ("/events", {"since": "yesterday"}),
        ("/events", {"until": "2016-13-45x"}),
        ("/events", {"limit": 0}),
        ("/events", {"limit": 100000}),
        ("/events", {"cursor": "not-a-cursor"}),
        ("/events", {"cursor": "WyJ4Il0"}),
        ("/events", {"format": "xml"}),
        ("/arrangements", {"country": "SYR"}),
        ("/documents", {"language": "English!"}),
        ("/events/evt-missing", {}),
        ("/arrangements/arr-missing", {}),
        ("/documents/no/such/doc", {}),
    ],
)
def test_bad_parameters_get_a_clear_4xx(api: str, path: str, params: dict) -> None:
    response = get(api, path, **params)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["detail"]


def test_writes_need_the_token(api: str, writable: str) -> None:
    doc = {"id": "posted-1", "text": "Shelling hit Aleppo on Friday, killing two civilians."}
    refused = httpx.post(f"{api}/documents", json=doc, timeout=30)
    assert refused.status_code == 403 and "without a token" in refused.json()["detail"]
    assert httpx.post(f"{writable}/documents", json=doc, timeout=30).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert (
        httpx.post(f"{writable}/documents", json=doc, headers=wrong, timeout=30).status_code == 401
    )


def test_post_documents_stores_good_ones_and_reports_bad_ones(writable: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = [
        {
            "id": "posted-2",
            "published": "2016-05-06",
            "text": "Regime forces shelled Aleppo on "
            "Friday, killing two civilians, during the regime of calm announced by Russia.",
        },
        {"id": "posted-3"},
        {"id": "posted-4", "text": "<script>alert(1)</script> Aid reached Homs on Monday."},
    ]
    response = httpx.post(f"{writable}/documents", json=body, headers=auth, timeout=120)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["new"] == 2
    assert [(f["position"], f["id"]) for f in result["failed"]] == [(2, "posted-3")]
    assert "text" in result["failed"][0]["reason"]
    assert result["resolved"]["documents"] == 2
    stored = get(writable, "/documents/posted-4").json()
    assert stored["text"].startswith("<script>")
    single = httpx.post(f"{writable}/documents", json=body[0], headers=auth, timeout=60)
    assert single.json()["unchanged"] == 1
    assert httpx.post(f"{writable}/documents", json=[], headers=auth).status_code == 400
    broken = httpx.post(
        f"{writable}/documents",
        content=b"{not json",
        headers={**auth, "Content-Type": "application/json"},
    )
    assert broken.status_code == 422


def test_schema_driven_fuzzing_finds_no_server_error(api: str) -> None:
    """Schemathesis generates requests from the OpenAPI schema; none may get a 5xx."""
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"{api}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "30",
            "--phases",
            "examples,coverage,fuzzing",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_the_same_api_on_postgresql(pg_url: str) -> None:
    from ceasefire.demo import corpus_dir

    stored = subprocess.run(
        [sys.executable, "-m", "ceasefire", "ingest", str(corpus_dir()), "--db", pg_url, "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert stored.returncode == 0, stored.stderr
    with serving(pg_url) as base:
        assert get(base, "/health").json()["arrangements"] >= 7
        aleppo = get(base, "/arrangements", place="aleppo", type="truce").json()["items"]
        assert aleppo and aleppo[0]["characterizations"]
        features = get(base, "/events", format="geojson", bbox="35,32,42,37").json()["features"]
        assert features and all(f["geometry"]["type"] == "Point" for f in features)
        seen, cursor = [], None
        while True:
            page = get(base, "/events", limit=5, **({"cursor": cursor} if cursor else {})).json()
            seen += [e["id"] for e in page["items"]]
            if (cursor := page["next"]) is None:
                break
        assert len(seen) == len(set(seen)) == get(base, "/health").json()["events"]
        assert get(base, "/events", cursor="nonsense").status_code == 400
