import Engine
import Render

/// The text of `show` for values that take more than a lookup.
extension ShowCommand {
    static func layerText(_ session: Session, _ index: Int, _ kind: ParameterID.Kind) -> String {
        let layer = session.trainer.network.layers[index]
        let name = "\(kind.prefix)\(index + 1)"
        if kind == .bias {
            guard layer.hasBias else { return "\(name): none (bias=off)\n" }
            return "\(name) = \(session.format.vector(layer.bias, limit: 64))\n"
        }
        if kind == .gamma || kind == .beta {
            guard let batchNorm = layer.batchNorm else { return "\(name): none (layer \(index + 1) has no batch norm)\n" }
            return "\(name) = \(session.format.vector(kind == .gamma ? batchNorm.gamma : batchNorm.beta, limit: 64))\n"
        }
        var text = "\(name) (\(layer.inputCount)×\(layer.outputCount), row i = input, column j = unit):\n"
        for row in 0..<min(layer.inputCount, 64) {
            text += "  \(session.format.vector(layer.weights.row(row), limit: 16))\n"
        }
        if layer.inputCount > 64 { text += "  … \(layer.inputCount - 64) more rows\n" }
        return text
    }

    static func settingsText(_ session: Session) -> String {
        let settings = session.trainer.settings
        let regularization = settings.regularization
        var lines = [
            "data: \(session.dataSource.description) (\(counted(session.trainer.data.sampleCount, "sample")))",
            "net: \(SettingsText.architecture(session.trainer.network.architecture))",
            "loss: \(settings.loss.rawValue)",
            "penalty: \(SettingsText.penalty(regularization.global, convention: regularization.convention, format: session.format))" + (session.trainer.network.layers.count > 1 ? " on every layer" : ""),
        ]
        for (layer, term) in regularization.perLayer.sorted(by: { $0.key < $1.key }) {
            lines.append("penalty on layer \(layer + 1): \(SettingsText.penalty(term, convention: regularization.convention, format: session.format))")
        }
        lines += [
            "penalty biases: \(regularization.includesBiases ? "on" : "off")",
            "convention: \(regularization.convention.rawValue), L2 term \(regularization.convention.formula)",
            "l1mode: \(regularization.l1Mode.rawValue); sign(0) = 0",
            "lr: \(session.format(settings.learningRate))",
            "momentum: \(session.format(settings.momentum))",
        ]
        lines += ShowCommand.optimizerSettingsLines(session)
        lines += [
            "batch: \(settings.batchSize.map(String.init) ?? "all")",
            "seed: \(settings.seed)",
            "digits: \(session.format.significantDigits.map(String.init) ?? "all")",
        ]
        // Dropout, noise and batch norm are listed when on (older transcripts stay as they were).
        let noise = settings.noise
        if noise.inputDropout != 0 || noise.hiddenDropout != 0 {
            lines.append("dropout: hidden p = \(session.format(noise.hiddenDropout)), input p = \(session.format(noise.inputDropout)) (training only)")
        }
        if noise.inputNoise != 0 { lines.append("noise: σ = \(session.format(noise.inputNoise)) (training only)") }
        if session.trainer.network.hasBatchNorm { lines.append("batchnorm: on (ε = 1e-05, momentum 0.1)") }
        lines += [
            "updates: \(session.trainer.updateCount); next phase: \(session.trainer.nextPhase.rawValue)",
            "watching: \(session.watches.isEmpty ? "nothing" : session.watches.map(\.name).joined(separator: ", "))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `show settings` lines of the optimizer, max-norm and smoothing, only where not the default.
    static func optimizerSettingsLines(_ session: Session) -> [String] {
        let settings = session.trainer.settings
        var lines: [String] = []
        if settings.optimizer != .sgd {
            lines.append("optimizer: \(settings.optimizer.rawValue), β1 = \(session.format(settings.adam.beta1)), β2 = \(session.format(settings.adam.beta2)), ε = \(session.format(settings.adam.epsilon)); t = \(session.trainer.adamState.stepCount)")
        }
        if settings.weightDecay != 0 { lines.append("weightdecay: \(session.format(settings.weightDecay)) (decoupled, multiplied by η)") }
        if let c = settings.maxNorm { lines.append("maxnorm: \(session.format(c)) (every layer; biases not constrained)") }
        if settings.labelSmoothing != 0 { lines.append("smoothing: \(session.format(settings.labelSmoothing))") }
        return lines
    }

    /// `show dead`: per layer, how many of its weights and biases are dead links of
    /// `l1mode clip` (a clip update set them to 0; clip updates skip them from then on).
    static func deadText(_ session: Session) -> String {
        let network = session.trainer.network
        let counts = network.layers.enumerated().map { index, layer in
            "layer \(index + 1): \(layer.l1Memory?.deadCount ?? 0) of \(layer.weights.storage.count + (layer.hasBias ? layer.outputCount : 0))"
        }
        return "dead links (l1mode clip): " + counts.joined(separator: ", ") + "; total \(network.deadCount)\n"
            + "a dead link is a weight (or penalized bias) that a clip update set to exactly 0 because its L1 step crossed zero; "
            + "clip updates never move it again. set of that parameter, reinit, a new net, or an update in another l1mode revives it\n"
    }

    /// `show validation`: J_data and accuracy on the training and the held-out samples, now.
    static func validationText(_ session: Session) throws(InterpreterError) -> String {
        let heldOut = try session.requireHeldOut("validation")
        let network = session.trainer.network, loss = session.trainer.settings.loss
        let training = session.trainer.data, validation = heldOut.data
        let formula = loss == .meanSquaredError ? "1/(2n)·Σ(ŷ − y)²" : "−1/n·Σ y·ln ŷ"
        var text = "validation: the network after \(counted(session.trainer.updateCount, "update")); J_data = \(formula), without the penalty"
            + (session.isClassification ? "; accuracy = correct / n" : "") + "\n"
        let losses = [training, validation].map { network.dataLoss(on: $0, loss: loss) }
        for (index, (name, data)) in [("training", training), ("validation", validation)].enumerated() {
            let label = "\(name) (\(counted(data.sampleCount, "sample"))):".padding(toLength: 30, withPad: " ", startingAt: 0)
            text += "  \(label) J_data = \(session.format(losses[index]))"
            if session.isClassification { text += "  accuracy = \(session.format(network.accuracy(on: data)))" }
            text += "\n"
        }
        let gap = losses[1] - losses[0]
        text += "  gap, validation − training J_data: \(session.format(gap))"
            + (gap > 0 ? " (the network fits its training samples better than new ones)" : "") + "\n"
        return text
    }

    /// `show sparsity`: per weight matrix, how many weights are exactly 0 and how many |w| < 1e-3.
    static func sparsityText(_ session: Session) -> String {
        var text = "sparsity (weights only; small means |w| < 0.001):\n"
        var zeros = 0, small = 0, total = 0
        for (index, layer) in session.trainer.network.layers.enumerated() {
            let weights = layer.weights.storage
            let layerZeros = weights.filter { $0 == 0 }.count, layerSmall = weights.filter { abs($0) < 1e-3 }.count
            text += "  W\(index + 1) (\(layer.inputCount)×\(layer.outputCount)): \(layerZeros) of \(weights.count) exactly 0, "
                + "\(layerSmall) small (\(ShowCommand.percent(layerSmall, of: weights.count)))\n"
            zeros += layerZeros; small += layerSmall; total += weights.count
        }
        if session.trainer.network.layers.count > 1 {
            text += "  all: \(zeros) of \(total) exactly 0, \(small) small (\(ShowCommand.percent(small, of: total)))\n"
        }
        return text
    }

    /// The number of weights exactly 0, in all layers.
    static func zeroWeightCount(_ session: Session) -> Int {
        session.trainer.network.layers.reduce(0) { $0 + $1.weights.storage.filter { $0 == 0 }.count }
    }

    /// "12.5%", one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
