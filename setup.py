"""Build: the extraction modules compiled to C extensions by mypyc, the rest pure Python.

Extraction is the hot path (every sentence of every document goes through it), and mypyc
makes its typed code about twice as fast. The compiled modules are built in place by an
editable install (`pip install -e .`, which `scripts/venv.sh` runs before every demo and
test), so a change to one of them takes effect at the next install; until then
`ceasefire.extract` warns that the compiled code is older than its source.

`CEASEFIRE_PURE_PYTHON=1` at install time builds nothing: every module then runs as the
Python it is (slower, but edits take effect at once and tracebacks name every line).
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

# The package's entry, the modules that read files or other packages, and the collector
# switch stay Python: they run once per call or per process, not once per sentence.
_INTERPRETED = {"__init__.py", "run.py", "explain.py", "lexicon.py", "collector.py"}


def _compiled() -> list[str]:
    folder = Path("src/ceasefire/extract")
    return sorted(str(p) for p in folder.glob("*.py") if p.name not in _INTERPRETED)


def _extensions() -> list:
    if os.environ.get("CEASEFIRE_PURE_PYTHON") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(_compiled(), opt_level="3")


setup(ext_modules=_extensions())
