import Engine

/// A Keras 3 script (float64, any backend) with the exported run's network, initial
/// parameters, loss, penalty and optimizer. It checks the initial loss against regsim's,
/// then trains on regsim's batches with `train_on_batch` and compares the updates where
/// Keras computes them as regsim does (see `differences`).
public struct KerasScript {
    public var run: ExportRun
    public var fileName: String
    var facts: ScriptFacts { ScriptFacts(run: run) }
    var settings: TrainingSettings<Double> { run.start.settings }

    public init(run: ExportRun, fileName: String) {
        self.run = run
        self.fileName = fileName
    }

    /// What Keras does differently from regsim in this run, in words (empty: nothing).
    var differences: [String] {
        var notes: [String] = []
        if !settings.noise.isOff { notes.append("Keras's Dropout and GaussianNoise draw their own masks and noise, not regsim's") }
        if settings.optimizer != .sgd { notes.append("Keras's Adam adds ε to √v before the bias correction (regsim and PyTorch: to √v̂)") }
        if settings.maxNorm != nil { notes.append("Keras's MaxNorm divides by ε + ‖w_j‖ (ε = 1e-7)") }
        if settings.regularization.l1Mode != .subgradient && settings.regularization.usesL1(layerCount: run.start.network.layers.count) {
            notes.append("l1mode \(settings.regularization.l1Mode.rawValue) is an update rule Keras has no option for (this script uses the L1 subgradient)")
        }
        return notes
    }

    public var text: String {
        [header, PythonText.arrayTable(run.arrays, inline: run.keepsArraysInline) + "\n\n\n" + arrayHelper, model, training]
            .joined(separator: "\n\n\n") + "\n"
    }

    var header: String {
        let summary = facts.summary.map { "  " + $0 }.joined(separator: "\n")
        return """
        #!/usr/bin/env python3
        \"\"\"A regsim session in Keras 3: the same network, initial parameters, data, penalty and optimizer.

        \(summary)

        Run: python3 \(fileName)   (any Keras 3 backend; KERAS_BACKEND picks it, torch by default here)
        It checks the initial loss against regsim's, then trains on regsim's batches.
        \"\"\"
        import os
        \(run.keepsArraysInline ? "" : "import sys\nfrom pathlib import Path\n")
        os.environ.setdefault("KERAS_BACKEND", "torch")
        import keras  # noqa: E402
        import numpy as np  # noqa: E402
        from keras import constraints, layers, regularizers  # noqa: E402

        keras.config.set_floatx("float64")  # regsim computes in Double
        """
    }

    var arrayHelper: String {
        """
        def array(name):
            \"\"\"regsim's array `name` as float64, or None when regsim recorded none.\"\"\"
            return np.asarray(A[name], dtype=np.float64) if name in A else None
        """
    }

    /// Keras's l2 coefficient for regsim's λ₂: the term is l2·Σw², so λ/2 (article) or λ (Keras).
    func kerasL2(_ lambda: Double) -> Double {
        settings.regularization.convention == .article ? lambda / 2 : lambda
    }

    var model: String {
        let network = run.start.network, regularization = settings.regularization
        var lines = ["inputs = keras.Input(shape=(\(network.inputCount),))", "x = inputs"]
        var weights: [String] = []
        for (index, layer) in network.layers.enumerated() {
            let k = index + 1, last = index == network.layers.count - 1
            let rate = settings.noise.dropoutRate(forLayer: index)
            if index == 0 && settings.noise.inputNoise != 0 { lines.append("x = layers.GaussianNoise(\(settings.noise.inputNoise))(x)") }
            if rate != 0 { lines.append("x = layers.Dropout(\(rate))(x)") }
            var options = ["use_bias=\(layer.hasBias ? "True" : "False")", "name=\"dense\(k)\""]
            let term = regularization.term(forLayer: index)
            if !term.isNone {
                let penalty = "regularizers.L1L2(l1=\(term.l1), l2=\(kerasL2(term.l2)))"
                options.append("kernel_regularizer=\(penalty)")
                if regularization.includesBiases && layer.hasBias { options.append("bias_regularizer=\(penalty)") }
            }
            if let c = settings.maxNorm { options.append("kernel_constraint=constraints.MaxNorm(\(c), axis=0)") }
            let logits = last && settings.loss == .crossEntropy
            if !logits && (layer.batchNorm == nil) && layer.activation != .identity { options.append("activation=\"\(layer.activation.rawValue)\"") }
            lines.append("x = layers.Dense(\(layer.outputCount), \(options.joined(separator: ", ")))(x)" + (logits ? "  # logits: the loss applies \(layer.activation.rawValue)" : ""))
            weights.append("model.get_layer(\"dense\(k)\").set_weights([array(\"W\(k)\")" + (layer.hasBias ? ", array(\"b\(k)\")])" : "])"))
            if let batchNorm = layer.batchNorm {
                lines.append("x = layers.BatchNormalization(epsilon=\(batchNorm.epsilon), momentum=\(1 - batchNorm.momentum), name=\"norm\(k)\")(x)  # Keras's momentum is 1 − PyTorch's")
                lines.append("x = layers.Activation(\"\(layer.activation.rawValue)\")(x)")
                weights.append("model.get_layer(\"norm\(k)\").set_weights([array(\"gamma\(k)\"), array(\"beta\(k)\"), np.zeros(\(layer.outputCount)), np.ones(\(layer.outputCount))])")
            }
        }
        let l2Note = settings.regularization.usesL2(layerCount: network.layers.count)
            ? "# L2: Keras's l2(c) adds c·Σw², so the article's λ (λ/2)·Σw² is l2(λ/2); the gradient is 2c·w.\n" : ""
        return l2Note + lines.joined(separator: "\n") + "\nmodel = keras.Model(inputs, x)\n" + weights.joined(separator: "\n") + "  # regsim's initial parameters (W is (inputs, outputs) in both)"
    }
}
