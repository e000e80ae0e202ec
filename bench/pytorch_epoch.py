"""One training epoch of a 784-H-10 ReLU MLP on MNIST with PyTorch on CPU: the same work
as `regsim train --epochs 1` (50,000 training images, the last 10,000 held out for
validation; batch 64; SGD; L2 on weights only through weight_decay, biases not decayed).

Prints one line: `seconds <training seconds> accuracy <validation accuracy>`.
Usage: python3 bench/pytorch_epoch.py --hidden 800 --threads 2 --seed 1 [--lr 0.1] [--weight-decay 1e-4]
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch


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

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = torch.from_numpy(idx(os.path.join(args.data, "train-images-idx3-ubyte.gz")).reshape(60000, 784).copy())
    labels = torch.from_numpy(idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz")).astype(np.int64))
    train_images, train_labels = images[:50000], labels[:50000]

    model = torch.nn.Sequential(torch.nn.Linear(784, args.hidden), torch.nn.ReLU(), torch.nn.Linear(args.hidden, 10))
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimizer = torch.optim.SGD([{"params": weights, "weight_decay": args.weight_decay},
                                 {"params": biases, "weight_decay": 0.0}], lr=args.lr)
    loss_function = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(args.seed)
    order = torch.randperm(50000, generator=generator)

    start = time.perf_counter()
    for first in range(0, 50000, args.batch):
        rows = order[first:first + args.batch]
        x = train_images[rows].float().div_(255)
        y = train_labels[rows]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_function(model(x), y)
        loss.backward()
        optimizer.step()
    seconds = time.perf_counter() - start

    with torch.no_grad():
        x = images[50000:].float().div_(255)
        accuracy = (model(x).argmax(1) == labels[50000:]).float().mean().item()
    print(f"seconds {seconds:.4f} accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
