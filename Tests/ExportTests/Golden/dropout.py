#!/usr/bin/env python3
"""A regsim session in PyTorch: the same network, initial parameters, data, penalty and updates.

  network  2-4-1, hidden relu, output sigmoid
  loss     binary cross-entropy on a sigmoid output
  penalty  layer 1: L2 λ₂ = 0.01 (article convention (λ/2)·Σw², gradient c·w with c = 0.01); weights only
           layer 2: L2 λ₂ = 0.01 (article convention (λ/2)·Σw², gradient c·w with c = 0.01); weights only
  update   SGD η = 0.1, max-norm c = 1.5; full batch, 3 updates
  noise    input dropout p = 0.2, hidden dropout p = 0.5 (regsim's masks and noise, read from the arrays)

Run: python3 dropout.py
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
        [0.993193112133933, 0.19641070252772108, 0.9022079429140524, 0.318732215523438],
        [1.0970500528389096, -0.674390670636301, 0.9095775417410836, 0.2735152981555826],
    ],
    "b1": [0.0, 0.0, 0.0, 0.0],
    "W2": [
        [0.17171290771717596],
        [-0.19249195052444035],
        [0.01575046629040555],
        [-0.3214065271740578],
    ],
    "b2": [0.0],
    "mask1_1": [
        [1.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
    ],
    "mask1_2": [
        [0.0, 1.0, 0.0, 0.0],
        [1.0, 1.0, 1.0, 0.0],
        [1.0, 1.0, 0.0, 0.0],
        [1.0, 0.0, 1.0, 0.0],
    ],
    "after1": [0.9889045679468579, 0.1911879344740413, 0.9005921901852947, 0.3184134833079146, 1.092208630840925, -0.6737162799656646, 0.9083245095057799, 0.27324178285742706, 0.0005915217811198151, -0.0040210858809216505, -0.00027476375485014666, 0.0, 0.12855850045009182, -0.18717077461697398, -0.04497234082128928, -0.32108512064688377, -0.010777584984775587],
    "mask2_1": [
        [0.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
    ],
    "mask2_2": [
        [0.0, 1.0, 1.0, 0.0],
        [0.0, 1.0, 1.0, 0.0],
        [1.0, 1.0, 1.0, 0.0],
        [0.0, 0.0, 1.0, 1.0],
    ],
    "after2": [0.9916963246668068, 0.1854924096085794, 0.899308525194174, 0.32480258164072273, 1.091116422210084, -0.6730425636856989, 0.9068710442117193, 0.2796760528906857, 0.003616050811436444, -0.008424555425711945, -0.0017689172735986458, 0.0053660094528928315, 0.15752566319065892, -0.18145573186881603, -0.02625485657713937, -0.3331237944614251, -0.0065983094787567765],
    "mask3_1": [
        [1.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
        [1.0, 1.0],
    ],
    "mask3_2": [
        [0.0, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 1.0],
        [1.0, 0.0, 1.0, 0.0],
        [0.0, 0.0, 0.0, 0.0],
    ],
    "after3": [0.9948315813902264, 0.18530691719897083, 0.8977213759820504, 0.324477779059082, 1.090025305787874, -0.6723695211220132, 0.9059641731675075, 0.2677271532389331, 0.006917613249905545, -0.008424555425711945, -0.0023191898231422867, -0.003969369426196678, 0.18342498886366226, -0.18127427613694722, -0.002705045029307983, -0.3228433292196274, -0.007024511424046379],
}


def array(name):
    """regsim's array `name` as a float64 tensor, or None when regsim recorded none."""
    return torch.tensor(np.asarray(A[name], dtype=np.float64)) if name in A else None


def dropout(x, mask, p):
    """Inverted dropout with regsim's mask m: x·m/(1 − p). (nn.Dropout would draw its own mask.)"""
    return x * mask * (1 / (1 - p))


class Net(nn.Module):
    """z = x·W + b per layer (nn.Linear stores W transposed: (outputs, inputs))."""

    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(2, 4, bias=True)
        self.linear2 = nn.Linear(4, 1, bias=True)

    def forward(self, x, masks):
        x = dropout(x, masks[0], 0.2)
        x = torch.relu(self.linear1(x))
        x = dropout(x, masks[1], 0.5)
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
    l1 = torch.zeros(())
    l2 = 0.01 / 2 * net.linear1.weight.pow(2).sum() + 0.01 / 2 * net.linear2.weight.pow(2).sum()
    return l1, l2


# SGD's weight_decay adds c·w to the gradient: c = λ under the article's (λ/2)·Σw², 2λ under Keras's λ·Σw².
# One group per penalized layer, so that biases (and γ, β) get none unless regsim penalizes them.
groups = [
    {"params": [net.linear1.weight], "weight_decay": 0.01},
    {"params": [net.linear2.weight], "weight_decay": 0.01},
    {"params": [net.linear1.bias, net.linear2.bias], "weight_decay": 0.0},  # not penalized
]
optimizer = torch.optim.SGD(groups, lr=0.1, momentum=0.0)


def max_norm():
    """Max-norm, a projection after the step: each unit's incoming weights onto ‖w_j‖ ≤ c = 1.5."""
    with torch.no_grad():
        for w in [net.linear1.weight, net.linear2.weight]:
            norms = w.norm(dim=1, keepdim=True)  # one row of nn.Linear's weight per unit
            w.mul_(torch.where(norms > 1.5, 1.5 / norms, torch.ones_like(norms)))


BATCHES = [  # the rows of each update's batch, in regsim's order
    [0, 1, 2, 3],
    [0, 1, 2, 3],
    [0, 1, 2, 3],
]
REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step
    (0.7490107069963141, 0.02335565671979637),
    (0.6204143745317783, 0.023150723344301523),
    (0.6862695514236186, 0.023228389983843686),
]
NAMES = ["W1[0,0]", "W1[0,1]", "W1[0,2]", "W1[0,3]", "W1[1,0]", "W1[1,1]", "W1[1,2]", "W1[1,3]", 
    "b1[0]", "b1[1]", "b1[2]", "b1[3]", "W2[0,0]", "W2[1,0]", "W2[2,0]", "W2[3,0]", "b2[0]"]  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer


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
    j_data.backward()  # the L2 part is weight_decay
    optimizer.step()
    max_norm()
    values = parameters(net)
    omega = (l1 + l2).item()
    shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:4], values))
    print(f"update {t}: J_data = {j_data.item()!r}  Ω = {omega!r}  {shown}")
    results.append((j_data.item(), omega, values))
print(compare(results) or "matches regsim to 1e-12")
