/// The data loss J_data, a mean over the n samples of the batch.
public enum Loss: String, CaseIterable, Codable, Sendable {
    /// J = 1/(2n) · Σ_i Σ_k (ŷ_ik − y_ik)², the article's form (with its ½).
    case meanSquaredError = "mse"
    /// Cross-entropy on probabilities. With several outputs (softmax):
    /// J = −1/n · Σ_i Σ_k y_ik · ln ŷ_ik. With one output (sigmoid), binary:
    /// J = −1/n · Σ_i [y_i · ln ŷ_i + (1 − y_i) · ln(1 − ŷ_i)].
    case crossEntropy = "xent"

    /// Why this loss cannot be used on an output layer, or nil when it can.
    public func incompatibility(output: Activation, outputCount: Int) -> String? {
        guard self == .crossEntropy else { return nil }
        if outputCount == 1 {
            return output == .sigmoid ? nil : "loss xent with one output needs out=sigmoid (binary cross-entropy)"
        }
        return output == .softmax ? nil : "loss xent with \(outputCount) outputs needs out=softmax"
    }

    /// J_data for predictions ŷ and targets y, both (n, outputs).
    public func evaluate<T: Scalar>(prediction: Matrix<T>, target: Matrix<T>) -> LossRecord<T> {
        precondition(prediction.rows == target.rows && prediction.columns == target.columns, "shape mismatch")
        var sum: T = 0
        switch self {
        case .meanSquaredError:
            for index in prediction.storage.indices {
                let error = prediction.storage[index] - target.storage[index]
                sum += error * error
            }
            let n = T(prediction.rows)
            return LossRecord(loss: self, sampleCount: prediction.rows, sum: sum, value: sum / (2 * n))
        case .crossEntropy:
            for index in prediction.storage.indices {
                let p = prediction.storage[index], y = target.storage[index]
                // A term whose weight is 0 contributes 0 (0·ln 0 = 0, the limit), so a
                // saturated but correct output gives a finite loss.
                if y != 0 { sum -= y * T.naturalLogarithm(p) }
                if prediction.columns == 1 && y != 1 { sum -= (1 - y) * T.naturalLogarithm(1 - p) }
            }
            return LossRecord(loss: self, sampleCount: prediction.rows, sum: sum, value: sum / T(prediction.rows))
        }
    }

    /// J_data from the output layer's z as well as its a: cross-entropy through its
    /// matching output uses ln ŷ from z — softmax: ln ŷ_k = z_k − max z − ln Σ_j e^(z_j − max z);
    /// sigmoid: ln ŷ = −softplus(−z), ln(1 − ŷ) = −softplus(z) — which stays finite where ŷ
    /// rounds to exactly 0 or 1. Other cases are `evaluate(prediction:target:)`.
    @_specialize(exported: true, where T == Double)
    public func evaluate<T: Scalar>(output: DenseActivations<T>, activation: Activation, target: Matrix<T>) -> LossRecord<T> {
        guard self == .crossEntropy, incompatibility(output: activation, outputCount: target.columns) == nil else {
            return evaluate(prediction: output.a, target: target)
        }
        let z = output.z
        var sum: T = 0
        for row in 0..<z.rows {
            if z.columns == 1 {
                let logit = z[row, 0], y = target[row, 0]
                if y != 0 { sum += y * softplus(-logit) }
                if y != 1 { sum += (1 - y) * softplus(logit) }
                continue
            }
            var largest = -T.infinity
            for column in 0..<z.columns { largest = Swift.max(largest, z[row, column]) }
            var total: T = 0
            for column in 0..<z.columns { total += T.exponential(z[row, column] - largest) }
            let logTotal = T.naturalLogarithm(total)
            for column in 0..<z.columns where target[row, column] != 0 {
                sum -= target[row, column] * (z[row, column] - largest - logTotal)
            }
        }
        return LossRecord(loss: self, sampleCount: z.rows, sum: sum, value: sum / T(z.rows))
    }

    /// softplus(x) = ln(1 + eˣ) = max(x, 0) + ln(1 + e^(−|x|)), without overflow.
    private func softplus<T: Scalar>(_ x: T) -> T {
        Swift.max(x, 0) + T.naturalLogarithm(1 + T.exponential(-abs(x)))
    }

    /// dJ/dz of the output layer.
    ///
    /// Cross-entropy on its matching output (softmax, or sigmoid with one output) uses the
    /// combined form dz = (ŷ − y)/n. Otherwise dJ/dŷ — for MSE (ŷ − y)/n — is passed back
    /// through the output activation.
    @_specialize(exported: true, where T == Double)
    public func outputZGradient<T: Scalar>(output: DenseActivations<T>, activation: Activation, target: Matrix<T>) -> Matrix<T> {
        let n = T(target.rows)
        let difference = output.a.combined(with: target) { ($0 - $1) / n }
        switch self {
        case .meanSquaredError:
            return activation.backward(z: output.z, a: output.a, outputGradient: difference)
        case .crossEntropy:
            return difference
        }
    }

    /// The gradient formula at the output, as the trace prints it.
    public func gradientFormula(activation: Activation) -> String {
        switch self {
        case .meanSquaredError:
            activation == .identity ? "dJ/dz = (ŷ − y)/n" : "dJ/dz = (ŷ − y)/n · f′(z)"
        case .crossEntropy:
            "dJ/dz = (ŷ − y)/n  (cross-entropy through \(activation.rawValue))"
        }
    }
}

/// The data loss of one batch: value = sum/(2n) for MSE, sum/n for cross-entropy.
public struct LossRecord<T: Scalar>: Equatable, Sendable, Codable {
    public var loss: Loss
    /// n
    public var sampleCount: Int
    /// Σ(ŷ − y)² for MSE; −Σ y·ln ŷ (binary: both terms) for cross-entropy.
    public var sum: T
    public var value: T
    /// ε of label smoothing, when the targets were smoothed (nil: the plain targets).
    public var smoothing: T?
    /// y′ = (1 − ε)·y + ε/K, the targets this loss used, when smoothed: (batch, outputs).
    public var smoothedTargets: Matrix<T>?
}
