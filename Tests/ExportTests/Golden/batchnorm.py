#!/usr/bin/env python3
"""A regsim session in PyTorch: the same network, initial parameters, data, penalty and updates.

  network  2-3-2, hidden tanh, output softmax, batch norm before each hidden activation
  loss     cross-entropy on a softmax output
  penalty  layer 1: L2 λ₂ = 0.05 (article convention (λ/2)·Σw², gradient c·w with c = 0.05); weights and biases
           layer 2: L2 λ₂ = 0.05 (article convention (λ/2)·Σw², gradient c·w with c = 0.05); weights and biases
  update   SGD η = 0.1, momentum μ = 0.5; batches of 4, 3 updates

Run: python3 batchnorm.py
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
        [-1.0, -0.5],
        [-1.5, 0.0],
        [-0.5, -1.0],
        [-1.0, 0.5],
        [0.25, -0.75],
        [-1.25, -1.0],
        [1.0, 0.5],
        [1.5, 0.0],
        [0.5, 1.0],
        [1.0, -0.5],
        [-0.25, 0.75],
        [1.25, 1.0],
    ],
    "y": [
        [1.0, 0.0],
        [1.0, 0.0],
        [1.0, 0.0],
        [1.0, 0.0],
        [1.0, 0.0],
        [1.0, 0.0],
        [0.0, 1.0],
        [0.0, 1.0],
        [0.0, 1.0],
        [0.0, 1.0],
        [0.0, 1.0],
        [0.0, 1.0],
    ],
    "W1": [
        [0.6281504781468488, 0.12422103536427787, 0.5706064045407151],
        [0.2015839529451482, 0.6938353748358046, -0.4265221103958292],
    ],
    "b1": [0.0, 0.0, 0.0],
    "gamma1": [1.0, 1.0, 1.0],
    "beta1": [0.0, 0.0, 0.0],
    "W2": [
        [0.5752673480877402, 0.17298626341433843],
        [0.17171290771717596, -0.19249195052444035],
        [0.01575046629040555, -0.3214065271740578],
    ],
    "b2": [0.0, 0.0],
    "after1": [0.6246698771358983, 0.06335895502277565, 0.566069820191869, 0.20163382391920212, 0.7011514333625009, -0.4266414559248144, -2.081668171172169e-18, 2.2551405187698493e-18, 0.0, 0.9922590599657592, 0.9998856209615226, 0.9941186247188183, 0.011620819252508748, 0.0025550491613990345, 0.009885548377724283, 0.5354831575216006, 0.20902918592296754, 0.17104676765477353, -0.19172191524800158, -0.01921020808256743, -0.28491757249666655, 0.027717973449693758, -0.027717973449693758],
    "after2": [0.6205197277621286, 0.032575684737579616, 0.5347466859026143, 0.19843948577591522, 0.7013066686440493, -0.45936276723102465, -2.765149220707031e-18, 2.9106491522545856e-18, -1.3877787807814458e-18, 0.9802620096801499, 0.9902292544290532, 0.9913263523973697, 0.01735907340415016, 0.003662327867972973, 0.014633871257672786, 0.46738885150083953, 0.27153029619775054, 0.12174755589324415, -0.14226738014148793, -0.04944489984219283, -0.2523981016819358, 0.04008363546859859, -0.0400836354685986],
    "after3": [0.6169193124627623, 0.008268521521418389, 0.5106717701656684, 0.1909173370244137, 0.6982840065404372, -0.4801081535087171, -2.0522299137848425e-18, 6.693297175189296e-18, -2.0747292772682616e-18, 0.9717688677403241, 0.9819297784867298, 0.990211437715131, 0.017821749792641024, -0.0028437116604075304, 0.014919551799185488, 0.4082005385269992, 0.3242274155601089, 0.06771874017943348, -0.0880583036339439, -0.06044845017418297, -0.23874294681477237, 0.018132160322974846, -0.018132160322974853],
}


def array(name):
    """regsim's array `name` as a float64 tensor, or None when regsim recorded none."""
    return torch.tensor(np.asarray(A[name], dtype=np.float64)) if name in A else None


class Net(nn.Module):
    """z = x·W + b per layer (nn.Linear stores W transposed: (outputs, inputs))."""

    def __init__(self):
        super().__init__()
        self.linear1 = nn.Linear(2, 3, bias=True)
        self.norm1 = nn.BatchNorm1d(3, eps=1e-05, momentum=0.1)
        self.linear2 = nn.Linear(3, 2, bias=True)

    def forward(self, x, masks):
        x = torch.tanh(self.norm1(self.linear1(x)))
        return self.linear2(x)  # the output layer's z


net = Net()
with torch.no_grad():  # regsim's initial parameters
    net.linear1.weight.copy_(array("W1").T)  # regsim's W1 is (inputs, outputs)
    net.linear1.bias.copy_(array("b1"))
    net.norm1.weight.copy_(array("gamma1"))
    net.norm1.bias.copy_(array("beta1"))
    net.linear2.weight.copy_(array("W2").T)  # regsim's W2 is (inputs, outputs)
    net.linear2.bias.copy_(array("b2"))


def parameters(net):
    """Every parameter in regsim's order, as numbers."""
    return torch.cat([net.linear1.weight.T.reshape(-1), net.linear1.bias, net.norm1.weight, net.norm1.bias, net.linear2.weight.T.reshape(-1), net.linear2.bias]).tolist()


def data_loss(z, y):
    """J_data = −1/n·Σ y·ln softmax(z): cross_entropy takes the logits z (the softmax is inside it)."""
    return F.cross_entropy(z, y)


def penalty(net):
    """Ω's two parts as regsim writes them: λ₁·Σ|w| and the L2 term (article convention (λ/2)·Σw²)."""
    l1 = torch.zeros(())
    l2 = 0.05 / 2 * (net.linear1.weight.pow(2).sum() + net.linear1.bias.pow(2).sum()) + 0.05 / 2 * (net.linear2.weight.pow(2).sum() + net.linear2.bias.pow(2).sum())
    return l1, l2


# SGD's weight_decay adds c·w to the gradient: c = λ under the article's (λ/2)·Σw², 2λ under Keras's λ·Σw².
# One group per penalized layer, so that biases (and γ, β) get none unless regsim penalizes them.
groups = [
    {"params": [net.linear1.weight, net.linear1.bias], "weight_decay": 0.05},
    {"params": [net.linear2.weight, net.linear2.bias], "weight_decay": 0.05},
    {"params": [net.norm1.weight, net.norm1.bias], "weight_decay": 0.0},  # not penalized
]
optimizer = torch.optim.SGD(groups, lr=0.1, momentum=0.5)


BATCHES = [  # the rows of each update's batch, in regsim's order
    [1, 9, 0, 3],
    [5, 11, 8, 2],
    [6, 7, 10, 4],
]
REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step
    (0.9295237479220447, 0.0492626440384704),
    (1.009454436538581, 0.04771219116668851),
    (0.8181719946599268, 0.0452722465344082),
]
NAMES = ["W1[0,0]", "W1[0,1]", "W1[0,2]", "W1[1,0]", "W1[1,1]", "W1[1,2]", "b1[0]", "b1[1]", "b1[2]", 
    "gamma1[0]", "gamma1[1]", "gamma1[2]", "beta1[0]", "beta1[1]", "beta1[2]", "W2[0,0]", "W2[0,1]", 
    "W2[1,0]", "W2[1,1]", "W2[2,0]", "W2[2,1]", "b2[0]", "b2[1]"]  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer


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
    values = parameters(net)
    omega = (l1 + l2).item()
    shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:4], values))
    print(f"update {t}: J_data = {j_data.item()!r}  Ω = {omega!r}  {shown}")
    results.append((j_data.item(), omega, values))
print(compare(results) or "matches regsim to 1e-12")
