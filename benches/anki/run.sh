#!/usr/bin/env bash
# kioku and Anki's engine side by side. Makes its own virtual environment with Anki's Python
# package (PyPI `anki`, 26.9.x), builds kioku in release mode, and prints a Markdown table.
# Usage: bash benches/anki/run.sh [CARDS…]   (default: 1000 10000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/anki-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "anki==26.9.3"
fi
(cd "$root" && cargo build --release --quiet)
"$venv/bin/python" "$here/compare.py" "$@"
