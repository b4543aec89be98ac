# Sourced by the demo and test scripts: create .venv in the checkout and install the project.
# Usage: source scripts/venv.sh [EXTRAS]
set -euo pipefail
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  echo "setting up .venv with $("$PYTHON" --version)" >&2
  "$PYTHON" -m venv .venv
fi
extras="${1:-}"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}"
