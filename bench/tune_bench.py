#!/usr/bin/env python3
"""Side-by-side timing of `optrace tune ... --no-render` and the numpy peer, with a per-cell check.

Usage: bench/tune_bench.py OPTRACE [--runs N]

Runs, interleaved, N times each:
  * the whole command `OPTRACE tune valley-bump-quiet.yaml --racer Momentum --param lr=0.01:1:log:64
    --param beta=0:0.99:64 --steps 500 --no-render` (wall time of the process: start-up, scenario, sweep,
    tune.json and tune.csv), and
  * the numpy peer's vectorised sweep (bench/peers/numpy_momentum_sweep.py, timed inside Python around
    the sweep alone, without the interpreter's start-up or numpy's import),
then prints the medians, their ratio, and compares every cell: the same cells must diverge and the final
losses agree to a relative 1e-4 (numpy's exp and optrace's may differ in the last bit, which runs
crossing the bump amplify; the count within 1e-9 is printed too).
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIO = os.path.join(HERE, "valley-bump-quiet.yaml")
PEER = os.path.join(HERE, "peers", "numpy_momentum_sweep.py")
sys.path.insert(0, os.path.join(HERE, "peers"))
import numpy_momentum_sweep as peer  # noqa: E402


def optrace_run(binary, out):
    args = [binary, "tune", SCENARIO, "--racer", "Momentum", "--param", "lr=0.01:1:log:64",
            "--param", "beta=0:0.99:64", "--steps", "500", "--no-render", "--quiet", "--out", out]
    start = time.perf_counter()
    subprocess.run(args, check=True)
    return time.perf_counter() - start


def numpy_run():
    start = time.perf_counter()
    result = peer.sweep(steps=500)
    return time.perf_counter() - start, result


def compare(out, result):
    lr, beta, final, diverged = result
    with open(os.path.join(out, "tune.csv")) as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == lr.size, f"{len(rows)} cells, expected {lr.size}"
    worst, mismatches, loose = 0.0, 0, 0
    for i, row in enumerate(rows):
        if abs(float(row["lr"]) / lr[i] - 1) > 1e-14:
            raise SystemExit(f"cell {i}: lr {row['lr']} vs {lr[i]}")
        if abs(float(row["beta"]) - beta[i]) > 1e-15:
            raise SystemExit(f"cell {i}: beta {row['beta']} vs {beta[i]}")
        swift_diverged = float(row["diverged"]) > 0
        if swift_diverged != (diverged[i] != 0):
            mismatches += 1
            continue
        if swift_diverged:
            continue
        a, b = float(row["mean"]), float(final[i])
        rel = abs(a - b) / max(abs(a), abs(b), 1e-300)
        worst = max(worst, rel)
        if rel > 1e-9:
            loose += 1
        if rel > 1e-4:
            mismatches += 1
    return mismatches, loose, worst, sum(1 for d in diverged if d != 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("optrace")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="optrace-bench-")
    numpy_run()  # warm-up (imports, caches)
    optrace_run(args.optrace, out)
    swift_times, numpy_times = [], []
    result = None
    for _ in range(args.runs):
        swift_times.append(optrace_run(args.optrace, out))
        t, result = numpy_run()
        numpy_times.append(t)
    s, n = statistics.median(swift_times), statistics.median(numpy_times)
    print(f"64x64 momentum sweep, 500 steps, valley-bump without noise, medians of {args.runs} interleaved runs")
    print(f"  optrace tune --no-render (whole command)  {s * 1000:7.1f} ms   (min {min(swift_times) * 1000:.1f})")
    print(f"  numpy vectorised sweep (sweep alone)      {n * 1000:7.1f} ms   (min {min(numpy_times) * 1000:.1f})")
    print(f"  ratio numpy / optrace                     {n / s:7.2f}x  (goal >= 2x)")
    mismatches, loose, worst, diverged = compare(out, result)
    print(f"  per-cell check: {4096 - mismatches}/4096 cells agree (the same {diverged} diverge; final losses within "
          f"1e-4 relative, {4096 - loose} within 1e-9, largest difference {worst:.1e}: numpy's exp and optrace's "
          f"differ in the last bit now and then)")
    if mismatches:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
