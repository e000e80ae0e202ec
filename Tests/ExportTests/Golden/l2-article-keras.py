#!/usr/bin/env python3
"""A regsim session in Keras 3: the same network, initial parameters, data, penalty and optimizer.

  network  3-1, output identity, no bias
  loss     J_data = 1/(2n)·Σ(ŷ − y)², the article's ½
  penalty  layer 1: L2 λ₂ = 0.1 (article convention (λ/2)·Σw², gradient c·w with c = 0.1); weights only
  update   SGD η = 0.1; full batch, 2 updates

Run: python3 l2-article.py   (any Keras 3 backend; KERAS_BACKEND picks it, torch by default here)
It checks the initial loss against regsim's, then trains on regsim's batches.
"""
import os

os.environ.setdefault("KERAS_BACKEND", "torch")
import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import constraints, layers, regularizers  # noqa: E402

keras.config.set_floatx("float64")  # regsim computes in Double


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
    """regsim's array `name` as float64, or None when regsim recorded none."""
    return np.asarray(A[name], dtype=np.float64) if name in A else None


# L2: Keras's l2(c) adds c·Σw², so the article's λ (λ/2)·Σw² is l2(λ/2); the gradient is 2c·w.
inputs = keras.Input(shape=(3,))
x = inputs
x = layers.Dense(1, use_bias=False, name="dense1", kernel_regularizer=regularizers.L1L2(l1=0.0, l2=0.05))(x)
model = keras.Model(inputs, x)
model.get_layer("dense1").set_weights([array("W1")])  # regsim's initial parameters (W is (inputs, outputs) in both)


def half_squared_error(y_true, y_pred):
    """1/2·Σ_k(ŷ − y)² per sample; Keras averages over the batch: J_data = 1/(2n)·Σ(ŷ − y)², the article's ½."""
    return 0.5 * keras.ops.sum(keras.ops.square(y_pred - y_true), axis=-1)


loss = half_squared_error
optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.0)
model.compile(optimizer=optimizer, loss=loss)


def parameters():
    """Every parameter in regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer."""
    variables = model.get_layer("dense1").weights
    return np.concatenate([keras.ops.convert_to_numpy(v).reshape(-1) for v in variables]).tolist()


BATCHES = [  # the rows of each update's batch, in regsim's order
    [0, 1, 2, 3],
    [0, 1, 2, 3],
]
REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step
    (0.890625, 0.016125),
    (0.46659848437499984, 0.022695378125000006),
]
NAMES = ["W1[0,0]", "W1[1,0]", "W1[2,0]"]  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer
# Keras 3 (torch backend) computed these models' forward passes in float32 even with floatx
# float64 when regsim was tested (x·W with W = [0.5, -0.25, 0.1] gave 0.699999988079071, not 0.7),
# so this script compares with regsim's numbers to 1e-6, not PyTorch's 1e-12.
CHECKS_UPDATES = True


def close(value, reference, tolerance=1e-6):
    return abs(value - reference) <= tolerance * max(1.0, abs(reference))


X, Y = array("x"), array("y")
first = BATCHES[0]
prediction = model(X[first], training=True)  # training: batch statistics in batch norm
j_data = float(keras.ops.convert_to_numpy(keras.ops.mean(loss(keras.ops.convert_to_tensor(Y[first]), prediction))))
omega = float(sum(keras.ops.convert_to_numpy(term) for term in model.losses))
print(f"initial loss: J_data = {j_data!r}  Ω = {omega!r}  (regsim: {REGSIM[0][0]!r}, {REGSIM[0][1]!r})")
verdict = [("initial Ω", omega, REGSIM[0][1])] + ([("initial J_data", j_data, REGSIM[0][0])] if True else [])
problem = next((f"{name} = {value!r}, regsim {reference!r}" for name, value, reference in verdict if not close(value, reference)), None)
for t, batch in enumerate(BATCHES, start=1):
    total = float(model.train_on_batch(X[batch], Y[batch]))  # J_data + Ω before the step
    values = parameters()
    shown = "  ".join(f"{name} = {value!r}" for name, value in zip(NAMES[:4], values))
    print(f"update {t}: J = J_data + Ω = {total!r}  {shown}")
    checks = [("J", total, REGSIM[t - 1][0] + REGSIM[t - 1][1])] + list(zip(NAMES, values, array(f"after{t}").tolist()))
    for name, value, reference in checks:
        if CHECKS_UPDATES and problem is None and not close(value, reference):
            problem = f"update {t}: {name} = {value!r}, regsim {reference!r}"
if problem:
    print(f"differs from regsim: {problem}")
elif CHECKS_UPDATES:
    print("matches regsim to 1e-6: the initial loss and every update")
else:
    print("initial loss matches regsim to 1e-6; the updates are Keras's own (see the notes above)")
