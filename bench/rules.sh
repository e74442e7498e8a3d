#!/bin/sh
# Processor time per run-step of a 128×128 sweep of each rule family, side by side for one or more builds.
#
#   bench/rules.sh [--runs N] [BINARY ...]
#
# For each racer of bench/valley-bump-rules.yaml (momentum, Adam, RMSprop, NAdam, Adagrad, Lion on the
# valley-bump surface with σ = 0.2), runs `optrace tune … --param lr=…:log:128 --param SECOND=…:128
# --steps 1000 --seeds 4 --threads 1 --no-render` N times (default 5), interleaving the binaries, and
# prints the median of (user + system time) / (128·128·1000·4 run-steps) in ns. Without a BINARY it builds
# the release executable with scripts/build-release. One thread, so the figure is the engine's cost per
# run-step (start-up and file writing included, a few ms in all).
set -eu
cd "$(dirname "$0")/.."
runs=5
if [ "${1:-}" = "--runs" ]; then runs=$2; shift 2; fi
if [ $# -eq 0 ]; then set -- "$(scripts/build-release 2>/dev/null)"; fi
python3 - "$runs" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, tempfile
runs, binaries = int(sys.argv[1]), sys.argv[2:]
sweeps = [
    ("Momentum", "lr=0.01:1:log:128", "beta=0:0.99:128"),
    ("Adam", "lr=0.001:1:log:128", "beta1=0:0.99:128"),
    ("RMSprop", "lr=0.0001:0.3:log:128", "alpha=0.5:0.999:128"),
    ("NAdam", "lr=0.001:1:log:128", "beta1=0:0.99:128"),
    ("Adagrad", "lr=0.01:10:log:128", "eps=1e-10:1e-3:128"),
    ("Lion", "lr=0.0001:0.3:log:128", "beta1=0:0.99:128"),
]
run_steps = 128 * 128 * 1000 * 4
out = tempfile.mkdtemp(prefix="optrace-rules-")
def cpu(binary, racer, first, second):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([binary, "tune", "bench/valley-bump-rules.yaml", "--racer", racer, "--param", first, "--param", second,
                    "--steps", "1000", "--seeds", "4", "--threads", "1", "--no-render", "--quiet", "--out", out], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / run_steps * 1e9
print(f"processor time per run-step, 128×128 configurations × 1000 steps × 4 seeds, σ = 0.2, one thread, medians of {runs}")
print("racer      " + "".join(f"{os.path.relpath(b):>28}" for b in binaries))
for racer, first, second in sweeps:
    times = {b: [] for b in binaries}
    for _ in range(runs):
        for b in binaries:
            times[b].append(cpu(b, racer, first, second))
    print(f"{racer:<11}" + "".join(f"{statistics.median(times[b]):>25.1f} ns" for b in binaries))
PY
