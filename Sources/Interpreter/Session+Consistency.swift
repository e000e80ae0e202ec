import Engine

extension Session {
    /// Why a decoded session cannot be used, or nil.
    var consistencyProblem: String? {
        let network = trainer.network
        if let problem = Self.networkProblem(network) ?? Self.optimizerProblem(trainer.velocities, trainer.adamState, network) {
            return problem
        }
        if trainer.data.inputs.rows != trainer.data.targets.rows { return "inputs and targets differ in length" }
        if let problem = trainer.problem ?? settingsProblem ?? structureProblem { return problem }
        if !watches.allSatisfy({ network.contains($0) }) { return "a watched parameter does not exist" }
        return nil
    }

    /// Why `network`'s layers do not fit together (bias, batch norm and L1 memory lengths), or nil.
    static func networkProblem(_ network: Network<Double>) -> String? {
        guard !network.layers.isEmpty else { return "the network has no layers" }
        for (index, layer) in network.layers.enumerated() {
            if layer.bias.count != layer.outputCount { return "layer \(index + 1)'s bias has the wrong length" }
            if index > 0 && layer.inputCount != network.layers[index - 1].outputCount { return "layer \(index + 1) does not fit layer \(index)" }
            if let batchNorm = layer.batchNorm,
               [batchNorm.gamma, batchNorm.beta, batchNorm.runningMean, batchNorm.runningVariance].contains(where: { $0.count != layer.outputCount }) {
                return "layer \(index + 1)'s batch norm has the wrong length"
            }
            if let memory = layer.l1Memory, memory.deadWeights.count != layer.weights.storage.count || memory.receivedWeights.count != layer.weights.storage.count
                || memory.deadBiases.count != layer.outputCount || memory.receivedBiases.count != layer.outputCount {
                return "layer \(index + 1)'s L1 memory has the wrong length"
            }
        }
        return nil
    }

    /// Why the momentum buffers or Adam's moments do not have `network`'s shapes, or nil.
    static func optimizerProblem(_ velocities: [DenseGradient<Double>], _ adam: AdamState<Double>, _ network: Network<Double>) -> String? {
        if !fits(velocities, network) || zip(velocities, network.layers).contains(where: { $1.batchNorm != nil && $0.normalization == nil }) {
            return "momentum buffers do not match the layers"
        }
        if !adam.firstMoments.isEmpty || !adam.secondMoments.isEmpty {
            if !fits(adam.firstMoments, network) || !fits(adam.secondMoments, network) || adam.stepCount < 1 {
                return "Adam's moments do not match the layers"
            }
        }
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
