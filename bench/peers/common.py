"""Shared parts of the matplotlib peers: trajectory CSV, the surface as a numpy expression, the race animation."""
import csv
from collections import OrderedDict

import numpy as np


def load_trajectory(path):
    """Returns OrderedDict racer -> dict(x, y, loss) arrays ordered by step (header: racer,step,x,y,loss,...)."""
    rows = OrderedDict()
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            rows.setdefault(r["racer"], []).append((int(r["step"]), float(r["x"]), float(r["y"]), float(r["loss"])))
    out = OrderedDict()
    for name, items in rows.items():
        items.sort()
        a = np.array([i[1:] for i in items], dtype=float)
        out[name] = dict(x=a[:, 0], y=a[:, 1], loss=a[:, 2])
    return out


def surface_grid(expression, xlim, ylim, columns=241, rows=161):
    x = np.linspace(xlim[0], xlim[1], columns)
    y = np.linspace(ylim[0], ylim[1], rows)
    X, Y = np.meshgrid(x, y)
    Z = eval(expression, {"np": np, "x": X, "y": Y, "exp": np.exp, "sqrt": np.sqrt, "log": np.log})
    return X, Y, np.asarray(Z, dtype=float)


def add_arguments(parser):
    parser.add_argument("--csv", required=True, help="trajectory.csv (racer,step,x,y,loss,grad_x,grad_y,noise_x,noise_y)")
    parser.add_argument("--surface", required=True, help="numpy expression in x and y, e.g. '0.5*(0.1*x**2+y**2)'")
    parser.add_argument("--xlim", type=float, nargs=2, default=(-6, 12))
    parser.add_argument("--ylim", type=float, nargs=2, default=(-5, 5))
    parser.add_argument("--repeats", type=int, default=5)


def race_animation(a, traj):
    """The usual matplotlib race animation: filled log-scaled contours, iso-lines, a path and a marker per racer and
    a title with the losses, as FuncAnimation (blit=True). Returns (figure, animation); the caller saves and closes."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation
    from matplotlib.colors import LogNorm

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

    return fig, FuncAnimation(fig, update, frames=steps, blit=True)
