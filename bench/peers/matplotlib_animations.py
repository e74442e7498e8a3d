"""The usual matplotlib animation of a race: FuncAnimation (blit=True) saved as a GIF with PillowWriter or as an
MP4 with FFMpegWriter (libx264, yuv420p). Prints one line per run: writer, seconds, bytes."""
import argparse
import os
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import FFMpegWriter, FuncAnimation, PillowWriter
from matplotlib.colors import LogNorm
import numpy as np

from common import add_arguments, load_trajectory, surface_grid


def render(a, traj, out, writer):
    X, Y, Z = surface_grid(a.surface, a.xlim, a.ylim)
    steps = max(len(t["x"]) for t in traj.values())
    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    levels = np.geomspace(max(np.nanmin(Z), 1e-12), np.nanmax(Z), 21)
    ax.contourf(X, Y, Z, levels=levels, norm=LogNorm(), cmap="viridis")
    ax.contour(X, Y, Z, levels=levels, colors="k", linewidths=0.5)
    ax.set_xlim(*a.xlim)
    ax.set_ylim(*a.ylim)
    lines = [ax.plot([], [], lw=1.8, label=name)[0] for name in traj]
    dots = [ax.plot([], [], "o", ms=7, mec="white", color=ln.get_color())[0] for ln in lines]
    ax.legend(loc="upper left")
    title = ax.set_title("", family="monospace")

    def update(s):
        parts = []
        for (name, t), ln, dt in zip(traj.items(), lines, dots):
            k = min(s, len(t["x"]) - 1)
            ln.set_data(t["x"][: k + 1], t["y"][: k + 1])
            dt.set_data([t["x"][k]], [t["y"][k]])
            parts.append(f"{name}={t['loss'][k]:.3g}")
        title.set_text(f"step {s:3d}  " + "  ".join(parts))
        return lines + dots + [title]

    anim = FuncAnimation(fig, update, frames=steps, blit=True)
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
