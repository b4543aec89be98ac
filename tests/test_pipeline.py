"""Ingest runs end to end into a real SQLite file and a real PostgreSQL database."""

import json
from pathlib import Path

import pytest

from ceasefire.pipeline import ingest
from ceasefire.store import DocumentStore, StoreError, open_store

REPORT = (
    "Government forces shelled the Salaheddine district of Aleppo on Friday, killing three "
    "civilians, residents and rescue workers said. The shelling came two days into a regime of "
    "calm announced by Russia's defence ministry, which said the pause would last 48 hours."
)


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text("Shelling in Aleppo\n\n" + REPORT)
    (root / "a-copy.txt").write_text("Shelling in Aleppo\n\n" + REPORT + "\n\nShare\nComments (3)")
    (root / "b.txt").write_text(
        "Shelling in Aleppo\n\n" + REPORT.replace("on Friday", "on Friday morning") + " More later."
    )
    (root / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "j1", "text": "The ISSG met in Munich.", "published": "2016-02-12"}),
        "{not json",
    ]
    (root / "docs.jsonl").write_text("\n".join(lines) + "\n")
    return root


def test_ingest_stores_links_duplicates_and_keeps_failures(tmp_path: Path, db_url: str) -> None:
    store = DocumentStore(open_store(db_url))
    corpus = _corpus(tmp_path / "corpus")
    report = ingest([str(corpus)], store)
    assert (report.new, report.exact_duplicates, report.near_duplicates) == (4, 1, 1)
    assert sorted(f.where for f in report.failures) == sorted(
        [str(corpus / "empty.txt"), f"{corpus / 'docs.jsonl'}:2"]
    )
    rows = {row["id"]: row for row in store.list()}
    original = str(corpus / "a-copy.txt")  # sorted walk: a-copy.txt comes first
    assert rows[str(corpus / "a.txt")]["duplicate_of"] == original
    assert rows[str(corpus / "a.txt")]["duplicate_kind"] == "exact"
    assert rows[str(corpus / "b.txt")]["duplicate_of"] == original
    assert rows[str(corpus / "b.txt")]["duplicate_kind"] == "near"
    assert rows["j1"]["published"] == "2016-02-12"
    failures = store.failures()
    assert {f["reason"] for f in failures} == {
        "the file is empty",
        "not valid JSON: Expecting property name enclosed in double quotes at column 2",
    }


def test_ingest_twice_stores_nothing_new(tmp_path: Path, db_url: str) -> None:
    store = DocumentStore(open_store(db_url))
    corpus = _corpus(tmp_path / "corpus")
    ingest([str(corpus)], store)
    before = store.list()
    again = ingest([str(corpus)], store, batch_size=2)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 4)
    assert store.list() == before
    assert [f["attempts"] for f in store.failures()] == [2, 2]


def test_fixed_input_clears_its_failure_and_changed_input_updates(
    tmp_path: Path, db_url: str
) -> None:
    store = DocumentStore(open_store(db_url))
    corpus = _corpus(tmp_path / "corpus")
    ingest([str(corpus)], store)
    (corpus / "empty.txt").write_text("Truce extended\n\nRussia extended the regime of calm.")
    (corpus / "a-copy.txt").write_text("Shelling in Aleppo\n\nA corrected report.")
    report = ingest([str(corpus)], store)
    assert (report.new, report.updated) == (1, 1)
    assert [f["source"] for f in store.failures()] == [str(corpus / "docs.jsonl")]
    assert store.get(str(corpus / "a-copy.txt"))["text"] == (
        "Shelling in Aleppo\n\nA corrected report."
    )


def test_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot open database postgresql"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")


def test_migrations_are_idempotent(sqlite_url: str) -> None:
    open_store(sqlite_url)
    store = DocumentStore(open_store(sqlite_url))
    assert store.count() == 0
