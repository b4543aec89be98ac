"""The compiled extraction (setup.py, mypyc) is what runs, and says what its Python sources say.

The second test runs `ceasefire extract` twice on the same articles: once as installed
(compiled), once on a copy of the sources without the compiled files, and compares the
records line by line. Real articles from ../shared/data are added when present.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest
from tests.conftest import SHARED

import ceasefire
from ceasefire.extract.compiled import compiled_modules, stale_modules

SOURCES = Path(ceasefire.__file__).resolve().parents[1]
CORPUS = SOURCES / "ceasefire" / "demo" / "corpus"
REALNEWS = SHARED / "data" / "realnews-dev" / "realnews-dev.jsonl"
PURE = os.environ.get("CEASEFIRE_PURE_PYTHON") == "1"


@pytest.mark.skipif(PURE, reason="installed with CEASEFIRE_PURE_PYTHON=1: nothing compiled")
def test_the_hot_modules_run_compiled() -> None:
    assert {"analysis", "events", "matcher", "patterns", "places", "roles"} <= set(
        compiled_modules()
    )
    assert stale_modules() == []


@pytest.mark.skipif(PURE, reason="installed with CEASEFIRE_PURE_PYTHON=1: nothing compiled")
def test_compiled_records_are_those_of_the_python_sources(tmp_path: Path) -> None:
    python_only = tmp_path / "src"
    shutil.copytree(SOURCES / "ceasefire", python_only / "ceasefire")
    for suffix in EXTENSION_SUFFIXES:
        for built in python_only.rglob(f"*{suffix}"):
            built.unlink()
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    compiled = _extract(files, None, tmp_path / "compiled-cache")
    pure = _extract(files, python_only, tmp_path / "pure-cache")
    assert compiled.count("\n") == len(files)
    assert compiled == pure
    if REALNEWS.exists():
        compiled = _extract(["-"], None, tmp_path / "compiled-cache", REALNEWS)
        pure = _extract(["-"], python_only, tmp_path / "pure-cache", REALNEWS)
        assert compiled.count("\n") > 10
        assert compiled == pure


def _extract(
    paths: list[str], sources: Path | None, cache: Path, stdin: Path | None = None
) -> str:
    env = {**os.environ, "CEASEFIRE_CACHE": str(cache)}
    if sources is not None:
        env["PYTHONPATH"] = str(sources)
    command = [sys.executable, "-m", "ceasefire", "extract", *paths, "--format", "jsonl"]
    command += ["--published", "2016-05-06"]
    with open(stdin or os.devnull, "rb") as feed:
        done = subprocess.run(command, env=env, stdin=feed, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return done.stdout.decode()
