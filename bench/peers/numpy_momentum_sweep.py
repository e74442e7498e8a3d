#!/usr/bin/env python3
"""The numpy peer of `optrace tune valley-bump --racer Momentum --param lr=0.01:1:log:64
--param beta=0:0.99:64 --steps 500 --no-render` on the valley-bump surface, without noise or (with --sigma
and --seeds) with optrace's seeded gradient noise: the same SplitMix64 words and Box-Muller pairs as
GaussianStream, every configuration run once per seed, all of them side by side (--size N: N x N configurations).

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


MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def noise(seed, steps, sigma):
    """xi_1 ... xi_steps of optrace's GradientNoise (sigma per axis, batch 1) for one seed, as two arrays."""
    import math
    state = mix(seed)
    xs, ys = np.zeros(steps), np.zeros(steps)
    for t in range(steps):
        u = [((mix((state + (2 * t + k + 1) * GAMMA) & MASK) >> 11) + 0.5) * 2.0 ** -53 for k in (0, 1)]
        r = math.sqrt(-2 * math.log(u[0]))
        angle = 2 * math.pi * u[1]
        xs[t], ys[t] = sigma * (r * math.cos(angle)), sigma * (r * math.sin(angle))
    return xs, ys


def sweep(n_lr=64, n_beta=64, steps=500, sigma=0.0, seeds=()):
    lrs = np.exp(np.linspace(np.log(0.01), np.log(1.0), n_lr))
    lrs[0], lrs[-1] = 0.01, 1.0
    betas = np.linspace(0.0, 0.99, n_beta)
    betas[-1] = 0.99
    # cells in optrace's order: the first parameter (lr) varies fastest; then every cell again for each seed
    copies = max(1, len(seeds))
    lr = np.tile(np.tile(lrs, n_beta), copies)
    beta = np.tile(np.repeat(betas, n_lr), copies)
    n = lr.size
    cells = n_lr * n_beta
    xi = [noise(seed, steps, sigma) for seed in seeds] if sigma else []
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
            if xi:
                gx = gx + np.repeat([xs[t - 1] for xs, _ in xi], cells)
                gy = gy + np.repeat([ys[t - 1] for _, ys in xi], cells)
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
    parser.add_argument("--size", type=int, default=64, help="N x N configurations (lr x beta)")
    parser.add_argument("--sigma", type=float, default=0.0, help="gradient noise per axis")
    parser.add_argument("--seeds", default="", help="comma-separated noise seeds (each configuration runs once per seed)")
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s]
    start = time.perf_counter()
    lr, beta, final, diverged = sweep(args.size, args.size, args.steps, args.sigma, seeds)
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
