#!/usr/bin/env python3
"""Each animation format of the default race against matplotlib's writers, side by side.

Usage: bench/animations.py OPTRACE [--runs N] [--steps 200]

For N interleaved rounds (default 3), on the built-in valley-bump race (800 × 600, 30 frames per second):
  * `OPTRACE race --no-frames --animation FORMAT` for apng, gif, webp, mp4 and webm, and once with
    `--animation none`: the wall time of the whole command (race, stills and animation) and the file's size;
    the animation's own time is the difference from `none`;
  * matplotlib's FuncAnimation saved with PillowWriter (GIF) and FFMpegWriter (MP4, libx264, yuv420p) on the same
    trajectory (bench/peers/matplotlib_animations.py; needs `pip install matplotlib pillow` and ffmpeg).
Prints the medians, the sizes and the ratios: GIF against PillowWriter, MP4 against FFMpegWriter.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "peers", "matplotlib_animations.py")
SURFACE = "0.5*(0.1*x**2+y**2)+1.5*np.exp(-((x-3)**2+(y-0.2)**2)/(2*0.8**2))"
FORMATS = ["none", "apng", "gif", "webp", "mp4", "webm"]


def optrace(binary, fmt, steps, out):
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([binary, "race", "--steps", str(steps), "--no-frames", "--animation", fmt, "--quiet", "--out", out],
                   check=True)
    wall = time.perf_counter() - start
    size = os.path.getsize(os.path.join(out, f"race.{fmt}")) if fmt != "none" else 0
    return wall, size


def peer(writer, csv, out):
    done = subprocess.run([sys.executable, PEER, "--csv", csv, "--surface", SURFACE, "--writer", writer,
                           "--out", out, "--repeats", "1"], check=True, capture_output=True, text=True)
    _, seconds, size = done.stdout.split()
    return float(seconds), int(size)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("optrace")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--steps", type=int, default=200)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="optrace-anim-bench-")
    times = {f: [] for f in FORMATS + ["pillow", "ffmpeg"]}
    sizes = {}
    csv = os.path.join(work, "none", "trajectory.csv")
    for _ in range(a.runs):
        for fmt in FORMATS:
            wall, size = optrace(a.optrace, fmt, a.steps, os.path.join(work, fmt))
            times[fmt].append(wall)
            sizes[fmt] = size
        for writer, ext in [("pillow", "gif"), ("ffmpeg", "mp4")]:
            seconds, size = peer(writer, csv, os.path.join(work, f"matplotlib.{ext}"))
            times[writer].append(seconds)
            sizes[writer] = size
    med = {k: statistics.median(v) for k, v in times.items()}
    apng = sizes["apng"]
    print(f"default race, {a.steps} steps ({a.steps + 1} frames), 800x600, 30 fps; medians of {a.runs} interleaved runs, "
          f"{os.cpu_count()} cores")
    print(f"{'what':34} {'whole command':>14} {'animation alone':>16} {'size':>10} {'size / APNG':>12}")
    print(f"{'optrace race, --animation none':34} {med['none']:13.2f}s {'':>16} {'':>10}")
    for fmt in FORMATS[1:]:
        print(f"{'optrace race, --animation ' + fmt:34} {med[fmt]:13.2f}s {med[fmt] - med['none']:15.2f}s "
              f"{sizes[fmt] / 1024:8.0f} KiB {sizes[fmt] / apng:11.2f}")
    for writer, label in [("pillow", "matplotlib + PillowWriter (GIF)"), ("ffmpeg", "matplotlib + FFMpegWriter (MP4)")]:
        print(f"{label:34} {med[writer]:13.2f}s {'':>16} {sizes[writer] / 1024:8.0f} KiB {sizes[writer] / apng:11.2f}")
    print(f"GIF: {med['pillow'] / med['gif']:.1f}x faster than PillowWriter (whole optrace command against the "
          f"writer's save alone), {sizes['gif'] / sizes['pillow']:.2f}x its size")
    print(f"MP4: {med['ffmpeg'] / med['mp4']:.1f}x faster than FFMpegWriter, {sizes['mp4'] / sizes['ffmpeg']:.2f}x its size")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
