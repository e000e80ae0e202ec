"""One training epoch of a 784-H-10 ReLU MLP on MNIST in numpy (OpenBLAS matrix products):
the same work as bench/pytorch_epoch.py and `regsim train --epochs 1` (50,000 images, batch 64,
SGD, softmax cross-entropy, L2 (λ/2)·Σw² on the weights through the shrink factor 1 − η·λ).

Prints one line: `seconds <training seconds> accuracy <validation accuracy>`.
Usage: python3 bench/numpy_epoch.py --hidden 800 --threads 2 --seed 1 [--lr 0.1] [--weight-decay 1e-4]
"""
import argparse
import gzip
import os
import time

import numpy as np


def idx(path):
    with gzip.open(path, "rb") as handle:
        data = handle.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hidden", type=int, default=800)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--weight-decay", type=float, default=1e-4)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "data", "mnist"))
    args = parser.parse_args()

    from threadpoolctl import threadpool_limits
    threadpool_limits(args.threads)
    rng = np.random.default_rng(args.seed)
    images = idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).reshape(60000, 784)
    labels = idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64)
    h, lr, decay = args.hidden, np.float32(args.lr), np.float32(args.weight_decay)
    w1 = rng.uniform(-np.sqrt(6 / 784), np.sqrt(6 / 784), (784, h)).astype(np.float32)
    w2 = rng.uniform(-np.sqrt(6 / (h + 10)), np.sqrt(6 / (h + 10)), (h, 10)).astype(np.float32)
    b1, b2 = np.zeros(h, np.float32), np.zeros(10, np.float32)
    order = rng.permutation(50000)

    start = time.perf_counter()
    for first in range(0, 50000, args.batch):
        rows = order[first:first + args.batch]
        x = images[rows].astype(np.float32) / np.float32(255)
        n = len(rows)
        z1 = x @ w1 + b1
        a1 = np.maximum(z1, 0)
        z2 = a1 @ w2 + b2
        p = np.exp(z2 - z2.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        p[np.arange(n), labels[rows]] -= 1
        dz2 = p / np.float32(n)
        dw2, db2 = a1.T @ dz2, dz2.sum(axis=0)
        dz1 = (dz2 @ w2.T) * (z1 > 0)
        dw1, db1 = x.T @ dz1, dz1.sum(axis=0)
        factor = np.float32(1) - lr * decay
        w1 *= factor
        w1 -= lr * dw1
        w2 *= factor
        w2 -= lr * dw2
        b1 -= lr * db1
        b2 -= lr * db2
    seconds = time.perf_counter() - start

    x = images[50000:].astype(np.float32) / np.float32(255)
    accuracy = ((np.maximum(x @ w1 + b1, 0) @ w2 + b2).argmax(1) == labels[50000:]).mean()
    print(f"seconds {seconds:.4f} accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
