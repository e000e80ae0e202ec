#!/usr/bin/env python3
"""A regsim session in Keras 3: the same network, initial parameters, data, penalty and optimizer.

  network  2-3-2, hidden tanh, output softmax, batch norm before each hidden activation
  loss     cross-entropy on a softmax output
  penalty  layer 1: L2 λ₂ = 0.05 (article convention (λ/2)·Σw², gradient c·w with c = 0.05); weights and biases
           layer 2: L2 λ₂ = 0.05 (article convention (λ/2)·Σw², gradient c·w with c = 0.05); weights and biases
  update   SGD η = 0.1, momentum μ = 0.5; batches of 4, 3 updates

Run: python3 batchnorm.py   (any Keras 3 backend; KERAS_BACKEND picks it, torch by default here)
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
    """regsim's array `name` as float64, or None when regsim recorded none."""
    return np.asarray(A[name], dtype=np.float64) if name in A else None


# L2: Keras's l2(c) adds c·Σw², so the article's λ (λ/2)·Σw² is l2(λ/2); the gradient is 2c·w.
inputs = keras.Input(shape=(2,))
x = inputs
x = layers.Dense(3, use_bias=True, name="dense1", kernel_regularizer=regularizers.L1L2(l1=0.0, l2=0.025), bias_regularizer=regularizers.L1L2(l1=0.0, l2=0.025))(x)
x = layers.BatchNormalization(epsilon=1e-05, momentum=0.9, name="norm1")(x)  # Keras's momentum is 1 − PyTorch's
x = layers.Activation("tanh")(x)
x = layers.Dense(2, use_bias=True, name="dense2", kernel_regularizer=regularizers.L1L2(l1=0.0, l2=0.025), bias_regularizer=regularizers.L1L2(l1=0.0, l2=0.025))(x)  # logits: the loss applies softmax
model = keras.Model(inputs, x)
model.get_layer("dense1").set_weights([array("W1"), array("b1")])
model.get_layer("norm1").set_weights([array("gamma1"), array("beta1"), np.zeros(3), np.ones(3)])
model.get_layer("dense2").set_weights([array("W2"), array("b2")])  # regsim's initial parameters (W is (inputs, outputs) in both)


def categorical_crossentropy(y_true, z):
    """−Σ_k y_k·ln softmax(z)_k from the logits z.
    Written out, as the binary one, so that no backend clips a probability."""
    y = y_true
    return -keras.ops.sum(y * keras.ops.log_softmax(z, axis=-1), axis=-1)


loss = categorical_crossentropy
optimizer = keras.optimizers.SGD(learning_rate=0.1, momentum=0.5)
model.compile(optimizer=optimizer, loss=loss)


def parameters():
    """Every parameter in regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer."""
    variables = model.get_layer("dense1").weights + model.get_layer("norm1").weights[:2] + model.get_layer("dense2").weights
    return np.concatenate([keras.ops.convert_to_numpy(v).reshape(-1) for v in variables]).tolist()


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
