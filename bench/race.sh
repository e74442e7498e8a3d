#!/usr/bin/env bash
# Pictures benchmark: optrace race (release build) against the matplotlib peers, side by side.
# Installs matplotlib and Pillow with pip when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps"
bin="$("$root/scripts/build-release")"
python3 -c "import matplotlib, PIL, numpy" 2>/dev/null || python3 -m pip install -q matplotlib pillow numpy
python3 "$root/bench/race_vs_matplotlib.py" "$bin" "$@"
