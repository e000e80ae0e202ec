/// Batch normalization of a layer's z, before its activation (Ioffe and Szegedy 2015,
/// "Batch normalization: accelerating deep network training by reducing internal
/// covariate shift"). Per unit j, over the m rows of the batch:
///
///     μ_j  = 1/m·Σ_i z_ij                        (batch mean)
///     σ²_j = 1/m·Σ_i (z_ij − μ_j)²               (biased batch variance, used to normalize)
///     x̂_ij = (z_ij − μ_j)/√(σ²_j + ε)
///     y_ij = γ_j·x̂_ij + β_j
///
/// and the running statistics, used for inference, move by `momentum` (PyTorch's rule):
/// r_μ ← (1 − momentum)·r_μ + momentum·μ, r_σ² ← (1 − momentum)·r_σ² + momentum·m/(m − 1)·σ²
/// (the unbiased batch variance, as PyTorch; with m = 1 the biased one).
public struct BatchNorm<T: Scalar>: Equatable, Sendable, Codable {
    /// γ: (units), learnable scale, initially 1
    public var gamma: [T]
    /// β: (units), learnable shift, initially 0
    public var beta: [T]
    /// Running mean, initially 0
    public var runningMean: [T]
    /// Running variance, initially 1
    public var runningVariance: [T]
    /// ε = 1e-5
    public var epsilon: T
    /// momentum of the running statistics, 0.1
    public var momentum: T

    public init(units: Int, epsilon: T = 1e-5, momentum: T = 0.1) {
        gamma = Array(repeating: 1, count: units)
        beta = Array(repeating: 0, count: units)
        runningMean = Array(repeating: 0, count: units)
        runningVariance = Array(repeating: 1, count: units)
        self.epsilon = epsilon
        self.momentum = momentum
    }

    public var unitCount: Int { gamma.count }

    /// y = γ·x̂ + β. z: (batch, units). Training normalizes with the batch's statistics and
    /// returns the running statistics after this batch; inference uses the running ones.
    public func forward(_ z: Matrix<T>, training: Bool) -> BatchNormRecord<T> {
        let m = z.rows, units = z.columns
        var mean = runningMean, variance = runningVariance
        var newMean = runningMean, newVariance = runningVariance
        if training {
            for j in 0..<units {
                var sum: T = 0
                for i in 0..<m { sum += z[i, j] }
                let mu = sum / T(m)
                var squares: T = 0
                for i in 0..<m { let d = z[i, j] - mu; squares += d * d }
                mean[j] = mu
                variance[j] = squares / T(m)
                let unbiased = m > 1 ? squares / T(m - 1) : variance[j]
                newMean[j] = (1 - momentum) * runningMean[j] + momentum * mu
                newVariance[j] = (1 - momentum) * runningVariance[j] + momentum * unbiased
            }
        }
        let inverse = variance.map { 1 / T.squareRoot($0 + epsilon) }
        var normalized = z, output = z
        for i in 0..<m {
            for j in 0..<units {
                let xHat = (z[i, j] - mean[j]) * inverse[j]
                normalized[i, j] = xHat
                output[i, j] = gamma[j] * xHat + beta[j]
            }
        }
        return BatchNormRecord(training: training, mean: mean, variance: variance, inverseDeviation: inverse,
                               normalized: normalized, output: output,
                               runningMean: newMean, runningVariance: newVariance)
    }

    /// From dJ/dy (batch, units): dβ_j = Σ_i dy_ij, dγ_j = Σ_i dy_ij·x̂_ij, and with
    /// dx̂ = γ·dy: dz_ij = 1/√(σ²_j + ε)·(dx̂_ij − 1/m·Σ_k dx̂_kj − x̂_ij·1/m·Σ_k dx̂_kj·x̂_kj).
    /// (After inference-mode forward passes: dz = γ·dy/√(r_σ² + ε).)
    public func backward(_ record: BatchNormRecord<T>, outputGradient dy: Matrix<T>) -> (input: Matrix<T>, parameters: BatchNormGradient<T>) {
        let m = dy.rows, units = dy.columns
        var dGamma = Array(repeating: T(0), count: units), dBeta = Array(repeating: T(0), count: units)
        var dz = dy
        for j in 0..<units {
            var sumDXHat: T = 0, sumDXHatXHat: T = 0
            for i in 0..<m {
                let g = dy[i, j], xHat = record.normalized[i, j]
                dBeta[j] += g
                dGamma[j] += g * xHat
                let dXHat = gamma[j] * g
                sumDXHat += dXHat
                sumDXHatXHat += dXHat * xHat
            }
            let meanDXHat = sumDXHat / T(m), meanDXHatXHat = sumDXHatXHat / T(m)
            for i in 0..<m {
                let dXHat = gamma[j] * dy[i, j]
                dz[i, j] = record.training
                    ? record.inverseDeviation[j] * (dXHat - meanDXHat - record.normalized[i, j] * meanDXHatXHat)
                    : record.inverseDeviation[j] * dXHat
            }
        }
        return (dz, BatchNormGradient(gamma: dGamma, beta: dBeta))
    }
}

/// What batch normalization computed for one batch, for the backward pass and the trace.
public struct BatchNormRecord<T: Scalar>: Equatable, Sendable, Codable {
    /// Batch statistics (training) or running statistics (inference) were used.
    public var training: Bool
    /// μ: (units)
    public var mean: [T]
    /// σ², biased: (units)
    public var variance: [T]
    /// 1/√(σ² + ε): (units)
    public var inverseDeviation: [T]
    /// x̂: (batch, units)
    public var normalized: Matrix<T>
    /// y = γ·x̂ + β: (batch, units), the activation's input
    public var output: Matrix<T>
    /// The running statistics after this batch (unchanged in inference)
    public var runningMean: [T]
    public var runningVariance: [T]
}

/// One layer's backward pass through batch normalization, for the trace.
public struct BatchNormBackward<T: Scalar>: Equatable, Sendable, Codable {
    /// dJ/dy: (batch, units), from the activation's backward pass
    public var outputGradient: Matrix<T>
    /// dJ/dz: (batch, units), what the dense layer's backward pass receives
    public var inputGradient: Matrix<T>
}

/// dJ/dγ and dJ/dβ of one layer (also the shape of their momentum buffers).
public struct BatchNormGradient<T: Scalar>: Equatable, Sendable, Codable {
    public var gamma: [T]
    public var beta: [T]

    public init(gamma: [T], beta: [T]) {
        self.gamma = gamma
        self.beta = beta
    }

    public static func zeros(units: Int) -> BatchNormGradient {
        BatchNormGradient(gamma: Array(repeating: 0, count: units), beta: Array(repeating: 0, count: units))
    }
}
