import Engine

extension Session {
    /// Why a decoded session cannot be used, or nil.
    var consistencyProblem: String? {
        let network = trainer.network
        guard !network.layers.isEmpty else { return "the network has no layers" }
        for (index, layer) in network.layers.enumerated() {
            if layer.bias.count != layer.outputCount { return "layer \(index + 1)'s bias has the wrong length" }
            if index > 0 && layer.inputCount != network.layers[index - 1].outputCount { return "layer \(index + 1) does not fit layer \(index)" }
            if let batchNorm = layer.batchNorm,
               [batchNorm.gamma, batchNorm.beta, batchNorm.runningMean, batchNorm.runningVariance].contains(where: { $0.count != layer.outputCount }) {
                return "layer \(index + 1)'s batch norm has the wrong length"
            }
        }
        if trainer.velocities.count != network.layers.count { return "momentum buffers do not match the layers" }
        for (velocity, layer) in zip(trainer.velocities, network.layers) where velocity.weights.rows != layer.inputCount || velocity.weights.columns != layer.outputCount || velocity.bias.count != layer.outputCount
            || (velocity.normalization.map { $0.gamma.count != layer.outputCount || $0.beta.count != layer.outputCount } ?? false)
            || (layer.batchNorm != nil && velocity.normalization == nil) {
            return "momentum buffers do not match the layers"
        }
        let adam = trainer.adamState
        if !adam.firstMoments.isEmpty || !adam.secondMoments.isEmpty {
            if !Self.fits(adam.firstMoments, network) || !Self.fits(adam.secondMoments, network) || adam.stepCount < 1 {
                return "Adam's moments do not match the layers"
            }
        }
        if trainer.data.inputs.rows != trainer.data.targets.rows { return "inputs and targets differ in length" }
        for records in [trainer.progress, trainer.lastUpdate] {
            if let forward = records.forward, forward.layers.count != forward.network.layers.count
                || zip(forward.layers, forward.network.layers).contains(where: { ($0.normalization == nil) != ($1.batchNorm == nil) }) {
                return "a forward record does not match its network"
            }
            if let gradient = records.gradient, !Self.fits(gradient.data, network) || !Self.fits(gradient.penalty, network) {
                return "a gradient record does not match the network"
            }
        }
        if let problem = trainer.problem ?? settingsProblem ?? structureProblem { return problem }
        if !watches.allSatisfy({ network.contains($0) }) { return "a watched parameter does not exist" }
        return nil
    }

    /// Whether `gradients` has the shapes of `network`'s parameters.
    static func fits(_ gradients: [DenseGradient<Double>], _ network: Network<Double>) -> Bool {
        gradients.count == network.layers.count && zip(gradients, network.layers).allSatisfy { gradient, layer in
            gradient.weights.rows == layer.inputCount && gradient.weights.columns == layer.outputCount
                && gradient.bias.count == layer.outputCount
                && (gradient.normalization.map { $0.gamma.count == layer.outputCount && $0.beta.count == layer.outputCount } ?? true)
        }
    }

}
