import Engine

extension Session {
    mutating func setOptimizer(_ optimizer: Optimizer, _ parameters: AdamParameters<Double>) throws(InterpreterError) -> String {
        let settings = trainer.settings
        if settings.weightDecay != 0 && optimizer != .adamw {
            throw InterpreterError("optimizer: weightdecay is \(format(settings.weightDecay)), which only adamw applies (decoupled); type weightdecay 0 first (under \(optimizer.rawValue), PyTorch's weight_decay adds wd·w to g: that is penalty l2 \(format(settings.weightDecay)))")
        }
        if optimizer != .sgd && settings.regularization.l1Mode != .subgradient {
            throw InterpreterError("optimizer: l1mode \(settings.regularization.l1Mode.rawValue) is an SGD rule; under \(optimizer.rawValue) the L1 subgradient λ·sign(w) joins g (type l1mode subgradient first)")
        }
        trainer.settings.optimizer = optimizer
        trainer.settings.adam = parameters
        trainer.adamState = AdamState()
        guard optimizer != .sgd else {
            return "optimizer: sgd, w ← w − η·d with d = μ·v + g (momentum μ = \(format(settings.momentum)))\n"
        }
        var text = "optimizer: \(optimizer.title), β1 = \(format(parameters.beta1)), β2 = \(format(parameters.beta2)), ε = \(format(parameters.epsilon)); moments m = v = 0, t = 0\n"
        text += optimizer == .adamw
            ? "  w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε), decay decoupled from g (PyTorch's convention, multiplied by η); wd = \(format(settings.weightDecay))\n"
            : "  w ← w − η·m̂/(√v̂ + ε); a penalty's gradient joins g (L2 inside Adam, rescaled by 1/√v̂)\n"
        if settings.momentum != 0 { text += "  (momentum μ = \(format(settings.momentum)) is SGD's; Adam does not use it)\n" }
        return text
    }

    mutating func setWeightDecay(_ wd: Double) throws(InterpreterError) -> String {
        let optimizer = trainer.settings.optimizer
        if wd != 0 && optimizer != .adamw {
            throw InterpreterError("weightdecay: decoupled weight decay is AdamW's (type optimizer adamw first); under \(optimizer.rawValue), PyTorch's weight_decay adds wd·w to the gradient, which is penalty l2 \(format(wd)) (article convention)")
        }
        trainer.settings.weightDecay = wd
        if wd == 0 { return "weightdecay: 0 (off)\n" }
        let eta = trainer.settings.learningRate
        return "weightdecay: wd = \(format(wd)), decoupled (PyTorch's AdamW convention, multiplied by η): w ← (1 − η·wd)·w − step, 1 − η·wd = \(format(1 - eta * wd)) at η = \(format(eta))\n"
    }

    mutating func setMaxNorm(_ c: Double?) -> String {
        trainer.settings.maxNorm = c
        guard let c else { return "maxnorm: off\n" }
        return "maxnorm: c = \(format(c)) on every layer (the output layer too, as Srivastava et al. 2014): after each update, each unit's incoming weights w_j (column j of W) with ‖w_j‖₂ > c are scaled by c/‖w_j‖₂; biases not constrained\n"
    }

    mutating func setSmoothing(_ epsilon: Double) throws(InterpreterError) -> String {
        if epsilon != 0 && trainer.settings.loss != .crossEntropy {
            throw InterpreterError("smoothing: label smoothing needs loss xent (it smooths cross-entropy targets); the loss is \(trainer.settings.loss.rawValue)")
        }
        let note = change { $0.settings.labelSmoothing = epsilon }
        if epsilon == 0 { return "smoothing: off (targets y as given)" + note + "\n" }
        let k = Loss.smoothingClassCount(outputs: trainer.network.outputCount)
        return "smoothing: ε = \(format(epsilon)), targets y′ = (1 − ε)·y + ε/K with K = \(k): \(format(1 - epsilon))·y + \(format(epsilon / Double(k)))" + note + "\n"
    }

    /// `show mW1[i,j]` or `show vW1[i,j]`.
    func showMoment(_ id: ParameterID, second: Bool) throws(InterpreterError) -> String {
        try requireParameter(id)
        let state = trainer.adamState
        guard !state.firstMoments.isEmpty, state.firstMoments.count == trainer.network.layers.count else {
            throw InterpreterError("show: no Adam moments yet (optimizer adam or adamw, then update)")
        }
        let layer = second ? state.secondMoments[id.layer] : state.firstMoments[id.layer]
        let value = id.kind == .weight ? layer.weights[id.row, id.column] : layer.bias[id.column]
        return "\(second ? "v" : "m")\(id.name) = \(format(value))\n"
    }

    /// The `show settings` lines of the optimizer, max-norm and smoothing, only where not the default.
    func optimizerSettingsLines() -> [String] {
        let settings = trainer.settings
        var lines: [String] = []
        if settings.optimizer != .sgd {
            lines.append("optimizer: \(settings.optimizer.rawValue), β1 = \(format(settings.adam.beta1)), β2 = \(format(settings.adam.beta2)), ε = \(format(settings.adam.epsilon)); t = \(trainer.adamState.stepCount)")
        }
        if settings.weightDecay != 0 { lines.append("weightdecay: \(format(settings.weightDecay)) (decoupled, multiplied by η)") }
        if let c = settings.maxNorm { lines.append("maxnorm: \(format(c)) (every layer; biases not constrained)") }
        if settings.labelSmoothing != 0 { lines.append("smoothing: \(format(settings.labelSmoothing))") }
        return lines
    }
}
