"""The demo: the shipped 2016 Syria corpus, ingested into a fresh SQLite file."""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

from ceasefire.pipeline import IngestReport, ingest
from ceasefire.store import DocumentStore, open_store


def corpus_dir() -> Path:
    """The folder of the shipped corpus (written for this project; see its README)."""
    return Path(str(resources.files(__package__) / "corpus"))


def build_demo(db_path: Path) -> tuple[IngestReport, DocumentStore]:
    """Replace `db_path` with a database of the demo corpus; ids read `corpus/<file>`."""
    for stale in (db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    store = DocumentStore(open_store(str(db_path)))
    corpus = corpus_dir()
    with contextlib.chdir(corpus.parent):
        report = ingest([corpus.name], store)
    return report, store
