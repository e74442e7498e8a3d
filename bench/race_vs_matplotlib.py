"""optrace race pictures against the matplotlib peers, side by side in one run.

Runs the real `optrace race` command on the default 120-step race (valley-bump, 3 racers) and the
matplotlib peers on the very trajectory it wrote, then prints medians and ratios:
  * PNG frames: optrace's whole command (race + 121 frames + race.apng + summary + loss plot) per frame,
    and the cost of each additional frame (a 240-step run against the 120-step one), against the
    peer's blitting loop (static background cached, paths redrawn, Pillow PNG) per frame, which
    leaves out its own set-up as the additional-frame figure does;
  * race.apng alone (--no-frames) against FuncAnimation + PillowWriter: time and size.
Usage: python3 bench/race_vs_matplotlib.py OPTRACE_BINARY [--repeats N]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SURFACE = "0.5*(0.1*x**2+y**2)+1.5*np.exp(-((x-3)**2+(y-0.2)**2)/(2*0.8**2))"
FRAMES = 121


def timed(cmd, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peer(script, args):
    out = subprocess.run([sys.executable, os.path.join(HERE, "peers", script)] + args,
                         check=True, capture_output=True, text=True).stdout
    print("  " + out.strip())
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("optrace")
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    work = tempfile.mkdtemp(prefix="optrace-bench-")
    base = [a.optrace, "race", "--steps", "120", "--quiet"]

    data = os.path.join(work, "data")
    subprocess.run(base + ["--out", data, "--no-render"], check=True)
    csv = os.path.join(data, "trajectory.csv")

    print(f"optrace (release, {os.cpu_count()} cores), medians of {a.repeats} runs")
    full = timed(base + ["--out", os.path.join(work, "full")], a.repeats)
    longer = [a.optrace, "race", "--steps", "240", "--quiet"]
    full240 = timed(longer + ["--out", os.path.join(work, "full240")], a.repeats)
    marginal = (full240 - full) / 120
    apng_only = timed(base + ["--out", os.path.join(work, "apng"), "--no-frames"], a.repeats)
    one_thread = timed(base + ["--out", os.path.join(work, "one"), "--threads", "1"], a.repeats)
    apng_size = os.path.getsize(os.path.join(work, "apng", "race.apng"))
    frames_dir = os.path.join(work, "full", "frames")
    frame_bytes = sum(os.path.getsize(os.path.join(frames_dir, f)) for f in os.listdir(frames_dir))
    print(f"  whole command, {FRAMES} frames + race.apng + summary + loss: {full * 1000:.0f} ms "
          f"= {full / FRAMES * 1000:.2f} ms per frame ({frame_bytes / FRAMES / 1024:.0f} KiB each); "
          f"one encoding thread: {one_thread / FRAMES * 1000:.2f} ms per frame")
    print(f"  per additional frame (240 against 120 steps): {marginal * 1000:.2f} ms")
    print(f"  race.apng only (--no-frames): {apng_only * 1000:.0f} ms, {apng_size / 1024:.0f} KiB")

    print("matplotlib peers on the same trajectory")
    common = ["--csv", csv, "--surface", SURFACE, "--xlim", "-6", "12", "--ylim", "-5", "5"]
    out = peer("matplotlib_frames.py", common + ["--repeats", str(a.repeats)])
    mpl_frame = float(re.search(r"median ([0-9.]+) ms per frame", out).group(1)) / 1000
    apng_out = os.path.join(work, "race_matplotlib.png")
    out = peer("matplotlib_apng.py", common + ["--repeats", str(max(1, a.repeats // 2)), "--out", apng_out])
    mpl_apng = float(re.search(r"median ([0-9.]+) s", out).group(1))
    mpl_size = os.path.getsize(apng_out)

    print("ratios (matplotlib / optrace)")
    print(f"  PNG frames, per frame:   {mpl_frame / (full / FRAMES):5.1f}x faster counting the whole command "
          f"(one encoding thread {mpl_frame / (one_thread / FRAMES):.1f}x); "
          f"{mpl_frame / marginal:.1f}x per additional frame, like the peer's loop (goal >= 4x)")
    print(f"  APNG of the race, time:  {mpl_apng / apng_only:5.1f}x faster (goal >= 30x)")
    print(f"  APNG of the race, size:  {mpl_size / apng_size:5.1f}x smaller (goal >= 8x)")


if __name__ == "__main__":
    main()
