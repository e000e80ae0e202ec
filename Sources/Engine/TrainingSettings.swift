/// Everything that decides what one update computes, besides the parameters.
public struct TrainingSettings<T: Scalar>: Equatable, Sendable, Codable {
    /// η
    public var learningRate: T
    /// μ of SGD with momentum (0: plain SGD)
    public var momentum: T
    /// Samples per update; nil means the whole data set (full-batch gradient descent).
    public var batchSize: Int?
    /// Seeds the initial weights and the order of minibatches.
    public var seed: UInt64
    public var loss: Loss
    public var regularization: Regularization<T>

    public init(learningRate: T = 0.1, momentum: T = 0, batchSize: Int? = nil, seed: UInt64 = 1,
                loss: Loss = .meanSquaredError, regularization: Regularization<T> = Regularization()) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.seed = seed
        self.loss = loss
        self.regularization = regularization
    }
}

extension TrainingSettings {
    /// Whether the forward, loss, penalty or gradient phase would compute something else
    /// under `self` than under `other` (η, μ and the L1 mode matter only in the update phase).
    public func changesComputedPhases(comparedTo other: TrainingSettings) -> Bool {
        var left = regularization, right = other.regularization
        left.l1Mode = .subgradient
        right.l1Mode = .subgradient
        return loss != other.loss || batchSize != other.batchSize || seed != other.seed || left != right
    }
}

/// The five phases of one update, in order.
public enum Phase: String, CaseIterable, Codable, Sendable {
    case forward, loss, penalty, gradient, update
}
