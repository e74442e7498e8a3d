#!/usr/bin/env python3
"""The sweep engine against the numpy peer at three sizes, side by side, with a per-cell check.

Usage: bench/engine.py OPTRACE [--runs N] [--sizes 64,128,256]

For each size, interleaved, N times (default 3):
  * `OPTRACE tune SCENARIO --racer Momentum --param lr=0.01:1:log:S --param beta=0:0.99:S --steps T
    [--seeds 4] --no-render` on every core: the wall time of the whole process, and its processor time
    (user + system) per run-step (S·S configurations × T steps × seeds);
  * the numpy peer (bench/peers/numpy_momentum_sweep.py) as a process: its whole wall time, and the
    time of the vectorised sweep alone that it prints.
Size 64 is the noiseless 64×64 × 500-step sweep on bench/valley-bump-quiet.yaml; 128 and 256 run 1000
steps × 4 seeds with σ = 0.2 (bench/valley-bump-rules.yaml, the seeds optrace writes to tune.json).
Then every cell is compared: a cell counts as agreeing when both sides diverge in the same seeds and the
mean final loss over the seeds agrees to 1e-9 (and to 1e-6) relative; chaotic high-β runs amplify the
last-bit differences between numpy's exp and optrace's (see bench/README.md).
"""
import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "peers", "numpy_momentum_sweep.py")


def optrace_run(binary, size, out):
    noisy = size > 64
    scenario = os.path.join(HERE, "valley-bump-rules.yaml" if noisy else "valley-bump-quiet.yaml")
    args = [binary, "tune", scenario, "--racer", "Momentum", "--param", f"lr=0.01:1:log:{size}",
            "--param", f"beta=0:0.99:{size}", "--steps", "1000" if noisy else "500", "--no-render", "--quiet",
            "--out", out] + (["--seeds", "4"] if noisy else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def numpy_run(size, seeds, csv_path):
    noisy = size > 64
    args = [sys.executable, PEER, "--size", str(size), "--steps", "1000" if noisy else "500", "--csv", csv_path]
    if noisy:
        args += ["--sigma", "0.2", "--seeds", ",".join(map(str, seeds))]
    start = time.perf_counter()
    done = subprocess.run(args, check=True, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    sweep = float(done.stderr.split("sweep ")[1].split(" ms")[0]) / 1000
    return wall, sweep


def compare(out, peer_csv, size, seeds):
    with open(os.path.join(out, "tune.csv")) as f:
        rows = list(csv.DictReader(f))
    with open(peer_csv) as f:
        peer = list(csv.DictReader(f))
    cells = size * size
    copies = max(1, len(seeds))
    assert len(rows) == cells and len(peer) == cells * copies
    agree9 = agree6 = 0
    for i, row in enumerate(rows):
        runs = [peer[k * cells + i] for k in range(copies)]
        peer_diverged = sum(1 for r in runs if r["diverged_step"]) / copies
        if abs(float(row["diverged"]) - peer_diverged) > 1e-12:
            continue
        finished = [float(r["final_loss"]) for r in runs if not r["diverged_step"]]
        if not finished:
            agree9 += 1
            agree6 += 1
            continue
        a, b = float(row["mean"]), sum(finished) / len(finished)
        rel = abs(a - b) / max(abs(a), abs(b), 1e-300)
        agree9 += rel <= 1e-9
        agree6 += rel <= 1e-6
    return agree9, agree6, cells


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("optrace")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="64,128,256")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    out = tempfile.mkdtemp(prefix="optrace-engine-")
    print(f"momentum sweeps on valley-bump, medians of {args.runs} interleaved runs, {os.cpu_count()} cores")
    print(f"{'size':<22}{'optrace wall':>14}{'cpu/run-step':>14}{'numpy wall':>12}{'numpy sweep':>13}"
          f"{'whole/whole':>13}{'sweep/whole':>13}   cells within 1e-9 / 1e-6")
    for size in sizes:
        noisy = size > 64
        steps, copies = (1000, 4) if noisy else (500, 1)
        run_steps = size * size * steps * copies
        optrace_run(args.optrace, size, out)  # warm-up; its tune.json names the seeds
        seeds = json.load(open(os.path.join(out, "tune.json")))["seeds"] if noisy else []
        peer_csv = os.path.join(out, "peer.csv")
        walls, cpus, numpy_walls, numpy_sweeps = [], [], [], []
        for _ in range(args.runs):
            wall, cpu = optrace_run(args.optrace, size, out)
            walls.append(wall)
            cpus.append(cpu)
            nw, ns = numpy_run(size, seeds, peer_csv)
            numpy_walls.append(nw)
            numpy_sweeps.append(ns)
        w, c = statistics.median(walls), statistics.median(cpus)
        nw, ns = statistics.median(numpy_walls), statistics.median(numpy_sweeps)
        agree9, agree6, cells = compare(out, peer_csv, size, seeds)
        label = f"{size}x{size} x {steps}" + (" x 4, σ 0.2" if noisy else ", no noise")
        print(f"{label:<22}{w * 1000:>11.0f} ms{c / run_steps * 1e9:>11.1f} ns{nw:>10.2f} s{ns:>11.2f} s"
              f"{nw / w:>12.1f}x{ns / w:>12.1f}x   {agree9} / {agree6} of {cells}", flush=True)


if __name__ == "__main__":
    main()
