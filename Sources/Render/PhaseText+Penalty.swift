import Engine

extension PhaseText {
    /// The penalty phase: each layer's L1 and L2 terms, Ω, and J = J_data + Ω.
    func render<T: Scalar>(_ record: PenaltyRecord<T>, dataLoss: LossRecord<T>?) -> String {
        var text = heading("penalty")
        let usesL1 = record.layers.contains { $0.term.l1 != 0 }
        let usesL2 = record.layers.contains { $0.term.l2 != 0 }
        if usesL1 || usesL2 {
            let scopeText = record.includesBiases ? "weights and biases penalized" : "weights penalized, biases not"
            text += (usesL2 ? conventionLine(record.convention) : "L1 term λ·Σ|w|") + "; " + scopeText + "\n"
        }
        let scope = record.includesBiases ? "w,b" : "w"
        for (index, layer) in record.layers.enumerated() {
            var terms: [String] = []
            if layer.term.l1 != 0 {
                terms.append("L1: λ·Σ|\(scope)| = \(format.operand(layer.term.l1))·\(format(layer.absoluteSum)) = \(format(layer.l1Value))")
            }
            if layer.term.l2 != 0 {
                let formula = record.convention == .article
                    ? "(λ/2)·Σ\(scope)² = (\(format(layer.term.l2))/2)·\(format(layer.squareSum))"
                    : "λ·Σ\(scope)² = \(format.operand(layer.term.l2))·\(format(layer.squareSum))"
                terms.append("L2: \(formula) = \(format(layer.l2Value))")
            }
            text += "layer \(index + 1): " + (terms.isEmpty ? "none" : terms.joined(separator: "\n         ")) + "\n"
        }
        text += "Ω = \(format(record.total))\n"
        if let dataLoss {
            text += "J = J_data + Ω = \(format(dataLoss.value)) + \(format(record.total)) = \(format(dataLoss.value + record.total))\n"
        }
        return text
    }

    /// "L2 convention: article, (λ/2)·Σw², gradient λ·w, PyTorch weight_decay = λ"
    public func conventionLine(_ convention: L2Convention) -> String {
        switch convention {
        case .article: "L2 convention: article, (λ/2)·Σw² (gradient λ·w; PyTorch weight_decay = λ)"
        case .keras: "L2 convention: keras, λ·Σw² (gradient 2λ·w; PyTorch weight_decay = 2λ)"
        }
    }
}
