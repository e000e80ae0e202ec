#!/usr/bin/env python3
"""A regsim session in PyTorch: the same network, initial parameters, data, penalty and updates.

  network  3-1, output identity, no bias
  loss     J_data = 1/(2n)·Σ(ŷ − y)², the article's ½
  penalty  layer 1: L2 λ₂ = 0.1 (article convention (λ/2)·Σw², gradient c·w with c = 0.1); weights only
  update   SGD η = 0.1; full batch, 2 updates

Run: python3 l2-article.py
It prints J_data, Ω and the first parameters after each update, then whether they all
match what regsim computed (recorded below when regsim exported this script).
"""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # regsim computes in Double


A = {
    "x": [
        [1.0, 0.0, 2.0],
        [0.0, 1.0, 1.0],
        [2.0, 1.0, 0.0],
        [1.0, 2.0, 1.0],
    ],
    "y": [
        [1.1],
        [0.4],
        [2.6],
        [1.9],
    ],
    "W1": [
        [0.5],
        [-0.25],
        [0.1],
    ],
    "after1": [0.6425000000000001, -0.09749999999999998, 0.17775000000000002],
    "after2": [0.74111875, 0.010518750000000021, 0.220935],
}


def array(name):
    """regsim's array `name` as a float64 tensor, or None when regsim recorded none."""
    return torch.tensor(np.asarray(A[name], dtype=np.float64)) if name in A else None


class Net(nn.Module):
    """z = x·W + b per layer (nn.Linear stores W transposed: (outputs, inputs))."""

    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(3, 1, bias=False)

    def forward(self, x, masks):
        return self.linear1(x)  # the output layer's z


net = Net()
with torch.no_grad():  # regsim's initial parameters
    net.linear1.weight.copy_(array("W1").T)  # regsim's W1 is (inputs, outputs)


def parameters(net):
    """Every parameter in regsim's order, as numbers."""
    return torch.cat([net.linear1.weight.T.reshape(-1)]).tolist()


def data_loss(z, y):
    """J_data = 1/(2n)·Σ(ŷ − y)²: the article's ½ (nn.MSELoss has none, and averages over the outputs too)."""
    return ((z - y) ** 2).sum() / (2 * len(y))


def penalty(net):
    """Ω's two parts as regsim writes them: λ₁·Σ|w| and the L2 term (article convention (λ/2)·Σw²)."""
    l1 = torch.zeros(())
    l2 = 0.1 / 2 * net.linear1.weight.pow(2).sum()
    return l1, l2


# SGD's weight_decay adds c·w to the gradient: c = λ under the article's (λ/2)·Σw², 2λ under Keras's λ·Σw².
# One group per penalized layer, so that biases (and γ, β) get none unless regsim penalizes them.
groups = [
    {"params": [net.linear1.weight], "weight_decay": 0.1},
]
optimizer = torch.optim.SGD(groups, lr=0.1, momentum=0.0)


BATCHES = [  # the rows of each update's batch, in regsim's order
    [0, 1, 2, 3],
    [0, 1, 2, 3],
]
REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step
    (0.890625, 0.016125),
    (0.46659848437499984, 0.022695378125000006),
]
NAMES = ["W1[0,0]", "W1[1,0]", "W1[2,0]"]  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer


def compare(results, tolerance=1e-12):
    """The first value farther than tolerance·max(1, |regsim's|) from regsim's, in words, or None."""
    for t, ((j_data, omega, values), expected) in enumerate(zip(results, REGSIM), start=1):
        checks = [("J_data", j_data, expected[0]), ("Ω", omega, expected[1])]
        checks += zip(NAMES, values, array(f"after{t}").tolist())
        for name, value, reference in checks:
            if not abs(value - reference) <= tolerance * max(1.0, abs(reference)):
                return f"differs from regsim at update {t}: {name} = {value!r}, regsim {reference!r}"
    return None


X, Y = array("x"), array("y")
net.train()  # training mode: batch statistics in batch norm
results = []
for t, batch in enumerate(BATCHES, start=1):
    masks = [array(f"mask{t}_{k}") for k in range(1, 2)]
    x = X[batch]
    j_data = data_loss(net(x, masks), Y[batch])
    l1, l2 = penalty(net)
    optimizer.zero_grad()
    j_data.backward()  # the L2 part is weight_decay
    optimizer.step()
    values = parameters(net)
    omega = (l1 + l2).item()
    shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:3], values))
    print(f"update {t}: J_data = {j_data.item()!r}  Ω = {omega!r}  {shown}")
    results.append((j_data.item(), omega, values))
print(compare(results) or "matches regsim to 1e-12")
