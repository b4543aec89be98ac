# Sourced by the demo and test scripts: create .venv in the checkout and install the project.
# Usage: source scripts/venv.sh [EXTRAS]
# The install compiles the extraction modules (setup.py), which takes a while: it is skipped
# when the project's files that the build reads are those of the last install with the same
# extras.
set -euo pipefail
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  echo "setting up .venv with $("$PYTHON" --version)" >&2
  "$PYTHON" -m venv .venv
fi
extras="${1:-}"
stamp=".venv/.installed${extras:+-$extras}"
digest="$(cat pyproject.toml setup.py src/ceasefire/extract/*.py | sha256sum | cut -d' ' -f1)${CEASEFIRE_PURE_PYTHON:-}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  echo "installing ceasefire${extras:+[$extras]} into .venv (compiling the extraction modules)" >&2
  rm -f "$stamp"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
  echo "$digest" > "$stamp"
fi
