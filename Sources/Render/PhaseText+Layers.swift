import Engine

extension PhaseText {
    /// The lines a layer's input noise, dropout and batch normalization add to the forward
    /// phase, before the samples: rates, scale and statistics.
    func inputNoiseLines<T: Scalar>(_ cache: DenseActivations<T>, layer index: Int, sigma: T) -> String {
        var text = ""
        if cache.noise != nil {
            text += "  input noise (training only): x + σ·n, σ = \(format(sigma)), n ~ N(0, 1) drawn from the seed (Box–Muller)\n"
        }
        if let dropout = cache.dropout {
            let what = index == 0 ? "the input" : "layer \(index)'s output"
            text += "  dropout on \(what) (training only, inverted): p = \(format(dropout.rate)), each value kept with probability 1 − p = \(format(1 - dropout.rate)); "
            text += "x̃ = m ⊙ x·s with s = 1/(1 − p) = \(format(dropout.scale)); kept \(dropout.mask.storage.filter { $0 != 0 }.count) of \(dropout.mask.storage.count) this step\n"
        }
        return text
    }

    /// "mask = [1, 0, 1]" for small layers, "mask keeps 13 of 32" for big ones.
    func maskText<T: Scalar>(_ dropout: DropoutRecord<T>, row: Int) -> String {
        let mask = dropout.mask.row(row)
        guard mask.count <= detailLimit else { return "mask keeps \(dropout.keptCount(row: row)) of \(mask.count)" }
        return "mask = [" + mask.map { $0 == 0 ? "0" : "1" }.joined(separator: ", ") + "]"
    }

    /// A sample's noise, mask and x̃ (what multiplies W), between x and z.
    func noisePart<T: Scalar>(_ cache: DenseActivations<T>, row: Int) -> String {
        guard cache.noise != nil || cache.dropout != nil else { return "" }
        var text = ""
        if let noise = cache.noise { text += "noise = \(inputText(noise.row(row)))  " }
        if let dropout = cache.dropout { text += maskText(dropout, row: row) + "  " }
        return text + "x̃ = \(inputText(cache.input.row(row)))  "
    }

    /// The batch normalization lines of a layer: convention, μ, σ², γ, β (before the samples).
    func batchNormLines<T: Scalar>(_ record: BatchNormRecord<T>, batchNorm: BatchNorm<T>, layer name: String) -> String {
        var text = "  batch norm before the activation: x̂ = (z − μ)/√(σ² + ε), y = γ·x̂ + β, a = f(y); ε = \(format(batchNorm.epsilon))\n"
        if record.training {
            text += "  batch statistics (training): μ = mean of z over the batch, σ² = biased variance 1/m·Σ(z − μ)², m = \(record.normalized.rows)\n"
        } else {
            text += "  running statistics (inference): μ = running mean, σ² = running variance\n"
        }
        text += "  μ = \(format.vector(record.mean))  σ² = \(format.vector(record.variance))\n"
        text += "  gamma\(name) = \(format.vector(batchNorm.gamma))  beta\(name) = \(format.vector(batchNorm.beta))\n"
        return text
    }

    /// The running statistics after a training step.
    func runningStatisticsLines<T: Scalar>(_ record: BatchNormRecord<T>, batchNorm: BatchNorm<T>) -> String {
        guard record.training else { return "" }
        let m = format(batchNorm.momentum), keep = format(1 - batchNorm.momentum)
        let unbiased = record.normalized.rows > 1 ? "m/(m − 1)·σ², the unbiased variance (PyTorch)" : "σ² (m = 1)"
        return "  running mean ← \(keep)·old + \(m)·μ = \(format.vector(record.runningMean))\n"
            + "  running variance ← \(keep)·old + \(m)·\(unbiased) = \(format.vector(record.runningVariance))\n"
            + "  (kept in the network when the update phase runs; inference normalizes with them)\n"
    }
}
