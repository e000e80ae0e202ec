import Engine

extension PhaseText {
    /// The gradient phase: the output error, then each parameter's data gradient dX and
    /// penalty (sub)gradient pX, or norms for layers too big to list.
    func render<T: Scalar>(_ record: GradientRecord<T>, of update: UpdateProgress<T>, settings: TrainingSettings<T>) -> String {
        var text = heading("gradient")
        guard let forward = update.forward else { return text }
        let network = forward.network
        let output = network.layers[network.layers.count - 1].activation
        if update.loss?.smoothing != nil {
            text += "output: dJ/dz = (ŷ − y′)/n  (cross-entropy through \(output.rawValue), y′ the smoothed targets), then backpropagation\n"
        } else {
            text += "output: \(settings.loss.gradientFormula(activation: output)), then backpropagation\n"
        }
        let batch = forward.batch
        for row in 0..<min(record.outputZGradient.rows, detailLimit) {
            let sample = batch.indices.contains(row) ? "\(batch[row])" : "\(row)"
            text += "  sample \(sample): dJ/dz = \(format.vector(record.outputZGradient.row(row)))\n"
        }
        let caches = forward.layers
        if caches.contains(where: { $0.dropout != nil }) {
            text += "dropout backward: dx = m ⊙ dx̃·s, the forward pass's mask m and scale s (dropped inputs get 0)\n"
        }
        text += hiddenBackpropagation(record, forward: forward)
        if caches.contains(where: { $0.normalization != nil }) {
            text += "batch norm backward, per unit over the m samples (dy = dJ/dy, dx̂ = γ·dy):\n"
            text += "  dβ = Σ dy, dγ = Σ dy·x̂, dz = 1/√(σ² + ε)·(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂))\n"
            for (index, pass) in (record.batchNorm ?? []).enumerated() {
                guard let pass else { continue }
                for row in 0..<min(pass.outputGradient.rows, detailLimit) {
                    let sample = batch.indices.contains(row) ? "\(batch[row])" : "\(row)"
                    text += "  layer \(index + 1), sample \(sample): dJ/dy = \(format.vector(pass.outputGradient.row(row)))  dJ/dz = \(format.vector(pass.inputGradient.row(row)))\n"
                }
            }
        }
        text += weightGradientSums(record, forward: forward)
        text += "penalty gradient: \(penaltyGradientFormula(settings.regularization, layerCount: network.layers.count))\n"
        for (index, layer) in network.layers.enumerated() {
            let data = record.data[index], penalty = record.penalty[index]
            if layer.inputCount * layer.outputCount > detailLimit * detailLimit {
                text += "layer \(index + 1): ‖dW\(index + 1)‖ = \(format(norm(data.weights.storage)))  ‖pW\(index + 1)‖ = \(format(norm(penalty.weights.storage)))\n"
                if let normalization = data.normalization {
                    text += "layer \(index + 1): ‖dgamma\(index + 1)‖ = \(format(norm(normalization.gamma)))  ‖dbeta\(index + 1)‖ = \(format(norm(normalization.beta)))  (not penalized)\n"
                }
                continue
            }
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount {
                    let name = ParameterID.weight(layer: index, row, column).name
                    text += "d\(name) = \(format(data.weights[row, column]))   p\(name) = \(format(penalty.weights[row, column]))\n"
                }
            }
            guard layer.hasBias else { continue }
            for column in 0..<layer.outputCount {
                let name = ParameterID.bias(layer: index, column).name
                text += "d\(name) = \(format(data.bias[column]))   p\(name) = \(format(penalty.bias[column]))\n"
            }
        }
        for (index, data) in record.data.enumerated() {
            guard let normalization = data.normalization,
                  network.layers[index].inputCount * network.layers[index].outputCount <= detailLimit * detailLimit else { continue }
            for column in normalization.gamma.indices {
                text += "d\(ParameterID.gamma(layer: index, column).name) = \(format(normalization.gamma[column]))   "
                text += "d\(ParameterID.beta(layer: index, column).name) = \(format(normalization.beta[column]))   (not penalized)\n"
            }
        }
        return text
    }

    /// "λ·sign(w), sign(0) = 0" / "λ·w" / "λ₁·sign(w) + λ₂·w" for the penalties in use.
    func penaltyGradientFormula<T: Scalar>(_ regularization: Regularization<T>, layerCount: Int) -> String {
        let l1 = regularization.usesL1(layerCount: layerCount)
        let l2 = regularization.usesL2(layerCount: layerCount)
        let l2Part = regularization.convention == .article ? "λ₂·w" : "2λ₂·w"
        let scope = regularization.includesBiases ? " (weights and biases)" : " (weights; biases get 0)"
        switch (l1, l2) {
        case (false, false): return "none (0)"
        case (true, false): return "λ·sign(w) with sign(0) = 0" + scope
        case (false, true): return (regularization.convention == .article ? "λ·w" : "2λ·w") + scope
        case (true, true): return "λ₁·sign(w) + \(l2Part) with sign(0) = 0" + scope
        }
    }

    /// √Σx², for summaries.
    func norm<T: Scalar>(_ values: [T]) -> T {
        T.squareRoot(values.reduce(0) { $0 + $1 * $1 })
    }
}
