#!/usr/bin/env python3
"""The network peer of `optrace bench`'s networks section, in numpy (OpenBLAS for the matrix products):

  * the chapter's XOR cell (§8.3), 201 epochs of plain gradient descent on the 2-4-1 net, as printed in the chapter;
  * the gradient of a 32-100-64-1 tanh/sigmoid MLP (9 829 parameters) on a batch of 64, written by hand (EQ M8.2, M8.3).

Prints the median of --runs timings of each, in milliseconds and microseconds.
"""
import argparse
import statistics
import time

import numpy as np


def xor_cell():
    rng = np.random.default_rng(3)
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1], [.1, .1], [.1, .9], [.9, .1], [.9, .9]], float)
    y = np.array([0, 1, 1, 0, 0, 1, 1, 0], float).reshape(-1, 1)
    W1 = rng.normal(0, 1.0, (4, 2)); b1 = np.zeros(4)
    W2 = rng.normal(0, 1.0, (1, 4)); b2 = np.zeros(1)
    lr, losses = 2.0, []
    for epoch in range(201):
        H = np.tanh(X @ W1.T + b1)
        p = 1 / (1 + np.exp(-(H @ W2.T + b2)))
        L = -np.mean(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))
        losses.append(L)
        dZ2 = (p - y) / len(X)
        dW2 = dZ2.T @ H; db2 = dZ2.sum(0)
        dZ1 = (dZ2 @ W2) * (1 - H ** 2)
        dW1 = dZ1.T @ X; db1 = dZ1.sum(0)
        W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2
    return losses[-1]


def mlp_gradient(X, y, Ws, bs):
    acts = [X]
    for W, b in zip(Ws[:-1], bs[:-1]):
        acts.append(np.tanh(acts[-1] @ W.T + b))
    p = 1 / (1 + np.exp(-(acts[-1] @ Ws[-1].T + bs[-1])))
    delta = (p - y) / p.size
    grads = []
    for l in range(len(Ws) - 1, -1, -1):
        grads.append((delta.T @ acts[l], delta.sum(0)))
        if l > 0:
            delta = (delta @ Ws[l]) * (1 - acts[l] ** 2)
    return grads


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cell = []
    for _ in range(args.runs + 1):
        start = time.perf_counter(); xor_cell(); cell.append(time.perf_counter() - start)
    rng = np.random.default_rng(7)
    widths = [32, 100, 64, 1]
    X = rng.normal(size=(64, 32)); y = (rng.random((64, 1)) < 0.5).astype(float)
    Ws = [rng.normal(0, np.sqrt(2 / (a + b)), (b, a)) for a, b in zip(widths, widths[1:])]
    bs = [np.zeros(b) for b in widths[1:]]
    rounds, grad = 20, []
    for _ in range(args.runs + 1):
        start = time.perf_counter()
        for _ in range(rounds):
            mlp_gradient(X, y, Ws, bs)
        grad.append((time.perf_counter() - start) / rounds)
    print(f"xor_cell_ms {statistics.median(cell[1:]) * 1e3:.3f}")
    print(f"mlp_gradient_us {statistics.median(grad[1:]) * 1e6:.1f}")


if __name__ == "__main__":
    main()
