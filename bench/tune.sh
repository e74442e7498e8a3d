#!/bin/sh
# Benchmark of `optrace tune` against the numpy peer, side by side, and of `optrace map`.
#
#   bench/tune.sh [--runs N] [-- EXTRA SWIFT BUILD FLAGS]
#
# Builds the release executable with scripts/build-release (plus any flags after --, for example
# `-- -Xswiftc -target-cpu -Xswiftc native`, into their own
# scratch folder), then runs, interleaved and N times each (default 9):
#   * optrace tune bench/valley-bump-quiet.yaml --racer Momentum --param lr=0.01:1:log:64
#       --param beta=0:0.99:64 --steps 500 --no-render   (the whole command, as a process)
#   * bench/peers/numpy_momentum_sweep.py's vectorised sweep (timed around the sweep alone)
# and prints the medians, the ratio and the per-cell comparison (bench/tune_bench.py); then times
# `optrace map valley-bump --racer Momentum --grid 200x150 --steps 300 --no-render` (median of N).
set -eu
cd "$(dirname "$0")/.."
runs=9
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
if [ "${1:-}" = "--" ]; then shift; fi
scratch=.build
if [ $# -gt 0 ]; then scratch=.build/bench-$(echo "$*" | tr -c 'a-zA-Z0-9' '_'); fi
echo "building: scripts/build-release $* (scratch $scratch)"
binary="$(scripts/build-release --scratch-path "$scratch" "$@" 2>/dev/null)"
python3 bench/tune_bench.py "$binary" --runs "$runs"
python3 - "$binary" "$runs" <<'PY'
import statistics, subprocess, sys, tempfile, time
binary, runs = sys.argv[1], int(sys.argv[2])
out = tempfile.mkdtemp(prefix="optrace-map-")
args = [binary, "map", "valley-bump", "--racer", "Momentum", "--grid", "200x150", "--steps", "300",
        "--no-render", "--quiet", "--out", out]
subprocess.run(args, check=True)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(args, check=True)
    times.append(time.perf_counter() - start)
print(f"start map 200x150 x 300 steps (whole command, no picture): median {statistics.median(times) * 1000:.1f} ms (goal < 1 s)")
PY
