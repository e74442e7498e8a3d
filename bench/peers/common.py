"""Shared loading for the matplotlib peers: trajectory CSV and the surface as a numpy expression."""
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
