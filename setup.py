"""Build: the extraction modules compiled to C extensions by mypyc, the rest pure Python.

Extraction is the hot path (every sentence of every document goes through it); compiled,
its typed code runs faster (README, "Compiled extraction"). The compiled modules are built
in place by an editable install (`pip install -e .`, which `scripts/venv.sh` runs before
every demo and test run), so an edit to one of them takes effect at the next install; until
then `ceasefire.extract` warns that the compiled code is older than its source.

`CEASEFIRE_PURE_PYTHON=1` at install time builds nothing: every module then runs as the
Python it is (slower, but an edit takes effect at once). Where no C compiler can build the
modules, the install goes on without them, and says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The package's entry, the modules that read files or other packages, and the collector
# switch stay Python: they run once per call or per process, not once per sentence.
_INTERPRETED = {"__init__.py", "run.py", "explain.py", "lexicon.py", "collector.py", "compiled.py"}


def _compiled() -> list[str]:
    folder = Path("src/ceasefire/extract")
    return sorted(str(p) for p in folder.glob("*.py") if p.name not in _INTERPRETED)


class _OptionalBuildExt(build_ext):
    """Build the compiled modules when a compiler can: the pure modules work without them."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any failure to compile leaves the Python modules
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            print(f"warning: extraction not compiled ({error}); it runs as Python", file=sys.stderr)


def _extensions() -> list:
    if os.environ.get("CEASEFIRE_PURE_PYTHON") == "1":
        return []
    from mypyc.build import mypycify

    return mypycify(_compiled(), opt_level="3")


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})
