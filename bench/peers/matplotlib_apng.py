"""The usual matplotlib animation: FuncAnimation (blit=True) saved as an animated PNG with PillowWriter.
Prints the median wall time over --repeats runs and the file size."""
import argparse
import os
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import PillowWriter

from common import add_arguments, load_trajectory, race_animation


def render(a, traj, out):
    fig, anim = race_animation(a, traj)
    anim.save(out, writer=PillowWriter(fps=a.fps))
    plt.close(fig)


def main():
    p = argparse.ArgumentParser()
    add_arguments(p)
    p.add_argument("--fps", type=int, default=12)
    p.add_argument("--out", default="race_matplotlib.png")
    a = p.parse_args()
    traj = load_trajectory(a.csv)
    times = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        render(a, traj, a.out)
        times.append(time.perf_counter() - t0)
    size = os.path.getsize(a.out)
    print(f"matplotlib FuncAnimation + PillowWriter APNG: median {statistics.median(times):.2f} s, "
          f"{size / 1024:.0f} KiB ({a.repeats} runs)")


if __name__ == "__main__":
    main()
