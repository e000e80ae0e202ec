import Engine

extension PhaseText {
    /// The backward pass through the hidden layers, top down: per sample dJ/da (from the
    /// layer above), f′ and dJ/dz, each with its rule, so a learner can check dW1 by hand.
    func hiddenBackpropagation<T: Scalar>(_ record: GradientRecord<T>, forward: ForwardRecord<T>) -> String {
        let network = forward.network
        guard network.layers.count > 1, let hidden = record.hidden, hidden.count == network.layers.count - 1 else { return "" }
        var text = ""
        let batch = forward.batch
        for index in hidden.indices.reversed() {
            let pass = hidden[index], layer = network.layers[index], cache = forward.layers[index]
            let name = "\(index + 1)", above = "\(index + 2)"
            guard layer.outputCount <= detailLimit else {
                text += "layer \(name): dJ/da\(name) = dJ/dz\(above)·W\(above)ᵀ, dJ/dz\(name) = dJ/da\(name) ⊙ f′(z\(name)), too many units to list: "
                text += "‖dJ/da\(name)‖ = \(format(norm(pass.activationGradient.storage)))  ‖dJ/dz\(name)‖ = \(format(norm(pass.activationInputGradient.storage)))\n"
                continue
            }
            let dropout = forward.layers[index + 1].dropout != nil
            let z = cache.normalization == nil ? "z" : "y"
            let output = index + 2 == network.layers.count ? " (dJ/dz\(above): the output's dJ/dz above)" : ""
            text += "layer \(name) (\(layer.activation.rawValue)): dJ/da\(name) = dJ/dz\(above)·W\(above)ᵀ, dJ/da\(name)[s,i] = Σ_j dJ/dz\(above)[s,j]·W\(above)[i,j]\(output)"
            text += dropout ? ", through dropout's mask (dJ/dx̃ = dJ/dz\(above)·W\(above)ᵀ, dJ/da\(name) = m ⊙ dJ/dx̃·s)\n" : "\n"
            if pass.derivative != nil {
                text += "  dJ/d\(z)\(name) = dJ/da\(name) ⊙ f′(\(z)\(name)), \(layer.activation.derivativeFormula)"
                text += cache.normalization == nil ? "\n" : " (batch norm: y = γ·x̂ + β; dJ/dz\(name) below)\n"
            } else {
                text += "  dJ/d\(z)\(name): \(layer.activation.derivativeFormula)\n"
            }
            for row in 0..<min(pass.activationGradient.rows, detailLimit) {
                let sample = batch.indices.contains(row) ? "\(batch[row])" : "\(row)"
                var line = "  sample \(sample): "
                if dropout { line += "dJ/dx̃ = \(format.vector(pass.weightedGradient.row(row)))  " }
                line += "dJ/da\(name) = \(format.vector(pass.activationGradient.row(row)))"
                if let derivative = pass.derivative { line += "  f′(\(z)\(name)) = \(format.vector(derivative.row(row)))" }
                text += line + "  dJ/d\(z)\(name) = \(format.vector(pass.activationInputGradient.row(row)))\n"
            }
        }
        return text
    }

    /// dW_k = x_kᵀ·dz_k and db_k = Σ_s dz_k, every entry written as its sum over the samples
    /// (networks with hidden layers; a one-layer network's dW is the output's dJ/dz times x).
    func weightGradientSums<T: Scalar>(_ record: GradientRecord<T>, forward: ForwardRecord<T>) -> String {
        let network = forward.network
        let listed = network.layers.indices.filter { network.layers[$0].inputCount * network.layers[$0].outputCount <= detailLimit * detailLimit }
        guard network.layers.count > 1, record.hidden != nil, forward.batch.count <= detailLimit, !listed.isEmpty else { return "" }
        var text = "dWk = xkᵀ·dzk: dWk[i,j] = Σ_s xk[s,i]·dzk[s,j] and dbk[j] = Σ_s dzk[s,j], summed over the batch's samples s\n"
        let dropout = forward.layers.contains { $0.dropout != nil } ? ", x̃ = m ⊙ x·s where dropout acts" : ""
        text += "  xk is layer k's input (x for layer 1, else a(k−1)\(dropout)); the batch mean's 1/n is already in dz\n"
        for index in listed {
            let layer = network.layers[index]
            guard let dz = record.zGradient(layer: index) else { continue }
            let input = forward.layers[index].input, name = "\(index + 1)"
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount {
                    let terms = (0..<dz.rows).map { "\(format.operand(input[$0, row]))·\(format.operand(dz[$0, column]))" }
                    text += "  dW\(name)[\(row),\(column)] = \(terms.joined(separator: " + ")) = \(format(record.data[index].weights[row, column]))\n"
                }
            }
            guard layer.hasBias else { continue }
            for column in 0..<layer.outputCount {
                let terms = (0..<dz.rows).map { format.operand(dz[$0, column]) }
                text += "  db\(name)[\(column)] = \(terms.joined(separator: " + ")) = \(format(record.data[index].bias[column]))\n"
            }
        }
        return text
    }
}
