"""A skilled matplotlib user's fastest frame loop: static background cached with copy_from_bbox, the paths,
markers and title re-drawn with draw_artist and blitted, each frame saved as PNG by Pillow.
Prints the median per-frame time over --repeats runs."""
import argparse
import io
import statistics
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LogNorm
import numpy as np
from PIL import Image

from common import add_arguments, load_trajectory, surface_grid


def main():
    p = argparse.ArgumentParser()
    add_arguments(p)
    p.add_argument("--out", default=None, help="directory to keep the PNGs (default: in memory only)")
    a = p.parse_args()
    traj = load_trajectory(a.csv)
    X, Y, Z = surface_grid(a.surface, a.xlim, a.ylim)
    steps = max(len(t["x"]) for t in traj.values())

    fig, ax = plt.subplots(figsize=(8, 6), dpi=100)
    zmin = max(np.nanmin(Z), 1e-12)
    levels = np.geomspace(zmin, np.nanmax(Z), 21)
    ax.contourf(X, Y, Z, levels=levels, norm=LogNorm(), cmap="viridis")
    ax.contour(X, Y, Z, levels=levels, colors="k", linewidths=0.5)
    ax.set_xlim(*a.xlim)
    ax.set_ylim(*a.ylim)
    lines, dots = [], []
    for name in traj:
        (ln,) = ax.plot([], [], lw=1.8, label=name, animated=True)
        (dt,) = ax.plot([], [], "o", ms=7, mec="white", color=ln.get_color(), animated=True)
        lines.append(ln)
        dots.append(dt)
    ax.legend(loc="upper left")
    title = ax.set_title("", family="monospace", animated=True)
    fig.canvas.draw()
    background = fig.canvas.copy_from_bbox(fig.bbox)

    per_frame = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        for s in range(steps):
            fig.canvas.restore_region(background)
            parts = []
            for (name, t), ln, dt in zip(traj.items(), lines, dots):
                k = min(s, len(t["x"]) - 1)
                ln.set_data(t["x"][: k + 1], t["y"][: k + 1])
                dt.set_data([t["x"][k]], [t["y"][k]])
                ax.draw_artist(ln)
                ax.draw_artist(dt)
                parts.append(f"{name}={t['loss'][k]:.3g}")
            title.set_text(f"step {s:3d}  " + "  ".join(parts))
            ax.draw_artist(title)
            fig.canvas.blit(fig.bbox)
            img = Image.frombuffer("RGBA", fig.canvas.get_width_height(), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            if a.out:
                with open(f"{a.out}/frame_{s:04d}.png", "wb") as f:
                    f.write(buf.getvalue())
        per_frame.append((time.perf_counter() - t0) / steps)
    print(f"matplotlib blit + Pillow PNG: median {statistics.median(per_frame) * 1000:.1f} ms per frame "
          f"({steps} frames, {a.repeats} runs)")


if __name__ == "__main__":
    main()
