#!/usr/bin/env bash
# Runs the matplotlib peers on a trajectory CSV of the default race.
# Needs: pip install matplotlib pillow.
# A CSV of the synthetic demo race (GD η=1.6, momentum η=0.22 β=0.9, Adam η=0.3; 120 steps from (10, 4)) is written by
#   OPTRACE_ARTIFACTS=/tmp/optrace-art swift test --filter RaceFrameTests
# as /tmp/optrace-art/trajectory-3.csv (trajectory.csv adds a diverging GD η=2.3).
set -euo pipefail
csv="${1:-/tmp/optrace-art/trajectory-3.csv}"
surface='0.5*(0.1*x**2+y**2)+1.5*np.exp(-((x-3)**2+(y-0.2)**2)/(2*0.8**2))'
here="$(cd "$(dirname "$0")" && pwd)"
python3 "$here/peers/matplotlib_frames.py" --csv "$csv" --surface "$surface" --xlim -6 12 --ylim -5 5 --repeats 5
python3 "$here/peers/matplotlib_apng.py" --csv "$csv" --surface "$surface" --xlim -6 12 --ylim -5 5 --repeats 3 \
    --out "${TMPDIR:-/tmp}/race_matplotlib.png"
