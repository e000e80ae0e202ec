import Engine

extension Session {
    /// Why a setting is outside what its command accepts, or nil: the same `NumberLimit`s
    /// the typed commands use, so a loaded file cannot hold what no command would set.
    var settingsProblem: String? { Self.settingsProblem(trainer.settings, trainer.network) }

    /// `settingsProblem` for `settings` used with `network`.
    static func settingsProblem(_ settings: TrainingSettings<Double>, _ network: Network<Double>) -> String? {
        let regularization = settings.regularization
        var checks: [(Double, NumberLimit)] = [
            (settings.learningRate, .learningRate), (settings.momentum, .momentum),
            (settings.weightDecay, .weightDecay), (settings.labelSmoothing, .labelSmoothing),
            (settings.noise.hiddenDropout, .dropout("p")), (settings.noise.inputDropout, .dropout("input p")),
            (settings.noise.inputNoise, .noise), (settings.adam.beta1, .adamBeta("beta1")),
            (settings.adam.beta2, .adamBeta("beta2")), (settings.adam.epsilon, .adamEpsilon),
        ]
        if let maxNorm = settings.maxNorm { checks.append((maxNorm, .maxNorm)) }
        for term in [regularization.global] + regularization.perLayer.values {
            checks += [(term.l1, .lambda), (term.l2, .lambda)]
        }
        for (value, limit) in checks {
            if let problem = limit.problem(value) { return problem }
        }
        if let layer = regularization.perLayer.keys.first(where: { !network.layers.indices.contains($0) }) {
            return "a penalty is set on layer \(layer + 1), which does not exist"
        }
        if network.layers.dropLast().contains(where: { $0.activation == .softmax }) {
            return "softmax is for the output layer (out=softmax), not a hidden layer"
        }
        return nil
    }

    /// Why the data, held-out rows or recorded phases would make a later command fail, or nil.
    var structureProblem: String? {
        let data = trainer.data
        if trainer.updateCount < 0 { return "the update count is \(trainer.updateCount)" }
        for (name, set) in [("the data", data)] + (heldOut.map { [("the held-out data", $0.data)] } ?? []) {
            if set.inputs.storage.contains(where: { !$0.isFinite }) || set.targets.storage.contains(where: { !$0.isFinite }) {
                return "\(name) holds a value that is not a finite number"
            }
            if case .mnist = dataSource, set.inputs.storage.contains(where: { !(0...1).contains($0) }) {
                return "\(name) holds an MNIST pixel outside [0, 1]"
            }
        }
        if let heldOut {
            let total = data.sampleCount + heldOut.rows.count
            if heldOut.data.sampleCount != heldOut.rows.count || heldOut.data.targets.rows != heldOut.rows.count {
                return "the held-out data has \(heldOut.data.sampleCount) samples for \(heldOut.rows.count) rows"
            }
            if heldOut.data.featureCount != data.featureCount || heldOut.data.targetCount != data.targetCount {
                return "the held-out data is \(heldOut.data.featureCount)+\(heldOut.data.targetCount) wide, the data \(data.featureCount)+\(data.targetCount)"
            }
            if zip(heldOut.rows, heldOut.rows.dropFirst()).contains(where: { $0 >= $1 }) || heldOut.rows.contains(where: { $0 < 0 || $0 >= total }) {
                return "the held-out rows are not ascending rows in 0…\(total - 1)"
            }
        }
        return nil
    }
}
