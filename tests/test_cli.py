"""The command line, run as a real process on real files."""

import codecs
import json
from pathlib import Path

from cli_helpers import json_lines, run


def test_extract_seed_article(seed_path: Path) -> None:
    result = run("extract", str(seed_path), "--with-text")
    assert result.returncode == 0, result.stderr
    [record] = json_lines(result.stdout)
    assert record["id"] == str(seed_path)
    assert record["title"] == 'Aleppo under the "truce" or "regime of calm"?'
    assert record["language"] == "en"
    assert record["source"] == {"outlet": "Annahar", "author": "Rosana Boumonsef"}
    assert record["errors"] == []
    text = record["text"]
    assert text.count("regime of calm") >= 3
    assert text.startswith(record["title"] + "\n\n")  # the headline opens the text, once
    assert text.count(record["title"]) == 1
    assert not any("\u0600" <= ch <= "\u06ff" for ch in text), "Arabic furniture left in text"
    assert "400,000 people from Aleppo will flee to Turkey" in text


def test_extract_reads_jsonl_from_stdin_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"id": "ok", "text": "Russia extended the truce.", "published": "2016-05-07"}),
        "{oops",
        json.dumps({"id": "no-text"}),
    ]
    result = run("extract", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0
    records = json_lines(result.stdout)
    assert [r["id"] for r in records] == ["ok", "line:2", "no-text"]
    assert records[0]["published"] == "2016-05-07" and records[0]["errors"] == []
    assert "text" not in records[0]
    assert records[1]["errors"][0].startswith("-:2: not valid JSON")
    assert "missing" in records[2]["errors"][0]
    assert [(c["type"], c["status"]) for c in records[0]["ceasefires"]] == [("truce", "extended")]
    assert [a["canonical"] for a in records[0]["actors"]] == ["Russia"]
    assert records[0]["events"] == []  # no event extractor yet: empty, never invented


def test_extract_explain_shows_clauses_the_knowledge_that_fired_and_the_records() -> None:
    lines = [
        json.dumps(
            {
                "id": "two-clauses",
                "text": "The rebels declared a fresh truce on Friday, a week after the expiry "
                "of the last ceasefire.",
                "published": "2020-03-05",
            }
        ),
        "{oops",
    ]
    result = run("extract", "--explain", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("document two-clauses (en, 2020-03-05)")
    assert 'status:announced "declared"' in out and 'status:expired "expiry"' in out
    assert 'cue:clause_opener "after"' in out
    assert '-> ceasefire mention: truce "truce", status announced' in out
    assert '-> ceasefire mention: ceasefire "ceasefire", status expired' in out
    assert "line:2: -:2: not valid JSON" in result.stderr


def test_extract_exits_non_zero_when_every_input_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("extract", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert json_lines(result.stdout)[0]["errors"] == [
        f"{tmp_path / 'empty.txt'}: the file is empty"
    ]


def test_extract_bad_published_option_is_a_usage_error(seed_path: Path) -> None:
    result = run("extract", str(seed_path), "--published", "yesterday-ish")
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr


def _messy_directory(root: Path) -> dict[str, str]:
    """The acceptance directory: each bad file with the words its reason must contain."""
    root.mkdir()
    (root / "empty.txt").write_bytes(b"")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "broken-utf8.txt").write_bytes(
        "Truce holds\n\nCafé owners in Aleppo reopened as the truce held. ".encode() * 5
        + b"\xc3\x28 More later."
    )
    (root / "arabic-1256.txt").write_bytes(
        "هدنة في حلب\n\nأعلنت الولايات المتحدة أن الهدنة باتت تشمل مدينة حلب، فيما وصفتها روسيا "
        "بأنها نظام تهدئة.".encode("cp1256")
    )
    (root / "utf16.txt").write_bytes(
        "Truce in Aleppo\n\nThe United States said the truce now covers Aleppo.".encode("utf-16")
    )
    (root / "utf8-bom.txt").write_bytes(codecs.BOM_UTF8 + b"Calm\n\nThe calm held in Latakia.")
    with open(root / "huge.txt", "w") as handle:
        line = "The truce held overnight, residents said. " * 24 + "\n"
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (root / "truncated.html").write_text(
        "<html><head><title>Shelling in Aleppo</title></head><body><article><h1>Shelling</h1><p>"
        + "Government forces shelled the Bustan al-Qasr district of Aleppo, killing three "
        "civilians, residents said. " * 6 + "</p><p>The shelling came a day after the"
    )
    (root / "nothing.html").write_text("<html><head><title>x</title></head><body><div>")
    lines = [
        json.dumps({"id": "good-1", "text": "Russia extended the regime of calm in Aleppo."}),
        '{"id": "bad", "text": "unterminated',
        json.dumps({"id": "good-2", "text": "The ISSG met in Munich.", "published": "2016-02-12"}),
    ]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n")
    return {
        "empty.txt": "empty",
        "picture.png": "PNG image",
        "huge.txt": "over the 10 MB limit",
        "nothing.html": "no article text",
        "batch.jsonl:2": "not valid JSON",
    }


def test_messy_directory_good_items_stored_bad_ones_reported(tmp_path: Path) -> None:
    root = tmp_path / "messy"
    bad = _messy_directory(root)
    db = str(tmp_path / "m.db")
    result = run("ingest", str(root), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for name, reason in bad.items():
        line = next(
            x for x in result.stderr.splitlines() if x.startswith(f"failed: {root / name}:")
        )
        assert reason in line, line
    assert "7 new" in result.stdout and "5 failed" in result.stdout

    listed = json_lines(run("documents", "--db", db, "--json", "--limit", "0").stdout)
    stored = {Path(row["id"]).name if "/" in row["id"] else row["id"] for row in listed}
    assert stored == {
        "broken-utf8.txt",
        "arabic-1256.txt",
        "utf16.txt",
        "utf8-bom.txt",
        "truncated.html",
        "good-1",
        "good-2",
    }
    by_name = {Path(row["id"]).name: row for row in listed}
    assert by_name["arabic-1256.txt"]["encoding"] == "cp1256"
    assert by_name["arabic-1256.txt"]["language"] == "ar"
    assert by_name["utf16.txt"]["encoding"] == "utf-16"

    failed = json_lines(run("documents", "--failed", "--db", db, "--json").stdout)
    where = {
        (Path(row["source"]).name + (f":{row['line']}" if row["line"] else "")) for row in failed
    }
    assert where == set(bad)
    table = run("documents", "--failed", "--db", db).stdout
    assert "PNG image" in table and "batch.jsonl" in table

    again = run("ingest", str(root), "--db", db)
    assert "0 new" in again.stdout and "7 unchanged" in again.stdout


def test_show_prints_metadata_and_text(tmp_path: Path, seed_path: Path) -> None:
    db = str(tmp_path / "s.db")
    assert run("ingest", str(seed_path), "--db", db).returncode == 0
    shown = run("show", str(seed_path), "--db", db)
    assert "outlet: Annahar" in shown.stdout
    assert "Two days ago, the US announced" in shown.stdout
    missing = run("show", "nope", "--db", db)
    assert missing.returncode == 1 and "no document with id 'nope'" in missing.stderr


def test_ingest_reads_jsonl_from_stdin_with_env_database(tmp_path: Path) -> None:
    line = json.dumps({"id": "stdin-1", "text": "The truce held.", "published": "2016-05-06"})
    result = run("ingest", "-", "--db", str(tmp_path / "e.db"), stdin=line + "\n")
    assert "1 new" in result.stdout
    rows = json_lines(run("documents", "--json", "--db", str(tmp_path / "e.db")).stdout)
    assert [r["id"] for r in rows] == ["stdin-1"]


def test_demo_builds_a_fresh_database(tmp_path: Path) -> None:
    result = run("demo", "--db", "demo.db", "--no-serve", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json_lines(
        run("documents", "--json", "--limit", "0", "--db", "demo.db", cwd=tmp_path).stdout
    )
    assert len(rows) >= 30
    languages = {row["language"] for row in rows}
    assert {"en", "ar"} <= languages
    assert sum(1 for row in rows if row["duplicate_of"]) >= 2
    assert any(row["id"].endswith(".html") for row in rows)
    assert sum(1 for row in rows if row["id"].startswith("https://")) >= 4  # feed entries
    assert all(row["published"] for row in rows)
    again = run("demo", "--db", "demo.db", "--no-serve", cwd=tmp_path)
    assert f"{len(rows)} new" in again.stdout  # rebuilt from scratch, not appended


def test_retry_ingests_fixed_failures_and_keeps_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "later.txt").write_bytes(b"")
    lines = [json.dumps({"id": "ok", "text": "The truce held."}), '{"id": "x", "text": 1}']
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n")
    (root / "gone.txt").write_bytes(b"")
    db = str(tmp_path / "r.db")
    run("ingest", str(root), "--db", db)
    (root / "later.txt").write_text("Calm holds\n\nThe regime of calm held in Latakia.")
    (root / "gone.txt").unlink()
    result = run("retry", "--db", db)
    assert "1 new" in result.stdout and "2 failed" in result.stdout
    failed = json_lines(run("documents", "--failed", "--json", "--db", db).stdout)
    left = {Path(row["source"]).name: row for row in failed}
    assert set(left) == {"batch.jsonl", "gone.txt"}
    assert left["batch.jsonl"]["attempts"] == 2
    assert left["gone.txt"]["reason"].startswith(f"cannot retry: {root / 'gone.txt'} is gone")


def test_ingest_stores_records_and_reextract_fills_missing_ones(
    tmp_path: Path, seed_path: Path
) -> None:
    db = str(tmp_path / "x.db")
    line = json.dumps({"id": "calm", "text": "Russia extended the regime of calm in Aleppo."})
    run("ingest", "-", "--db", db, stdin=line + "\n")
    run("ingest", str(seed_path), "--db", db, "--no-extract")
    rows = {row["id"]: row for row in json_lines(run("show", "calm", "--db", db, "--json").stdout)}
    [calm] = rows["calm"]["records"]["ceasefires"]
    assert (calm["type"], calm["status"]) == ("regime_of_calm", "extended")
    [seed] = json_lines(run("show", str(seed_path), "--db", db, "--json").stdout)
    assert seed["records"] is None
    result = run("reextract", "--db", db)
    assert result.stdout.startswith("re-extracted 1 documents")
    [seed] = json_lines(run("show", str(seed_path), "--db", db, "--json").stdout)
    assert {c["type"] for c in seed["records"]["ceasefires"]} >= {"truce", "regime_of_calm"}
    assert run("reextract", "--db", db).stdout.startswith("re-extracted 0 documents")
    assert run("reextract", "--all", "--db", db).stdout.startswith("re-extracted 2 documents")
