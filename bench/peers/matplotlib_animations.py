"""The usual matplotlib animation of a race: FuncAnimation (blit=True) saved as a GIF with PillowWriter or as an
MP4 with FFMpegWriter (libx264, yuv420p). Prints one line per run: writer, seconds, bytes."""
import argparse
import os
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import FFMpegWriter, PillowWriter

from common import add_arguments, load_trajectory, race_animation


def render(a, traj, out, writer):
    fig, anim = race_animation(a, traj)
    if writer == "pillow":
        anim.save(out, writer=PillowWriter(fps=a.fps))
    else:
        anim.save(out, writer=FFMpegWriter(fps=a.fps, codec="libx264", extra_args=["-pix_fmt", "yuv420p"]))
    plt.close(fig)


def main():
    p = argparse.ArgumentParser()
    add_arguments(p)
    p.add_argument("--fps", type=int, default=30)
    p.add_argument("--writer", choices=["pillow", "ffmpeg"], required=True)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    traj = load_trajectory(a.csv)
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        render(a, traj, a.out, a.writer)
        print(f"{a.writer} {time.perf_counter() - t0:.4f} {os.path.getsize(a.out)}", flush=True)


if __name__ == "__main__":
    main()
