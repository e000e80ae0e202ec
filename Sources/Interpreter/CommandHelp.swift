/// A command's name, usage and help text: the table `help` prints and the parser follows.
struct CommandHelp: Sendable {
    var name: String
    var usage: String
    var summary: String
    var details: String

    static let all: [CommandHelp] = [
        CommandHelp(name: "data", usage: "data linreg | data xor | data blobs | data mnist [N] | data csv PATH [targets=N]",
                    summary: "choose the data set",
                    details: """
                    linreg: the article's linear regression (4 samples, 3 features, y ≈ x₁ + 0.5·x₂).
                    xor: the four XOR points, one 0/1 target. blobs: two 2-D clusters, one-hot targets.
                    mnist N: the first N (default 100, at most 10000) MNIST training images, 784 pixels/255
                    and 10 one-hot targets, on a 784-32-10 network; big layers print summaries.
                    csv: a file of comma-separated numbers, one sample a line, whose last N columns
                    (default 1) are targets; a header line is skipped. For loss xent use one-hot columns.
                    If the network does not fit the new data, it is replaced by one that does.
                    """),
        CommandHelp(name: "net", usage: "net SIZES [act=relu|tanh|sigmoid|identity] [out=identity|sigmoid|softmax|…] [bias=on|off]",
                    summary: "set the layer sizes and activations (weights drawn from the seed)",
                    details: """
                    SIZES lists units from inputs to outputs: net 2-3-1 is 2 inputs, 3 hidden units, 1 output.
                    act= is the hidden activation (default relu), out= the output one (default identity).
                    bias=off builds layers z = x·W without b (the article's linear regression has none).
                    Layer k has weights Wk[i,j] (input i to unit j) and biases bk[j]: layers from 1, indices from 0.
                    """),
        CommandHelp(name: "loss", usage: "loss mse | loss xent",
                    summary: "choose the data loss",
                    details: """
                    mse: J = 1/(2n)·Σ(ŷ − y)², the article's form with its ½.
                    xent: cross-entropy −1/n·Σ y·ln ŷ; needs out=softmax (or out=sigmoid with one output).
                    """),
        CommandHelp(name: "penalty", usage: "penalty none | l1 λ | l2 λ | elastic λ1 λ2 [layer=K] | penalty biases on|off",
                    summary: "choose the penalty on the weights",
                    details: """
                    l1: λ·Σ|w|. l2: (λ/2)·Σw² (article) or λ·Σw² (keras), see convention. elastic: both.
                    Without layer= the penalty applies to every layer (and replaces per-layer ones);
                    with layer=K only to layer K. Biases are not penalized unless penalty biases on.
                    """),
        CommandHelp(name: "convention", usage: "convention article | convention keras",
                    summary: "write L2 as (λ/2)·Σw² (article) or λ·Σw² (keras)",
                    details: """
                    article: penalty (λ/2)·Σw², gradient λ·w, shrink factor 1 − η·λ; PyTorch weight_decay = λ.
                    keras: l2(λ) adds λ·Σw², gradient 2λ·w, shrink factor 1 − 2ηλ; PyTorch weight_decay = 2λ.
                    """),
        CommandHelp(name: "l1mode", usage: "l1mode subgradient | l1mode clip | l1mode prox | l1mode cumulative",
                    summary: "how an update applies the L1 pull",
                    details: """
                    subgradient: w ← w − η·(g + λ·sign(w)) with sign(0) = 0; weights oscillate around zero.
                    clip (TensorFlow Playground): v = w − η·g, u = v − η·λ·sign(w) with w before the update;
                    if v·u < 0, w ← 0 and the link dies: clip updates never move it again (set, reinit or net revive it).
                    prox: soft-thresholding w ← sign(v)·max(|v| − η·λ, 0): exact zeros.
                    cumulative (Tsuruoka et al. 2009, scikit-learn's SGD): u ← u + η·λ, the pull every weight could
                    have received so far; q, what this one received. v > 0: w ← max(0, v − (u + q)); v < 0:
                    w ← min(0, v + (u − q)); then q ← q + (w − v). Exact zeros, less bias on noisy minibatches.
                    Under elastic net the L2 shrinkage (and with momentum the velocity) joins the data step in v.
                    """),
        CommandHelp(name: "lr", usage: "lr η", summary: "set the learning rate η (> 0)",
                    details: "Every update moves each parameter by −η times its gradient."),
        CommandHelp(name: "momentum", usage: "momentum μ", summary: "set SGD momentum μ (0 ≤ μ < 1; 0 is plain SGD)",
                    details: "d = μ·v + g and v ← d + c·w, as PyTorch's SGD; the momentum buffers start at 0."),
        CommandHelp(name: "optimizer", usage: "optimizer sgd | adam | adamw [beta1=0.9] [beta2=0.999] [eps=1e-8]",
                    summary: "choose SGD (default), Adam or AdamW",
                    details: """
                    adam (Kingma & Ba 2015): m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t),
                    v̂ = v/(1 − β2^t), w ← w − η·m̂/(√v̂ + ε). A penalty's gradient joins g, so 1/√v̂ rescales it.
                    adamw (Loshchilov & Hutter 2019): the same plus decoupled decay, w ← (1 − η·wd)·w − step
                    (weightdecay wd; PyTorch's convention: the decay is multiplied by η).
                    Choosing an optimizer resets its moments (m = v = 0, t = 0). show mW1[i,j], vW1[i,j]: the moments.
                    l1mode clip, prox and cumulative are SGD rules; under Adam the L1 subgradient joins g.
                    """),
        CommandHelp(name: "weightdecay", usage: "weightdecay WD", summary: "AdamW's decoupled weight decay wd (≥ 0)",
                    details: """
                    Only with optimizer adamw: w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε), the decay outside g (PyTorch's AdamW).
                    Under sgd or adam, PyTorch's weight_decay adds wd·w to the gradient: that is penalty l2 WD
                    (article convention), so use that instead.
                    """),
        CommandHelp(name: "maxnorm", usage: "maxnorm C | maxnorm off", summary: "max-norm constraint ‖w_j‖₂ ≤ C after each update",
                    details: """
                    Srivastava et al. 2014: after the update (SGD or Adam), each unit's incoming weights (column j of W)
                    with ‖w_j‖₂ > C are scaled by C/‖w_j‖₂. Every layer, the output layer too; biases are not
                    constrained. A projection, not a loss term: J and the gradient do not change.
                    """),
        CommandHelp(name: "smoothing", usage: "smoothing ε", summary: "label smoothing of cross-entropy targets (0 ≤ ε < 1)",
                    details: """
                    The targets become y′ = (1 − ε)·y + ε/K (K classes; K = 2 for one sigmoid output), in the loss
                    and its gradient dJ/dz = (ŷ − y′)/n. Only with loss xent. smoothing 0 turns it off.
                    """),
        CommandHelp(name: "batch", usage: "batch N | batch all", summary: "samples per update (default all)",
                    details: "With N < n each epoch visits the samples in a seeded random order, N at a time."),
        CommandHelp(name: "seed", usage: "seed S", summary: "set the random seed and redraw the weights",
                    details: "The seed decides the initial weights and the minibatch order. Same seed, same numbers."),
        CommandHelp(name: "reinit", usage: "reinit", summary: "redraw the weights from the seed",
                    details: "Starts training over: new weights, zero momentum, update count 0."),
        CommandHelp(name: "dropout", usage: "dropout P [input=Q] | dropout off",
                    summary: "inverted dropout on the hidden layers' outputs (P) and the input (Q)",
                    details: """
                    In training forward passes each value of a layer's input is kept with probability 1 − p
                    (mask m, drawn from the seed and the update number) and kept values are multiplied by
                    s = 1/(1 − p): x̃ = m ⊙ x·s. The backward pass multiplies by the same m and s. P applies to
                    the input of layers 2, 3, … (never to the output), input= to the data. 0 ≤ p < 1.
                    evaluate, and inference in general, use no mask and no scale (Srivastava et al. 2014).
                    """),
        CommandHelp(name: "noise", usage: "noise σ | noise off",
                    summary: "Gaussian noise σ·N(0, 1) added to the data in training",
                    details: "Each training forward pass uses x + σ·n, n drawn from the seed and the update number (Box–Muller); evaluate uses x."),
        CommandHelp(name: "batchnorm", usage: "batchnorm on | batchnorm off",
                    summary: "batch normalization after every hidden layer's z, before the activation",
                    details: """
                    y = γ·x̂ + β with x̂ = (z − μ)/√(σ² + ε), ε = 1e-05: in training μ and σ² are the batch's mean
                    and biased variance, in inference (evaluate) the running statistics, which start at 0 and 1
                    and move by momentum 0.1 (r ← 0.9·r + 0.1·batch value, the variance unbiased as PyTorch).
                    gammaK[j] and betaK[j] are parameters (set, show, watch, explain), updated by SGD, never penalized.
                    Keeps the weights; resets momentum and clears the undo history (Ioffe and Szegedy 2015).
                    """),
        CommandHelp(name: "evaluate", usage: "evaluate",
                    summary: "the outputs and J_data in inference mode (no dropout or noise; running statistics)",
                    details: "One forward pass over every sample; changes nothing. With loss xent also the accuracy."),
        CommandHelp(name: "set", usage: "set W1[i,j] v | set b1[j] v", summary: "set one parameter",
                    details: """
                    Layers from 1, indices from 0: W1[0,1] is the weight from input 0 to unit 1 of layer 1.
                    With batchnorm on, gamma1[j] and beta1[j] are layer 1's γ and β (set, show, watch and explain take them too).
                    """),
        CommandHelp(name: "step", usage: "step", summary: "run the next phase of the update and print it",
                    details: "The phases, in order: forward, loss, penalty, gradient, update."),
        CommandHelp(name: "update", usage: "update", summary: "finish the update (all remaining phases) and print them",
                    details: "Prints every phase not yet run, ending with each parameter's update, numbers plugged in."),
        CommandHelp(name: "run", usage: "run N", summary: "N updates, one summary line each",
                    details: "Each line: the update's data loss, penalty and total, then the watched parameters. Ctrl-C stops after the current update."),
        CommandHelp(name: "watch", usage: "watch W1[i,j] | watch b1[j]", summary: "print this parameter after every update",
                    details: "unwatch removes it."),
        CommandHelp(name: "unwatch", usage: "unwatch W1[i,j] | unwatch all", summary: "stop watching a parameter",
                    details: "unwatch all clears the list."),
        CommandHelp(name: "show", usage: "show W1[i,j] | b1[j] | dW1[i,j] | pW1[i,j] | mW1[i,j] | vW1[i,j] | loss | penalty | total | W1 | b1 | net | trace | settings | data | validation | accuracy | sparsity | experiment | sweep",
                    summary: "print one value or a summary",
                    details: """
                    W1[i,j], b1[j]: the current value. dW1[i,j]: its data gradient; pW1[i,j]: its penalty (sub)gradient.
                    mW1[i,j], vW1[i,j]: Adam's moment estimates m and v after the last update.
                    loss, penalty, total: J_data, Ω and J = J_data + Ω. These come from the last phases computed
                    (after an update: the values computed before the parameters changed).
                    W1, b1: a whole layer. net: every parameter. trace: the last update's phases. settings, data.
                    validation: J_data and accuracy now, on the training and the held-out samples (see holdout).
                    One number each: training-loss, validation-loss (J_data on all of them, no penalty), accuracy,
                    validation-accuracy (correct / n), zeros (weights exactly 0).
                    sparsity: per layer, weights exactly 0 and with |w| < 0.001.
                    experiment: the last experiment's table; experiment best; experiment RUN METRIC, RUN none, L1
                    or L2 and METRIC training-accuracy, validation-accuracy, gap, sparsity, zeros or weight-norm.
                    sweep: the last sweep's table; sweep chosen (λ); sweep validation λ, sweep training λ
                    (mean accuracy over the folds).
                    gamma1[j], beta1[j], dgamma1[j], dbeta1[j], gamma1, beta1: batch norm's γ and β (batchnorm on);
                    show net adds the running mean and variance.
                    """),
        CommandHelp(name: "explain", usage: "explain W1[i,j] | explain b1[j]",
                    summary: "the last update of a parameter, step by step",
                    details: "The formula with the numbers plugged in, one operation a line, naming the convention and the L1 rule."),
        CommandHelp(name: "holdout", usage: "holdout N | holdout off", summary: "set N samples aside as a validation set",
                    details: """
                    N samples, drawn with the seed, leave the training data: updates never see them, and
                    show validation compares J_data and accuracy on both sets. holdout off puts them back.
                    A new data command clears the holdout.
                    """),
        CommandHelp(name: "experiment", usage: "experiment [epochs=E] [l1=λ] [l2=λ]",
                    summary: "the article's experiment: none vs L1 vs L2 on this data",
                    details: """
                    Trains three fresh networks of the session's layer sizes (ReLU hidden, softmax output,
                    cross-entropy, Float32 as regsim train) from the seed, with no penalty, L1 λ (default 0.0001)
                    and L2 λ (default 0.001), E epochs (default 10) each, with the session's η, μ, batch,
                    convention and l1mode. Needs class targets and a holdout; prints each epoch and a table
                    of accuracy, gap, sparsity and ‖W‖. The session's own network does not change.
                    """),
        CommandHelp(name: "sweep", usage: "sweep l1|l2 [folds=K] [from=λ] [to=λ] [points=N] [epochs=E]",
                    summary: "choose λ by K-fold cross-validation on a log grid",
                    details: """
                    The grid has N (default 5) values spaced evenly in log₁₀ from from= (0.001) to to= (10),
                    the article's grid. For each λ, K (default 5) networks train E (default 5) epochs, each
                    on all folds but one and scored on that one; the λ with the best mean validation
                    accuracy is chosen (the larger λ on a tie). Uses the training samples, not the holdout.
                    """),
        CommandHelp(name: "fit", usage: "fit EPOCHS [holdout=N] [patience=P|none]",
                    summary: "train up to EPOCHS epochs on the data minus a seeded hold-out, with early stopping",
                    details: """
                    Validates on the session's holdout if it has one; otherwise holds out N samples (default a
                    fifth, at least 1) drawn from the seed, as holdout N would, for this fit alone, and trains
                    on the rest: each epoch visits them in a seeded order, batch B at a time (see batch), with the
                    session's loss, penalty and optimizer (momentum and Adam's moments start at 0). After each epoch it prints
                    J_data on the training and on the held-out samples. Early stopping watches the held-out J_data:
                    after P epochs (default 3) without a lower value it stops and restores the best epoch's network.
                    patience=none trains every epoch and keeps the last network. Clears the undo history.
                    """),
        CommandHelp(name: "earlystop", usage: "earlystop P LOSS LOSS …",
                    summary: "early stopping's rule on validation losses you give, one per epoch",
                    details: """
                    For each epoch: a loss below the best so far is an improvement (its network would be kept);
                    after P epochs in a row without one, training stops and the best epoch's network is restored.
                    """),
        CommandHelp(name: "augment", usage: "augment N [shift=S] [rotate=DEG] [seed=K] [epoch=E] | augment N dx=X dy=Y angle=DEG",
                    summary: "MNIST image N beside a randomly shifted and rotated copy (data mnist first)",
                    details: """
                    Draws dx and dy from −S…S (default 2) and an angle from [−DEG, DEG) (default 15) with a
                    SplitMix64 seeded from the seed (default the session's), the epoch (default 1) and N: the
                    transform regsim train --augment --seed K gives training image N in epoch E.
                    dx=, dy=, angle= apply one transform of your choice. The image is rotated about its centre
                    (13.5, 13.5) with bilinear interpolation, then shifted; the label stays the same.
                    """),
        CommandHelp(name: "undo", usage: "undo", summary: "go back to the state before the last update",
                    details: "Parameters, momentum and settings return to what they were before that update; up to 1000 updates back."),
        CommandHelp(name: "save", usage: "save PATH", summary: "save the session as JSON",
                    details: "Settings, parameters, momentum, watches and the phases computed so far. The file is written atomically."),
        CommandHelp(name: "load", usage: "load PATH", summary: "load a session saved with save",
                    details: "Replaces the whole session; the undo history starts empty."),
        CommandHelp(name: "digits", usage: "digits N | digits all", summary: "print N significant digits, or all (exact, the default)",
                    details: "By default numbers are printed so that they read back as the same double."),
        CommandHelp(name: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one", details: ""),
        CommandHelp(name: "quit", usage: "quit", summary: "leave regsim (Ctrl-D also quits)", details: ""),
    ]

    static func entry(named name: String) -> CommandHelp? {
        all.first { $0.name == name }
    }

    /// The command nearest to a misspelled `name` (edit distance ≤ 2), if any.
    static func closest(to name: String) -> String? {
        let scored = all.map { ($0.name, editDistance(name, $0.name)) }.filter { $0.1 <= 2 }
        return scored.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty || right.isEmpty { return max(left.count, right.count) }
        var previous = Array(0...right.count)
        for i in 1...left.count {
            var current = [i] + Array(repeating: 0, count: right.count)
            for j in 1...right.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
