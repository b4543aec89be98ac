"""Which extraction modules run compiled (setup.py builds them with mypyc), and a warning
when one is older than its source: an edit made since the last install does not take effect
until `pip install -e .` (or `scripts/venv.sh`) builds it again."""

from __future__ import annotations

import importlib
import warnings
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_PACKAGE = Path(__file__).parent


def compiled_modules() -> list[str]:
    """The names of the extraction modules that import as compiled extensions."""
    names = sorted(p.name.split(".", 1)[0] for p in _extensions())
    return [n for n in names if _is_extension(importlib.import_module(f"ceasefire.extract.{n}"))]


def stale_modules() -> list[str]:
    """The sources edited after their compiled extension was built, in a checkout (an
    installed wheel's files carry no build order)."""
    if not (_PACKAGE.parents[2] / "pyproject.toml").exists():
        return []
    stale = []
    for extension in _extensions():
        source = _PACKAGE / f"{extension.name.split('.', 1)[0]}.py"
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(source.name)
    return sorted(stale)


def warn_if_stale() -> None:
    stale = stale_modules()
    if stale:
        warnings.warn(
            f"ceasefire: the compiled extraction is older than {', '.join(stale)}: run "
            "`pip install -e .` (or set CEASEFIRE_PURE_PYTHON=1 when installing, to run "
            "the Python sources)",
            stacklevel=3,
        )


def _extensions() -> list[Path]:
    return sorted({p for suffix in EXTENSION_SUFFIXES for p in _PACKAGE.glob(f"*{suffix}")})


def _is_extension(module: object) -> bool:
    return any(str(getattr(module, "__file__", "")).endswith(s) for s in EXTENSION_SUFFIXES)
