#!/usr/bin/env python3
"""How fast optrace stops on SIGINT and SIGTERM, in every phase of every long command.

Usage: bench/interrupt.py OPTRACE_EXECUTABLE [--runs N]

Each case starts the executable in a fresh folder, waits until the phase it names has begun (a file that
only exists in that phase, or a fixed delay for the computing phases), sends the signal and measures the
time until the process has exited. Prints the median and the worst of N runs per case, the exit codes,
and whether any partial file (a hidden .tmp) was left. The promise is: stop within 1 s, exit 130/143.
"""
import os, signal, statistics, subprocess, sys, tempfile, time

def wait_for(predicate, proc, limit=120.0):
    t0 = time.monotonic()
    while time.monotonic() - t0 < limit:
        if proc.poll() is not None:
            return False
        if predicate():
            return True
        time.sleep(0.005)
    return False

def exists(folder, name):
    return lambda: os.path.exists(os.path.join(folder, name))

def after(seconds):
    t0 = time.monotonic()
    return lambda: time.monotonic() - t0 > seconds

# (label, arguments (OUT is the folder), readiness predicate factory)
CASES = [
    ("race: computing (10^7 steps)", ["race", "--steps", "10000000", "--no-render", "--quiet", "--out", "OUT"], lambda d: after(0.5)),
    ("race: drawing frames", ["race", "--steps", "3000", "--quiet", "--out", "OUT"], lambda d: exists(d, "frames/frame_0100.png")),
    ("tune: sweeping", ["tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.001:1:log:256",
                        "--param", "beta=0:0.99:256", "--steps", "2000", "--quiet", "--out", "OUT"], lambda d: after(0.5)),
    ("tune: drawing the heatmap", ["tune", "valley-bump", "--racer", "Momentum", "--param", "lr=0.001:1:log:512",
                                   "--param", "beta=0:0.99:512", "--steps", "3", "--quiet", "--out", "OUT"], lambda d: exists(d, "tune.csv")),
    ("map: running the starts", ["map", "himmelblau", "--racer", "SGD", "--grid", "1000x1000", "--steps", "2000", "--quiet",
                                 "--out", "OUT"], lambda d: after(0.5)),
    ("map: drawing the map", ["map", "himmelblau", "--racer", "SGD", "--grid", "1000x1000", "--steps", "2", "--quiet",
                              "--out", "OUT"], lambda d: exists(d, "map.csv")),
]

def leftovers(folder):
    found = []
    for root, _, files in os.walk(folder):
        found += [f for f in files if f.endswith(".tmp")]
    return found

def main():
    executable = sys.argv[1]
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    print(f"{'case':34} {'signal':7} {'median':>8} {'worst':>8}  exit codes   partial files")
    for label, arguments, ready in CASES:
        for sig in (signal.SIGINT, signal.SIGTERM):
            times, codes, partial, missed = [], set(), 0, 0
            for _ in range(runs):
                with tempfile.TemporaryDirectory() as base:
                    folder = os.path.join(base, "out")
                    args = [a.replace("OUT", folder) for a in arguments]
                    proc = subprocess.Popen([executable] + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    if not wait_for(ready(folder), proc):
                        missed += 1
                        proc.kill(); proc.wait()
                        continue
                    sent = time.monotonic()
                    proc.send_signal(sig)
                    try:
                        code = proc.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        proc.kill(); code = proc.wait()
                    times.append(time.monotonic() - sent)
                    codes.add(code)
                    partial += len(leftovers(folder))
            if not times:
                print(f"{label:34} {sig.name:7} the phase was never reached ({missed} runs ended first)")
                continue
            note = f"  ({missed} runs ended before the phase)" if missed else ""
            print(f"{label:34} {sig.name:7} {statistics.median(times)*1000:7.0f}ms {max(times)*1000:7.0f}ms  "
                  f"{sorted(codes)!s:12} {partial}{note}")

if __name__ == "__main__":
    main()
