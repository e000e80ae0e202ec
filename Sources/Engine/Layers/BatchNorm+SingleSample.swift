extension Trainer {
    /// Why batch norm refuses to train on a batch of one sample, as PyTorch does in training
    /// mode: the batch mean is the sample itself and the biased variance 1/m·Σ(z − μ)² is 0,
    /// so x̂ = (z − μ)/√(0 + ε) = 0 for every unit and γ receives no gradient.
    /// `batchSize` nil: all `samples` in one batch; `off` how the caller turns batch norm off.
    public static func singleSampleBatchNorm(samples: Int, batchSize: Int?, off: String = "batchnorm off") -> String {
        let cause = samples == 1 ? "there is 1 sample to train on"
            : batchSize == 1 ? "batch 1 gives every update one sample"
            : "\(samples) samples in batches of \(batchSize ?? samples) leave a last batch of 1 in every epoch"
        return "batch norm cannot train on a batch of one sample (its batch variance is 0, so every x̂ is 0; "
            + "PyTorch refuses it in training mode too): \(cause); choose a batch size that leaves at least 2 per batch, or \(off)"
    }

    /// Whether minibatches of `batchSize` (nil: all) over `samples` include a batch of one.
    public static func hasSingleSampleBatch(samples: Int, batchSize: Int?) -> Bool {
        let size = min(batchSize ?? samples, samples)
        return size == 1 || samples % size == 1
    }
}
