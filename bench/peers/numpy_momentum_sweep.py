#!/usr/bin/env python3
"""The numpy peer of `optrace tune valley-bump --racer Momentum --param lr=0.01:1:log:64
--param beta=0:0.99:64 --steps 500 --no-render` on the noiseless valley-bump surface.

All 64x64 (lr, beta) configurations of heavy-ball momentum (torch.optim.SGD, dampening 0:
v1 = g1, vt = beta*v(t-1) + gt, theta_t = theta_(t-1) - lr*vt) run side by side as numpy
arrays, one vectorised update per step, from the scenario's start (10, 4), with optrace's
divergence rule (a non-finite gradient, position or loss, or a position more than 100
domain widths outside the domain stops the run). Prints the wall time of the sweep itself
on stderr and, with --csv PATH, writes one row per configuration:
lr,beta,final_loss,diverged_step (empty when it finished).

f(x, y) = 0.5*(0.1 x^2 + y^2) + 1.5 exp(-((x-3)^2 + (y-0.2)^2) / (2*0.8^2))
"""
import argparse
import sys
import time

import numpy as np


def sweep(n_lr=64, n_beta=64, steps=500):
    lrs = np.exp(np.linspace(np.log(0.01), np.log(1.0), n_lr))
    lrs[0], lrs[-1] = 0.01, 1.0
    betas = np.linspace(0.0, 0.99, n_beta)
    betas[-1] = 0.99
    # cells in optrace's order: the first parameter (lr) varies fastest
    lr = np.tile(lrs, n_beta)
    beta = np.repeat(betas, n_lr)
    n = lr.size
    c = -1.0 / (2 * 0.8 * 0.8)
    xlo, xhi, ylo, yhi = -6.0, 12.0, -5.0, 5.0
    reach_x, reach_y = 100 * (xhi - xlo), 100 * (yhi - ylo)
    low_x, high_x, low_y, high_y = xlo - reach_x, xhi + reach_x, ylo - reach_y, yhi + reach_y

    def loss_grad(x, y):
        dx, dy = x - 3.0, y - 0.2
        b = 1.5 * np.exp(c * (dx * dx + dy * dy))
        f = 0.5 * (0.1 * x * x + y * y) + b
        gx = 0.1 * x + 2 * c * dx * b
        gy = y + 2 * c * dy * b
        return f, gx, gy

    x = np.full(n, 10.0)
    y = np.full(n, 4.0)
    vx = np.zeros(n)
    vy = np.zeros(n)
    f, gx, gy = loss_grad(x, y)
    final = f.copy()
    diverged = np.zeros(n, dtype=np.int64)  # 0: still running
    alive = np.ones(n, dtype=bool)
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            vx = beta * vx + gx if t > 1 else gx.copy()
            vy = beta * vy + gy if t > 1 else gy.copy()
            x = x - lr * vx
            y = y - lr * vy
            ngx, ngy = gx, gy
            f, gx, gy = loss_grad(x, y)
            bad = ~(np.isfinite(ngx) & np.isfinite(ngy) & np.isfinite(x) & np.isfinite(y) & np.isfinite(f))
            bad |= (x < low_x) | (x > high_x) | (y < low_y) | (y > high_y)
            newly = alive & bad
            diverged[newly] = t
            alive &= ~bad
            final = np.where(alive, f, final)
    return lr, beta, final, diverged


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", help="write lr,beta,final_loss,diverged_step per configuration")
    parser.add_argument("--steps", type=int, default=500)
    args = parser.parse_args()
    start = time.perf_counter()
    lr, beta, final, diverged = sweep(steps=args.steps)
    elapsed = time.perf_counter() - start
    print(f"sweep {elapsed * 1000:.1f} ms", file=sys.stderr)
    if args.csv:
        with open(args.csv, "w") as out:
            out.write("lr,beta,final_loss,diverged_step\n")
            for i in range(lr.size):
                step = "" if diverged[i] == 0 else str(diverged[i])
                loss = "" if diverged[i] != 0 else repr(float(final[i]))
                out.write(f"{float(lr[i])!r},{float(beta[i])!r},{loss},{step}\n")


if __name__ == "__main__":
    main()
