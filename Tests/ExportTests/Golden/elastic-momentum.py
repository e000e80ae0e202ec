#!/usr/bin/env python3
"""A regsim session in PyTorch: the same network, initial parameters, data, penalty and updates.

  network  2-3-1, hidden tanh, output sigmoid
  loss     binary cross-entropy on a sigmoid output
  penalty  layer 1: L1 λ₁ = 0.01 (λ₁·Σ|w|, l1mode subgradient), L2 λ₂ = 0.1 (article convention (λ/2)·Σw², gradient c·w with c = 0.1); weights only
           layer 2: L1 λ₁ = 0.01 (λ₁·Σ|w|, l1mode subgradient), L2 λ₂ = 0.1 (article convention (λ/2)·Σw², gradient c·w with c = 0.1); weights only
  update   SGD η = 0.1, momentum μ = 0.9; batches of 2, 4 updates

Run: python3 elastic-momentum.py
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
        [0.0, 0.0],
        [0.0, 1.0],
        [1.0, 0.0],
        [1.0, 1.0],
    ],
    "y": [
        [0.0],
        [1.0],
        [1.0],
        [0.0],
    ],
    "W1": [
        [0.6281504781468488, 0.12422103536427787, 0.5706064045407151],
        [0.2015839529451482, 0.6938353748358046, -0.4265221103958292],
    ],
    "b1": [0.0, 0.0, 0.0],
    "W2": [
        [0.6431684477801103],
        [0.193404522084073],
        [0.19198086713487683],
    ],
    "b2": [0.0],
    "after1": [0.6097342480930218, 0.11857716965164922, 0.5578394710265192, 0.20159154952160646, 0.6853300175598585, -0.4236301240627187, 0.003023436105909748, -0.0005670035275881485, -0.002373234770847796, 0.618368224056142, 0.1825090330709422, 0.17522587871803644, -0.009310270849035142],
    "after2": [0.5945718755049093, 0.11484122910435664, 0.542331847671441, 0.19858247094520284, 0.6698218958359082, -0.4157910351222921, -0.0011434318826830216, -0.0020925611919073214, -0.006311322025709205, 0.5994964624010283, 0.17219541619249648, 0.16734768070241762, -0.022981728166929637],
    "after3": [0.5739800214205589, 0.10933047032074976, 0.5219516681751564, 0.20638773492153878, 0.6508247099490051, -0.4002835195820092, -0.006193785781846124, -0.0050580988373004065, -0.010692234366000988, 0.5801074491728496, 0.17390043179467368, 0.14840728866032732, -0.036565593706557514],
    "after4": [0.5472231992935094, 0.10266577643477193, 0.49527172201019365, 0.20003536297089702, 0.6230504893477713, -0.38583019059435336, -0.012223457528021491, -0.007338788995678327, -0.016753323408818493, 0.5465174906970596, 0.15522666260087678, 0.13521642353304167, -0.058854505563816245],
}


def array(name):
    """regsim's array `name` as a float64 tensor, or None when regsim recorded none."""
    return torch.tensor(np.asarray(A[name], dtype=np.float64)) if name in A else None


class Net(nn.Module):
    """z = x·W + b per layer (nn.Linear stores W transposed: (outputs, inputs))."""

    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(2, 3, bias=True)
        self.linear2 = nn.Linear(3, 1, bias=True)

    def forward(self, x, masks):
        x = torch.tanh(self.linear1(x))
        return self.linear2(x)  # the output layer's z


net = Net()
with torch.no_grad():  # regsim's initial parameters
    net.linear1.weight.copy_(array("W1").T)  # regsim's W1 is (inputs, outputs)
    net.linear1.bias.copy_(array("b1"))
    net.linear2.weight.copy_(array("W2").T)  # regsim's W2 is (inputs, outputs)
    net.linear2.bias.copy_(array("b2"))


def parameters(net):
    """Every parameter in regsim's order, as numbers."""
    return torch.cat([net.linear1.weight.T.reshape(-1), net.linear1.bias, net.linear2.weight.T.reshape(-1), net.linear2.bias]).tolist()


def data_loss(z, y):
    """Binary cross-entropy of ŷ = sigmoid(z), from the logit z."""
    return F.binary_cross_entropy_with_logits(z, y)


def penalty(net):
    """Ω's two parts as regsim writes them: λ₁·Σ|w| and the L2 term (article convention (λ/2)·Σw²)."""
    l1 = 0.01 * net.linear1.weight.abs().sum() + 0.01 * net.linear2.weight.abs().sum()
    l2 = 0.1 / 2 * net.linear1.weight.pow(2).sum() + 0.1 / 2 * net.linear2.weight.pow(2).sum()
    return l1, l2


# SGD's weight_decay adds c·w to the gradient: c = λ under the article's (λ/2)·Σw², 2λ under Keras's λ·Σw².
# One group per penalized layer, so that biases (and γ, β) get none unless regsim penalizes them.
groups = [
    {"params": [net.linear1.weight], "weight_decay": 0.1},
    {"params": [net.linear2.weight], "weight_decay": 0.1},
    {"params": [net.linear1.bias, net.linear2.bias], "weight_decay": 0.0},  # not penalized
]
optimizer = torch.optim.SGD(groups, lr=0.1, momentum=0.9)


BATCHES = [  # the rows of each update's batch, in regsim's order
    [3, 1],
    [2, 0],
    [1, 0],
    [2, 3],
]
REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step
    (0.8238704377517938, 0.13310912696074284),
    (0.5935140598081075, 0.12738771005576313),
    (0.6560278994865073, 0.12169275547799335),
    (0.743801575886978, 0.11510303758938142),
]
NAMES = ["W1[0,0]", "W1[0,1]", "W1[0,2]", "W1[1,0]", "W1[1,1]", "W1[1,2]", "b1[0]", "b1[1]", "b1[2]", 
    "W2[0,0]", "W2[1,0]", "W2[2,0]", "b2[0]"]  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer


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
    masks = [array(f"mask{t}_{k}") for k in range(1, 3)]
    x = X[batch]
    j_data = data_loss(net(x, masks), Y[batch])
    l1, l2 = penalty(net)
    optimizer.zero_grad()
    (j_data + l1).backward()  # the L2 part is weight_decay
    optimizer.step()
    values = parameters(net)
    omega = (l1 + l2).item()
    shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:4], values))
    print(f"update {t}: J_data = {j_data.item()!r}  Ω = {omega!r}  {shown}")
    results.append((j_data.item(), omega, values))
print(compare(results) or "matches regsim to 1e-12")
