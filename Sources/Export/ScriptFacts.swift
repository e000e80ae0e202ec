import Engine

/// What a script states about the exported run in its header and names, shared by the
/// PyTorch and Keras scripts: the words regsim uses for each setting.
struct ScriptFacts {
    var run: ExportRun
    var trainer: Trainer<Double> { run.start }
    var network: Network<Double> { run.start.network }
    var settings: TrainingSettings<Double> { run.start.settings }
    var regularization: Regularization<Double> { settings.regularization }
    var layerCount: Int { network.layers.count }

    /// "3-1, hidden tanh, output identity, no bias, batch norm"
    var networkLine: String {
        let architecture = network.architecture
        var parts = [architecture.sizeDescription]
        if layerCount > 1 { parts.append("hidden \(architecture.hidden.rawValue)") }
        parts.append("output \(architecture.output.rawValue)")
        if !architecture.hasBias { parts.append("no bias") }
        if architecture.batchNorm { parts.append("batch norm before each hidden activation") }
        return parts.joined(separator: ", ")
    }

    var lossLine: String {
        switch settings.loss {
        case .meanSquaredError: return "J_data = 1/(2n)·Σ(ŷ − y)², the article's ½"
        case .crossEntropy:
            let base = network.outputCount == 1 ? "binary cross-entropy on a sigmoid output" : "cross-entropy on a softmax output"
            return settings.labelSmoothing == 0 ? base : base + ", label smoothing ε = \(settings.labelSmoothing)"
        }
    }

    /// One line per layer's penalty: "layer 1: L1 λ₁ = 0.01, L2 λ₂ = 0.1 (article (λ/2)·Σw²)".
    var penaltyLines: [String] {
        let what = regularization.includesBiases ? "weights and biases" : "weights only"
        var lines: [String] = []
        for index in 0..<layerCount {
            let term = regularization.term(forLayer: index)
            guard !term.isNone else { continue }
            var parts: [String] = []
            if term.l1 != 0 { parts.append("L1 λ₁ = \(term.l1) (λ₁·Σ|w|, l1mode \(regularization.l1Mode.rawValue))") }
            if term.l2 != 0 {
                let convention = regularization.convention
                parts.append("L2 λ₂ = \(term.l2) (\(convention.rawValue) convention \(convention.formula), gradient c·w with c = \(convention.gradientCoefficient(term.l2)))")
            }
            lines.append("layer \(index + 1): " + parts.joined(separator: ", ") + "; \(what)")
        }
        return lines.isEmpty ? ["none"] : lines
    }

    var updateLine: String {
        var line: String
        switch settings.optimizer {
        case .sgd: line = "SGD η = \(settings.learningRate)" + (settings.momentum == 0 ? "" : ", momentum μ = \(settings.momentum)")
        case .adam, .adamw:
            let adam = settings.adam
            line = "\(settings.optimizer == .adam ? "Adam" : "AdamW") η = \(settings.learningRate), β₁ = \(adam.beta1), β₂ = \(adam.beta2), ε = \(adam.epsilon)"
            if settings.optimizer == .adamw { line += ", decoupled weight decay wd = \(settings.weightDecay)" }
        }
        if let c = settings.maxNorm { line += ", max-norm c = \(c)" }
        let batch = settings.batchSize.map { "batches of \($0)" } ?? "full batch"
        return line + "; \(batch), \(run.updates.count) update\(run.updates.count == 1 ? "" : "s")"
    }

    var noiseLine: String? {
        let noise = settings.noise
        guard !noise.isOff else { return nil }
        var parts: [String] = []
        if noise.inputDropout != 0 { parts.append("input dropout p = \(noise.inputDropout)") }
        if noise.hiddenDropout != 0 { parts.append("hidden dropout p = \(noise.hiddenDropout)") }
        if noise.inputNoise != 0 { parts.append("input noise σ = \(noise.inputNoise)") }
        return parts.joined(separator: ", ") + " (regsim's masks and noise, read from the arrays)"
    }

    /// The header's summary lines, aligned.
    var summary: [String] {
        var lines = ["network  " + networkLine, "loss     " + lossLine]
        lines += penaltyLines.enumerated().map { ($0.offset == 0 ? "penalty  " : "         ") + $0.element }
        lines.append("update   " + updateLine)
        if let noiseLine { lines.append("noise    " + noiseLine) }
        return lines
    }

    /// The updates' J_data and Ω as a Python list of pairs, and the parameter names.
    var expectationTable: String {
        let pairs = run.updates.map { "    (\(PythonText.number($0.dataLoss)), \(PythonText.number($0.penalty)))," }
        return "REGSIM = [  # (J_data, Ω) regsim computed in each update, before its step\n" + pairs.joined(separator: "\n") + "\n]"
    }

    var namesTable: String {
        let names = run.parameterNames.map { PythonText.string($0.name) }
        var lines: [String] = []
        var line = "NAMES = ["
        for name in names {
            if line.count + name.count > 100 { lines.append(line); line = "    " }
            line += name + ", "
        }
        lines.append(String(line.dropLast(2)) + "]")
        return lines.joined(separator: "\n") + "  # regsim's order: W row by row ((inputs, outputs)), b, γ, β, layer by layer"
    }

    var batchesTable: String {
        "BATCHES = [  # the rows of each update's batch, in regsim's order\n"
            + run.updates.map { "    " + PythonText.list($0.batch) + "," }.joined(separator: "\n") + "\n]"
    }
}
