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
    /// Dropout rates and input noise σ of training forward passes (all 0: off).
    public var noise: NoiseInjection<T>

    public init(learningRate: T = 0.1, momentum: T = 0, batchSize: Int? = nil, seed: UInt64 = 1,
                loss: Loss = .meanSquaredError, regularization: Regularization<T> = Regularization(),
                noise: NoiseInjection<T> = NoiseInjection()) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.seed = seed
        self.loss = loss
        self.regularization = regularization
        self.noise = noise
    }

    enum CodingKeys: String, CodingKey { case learningRate, momentum, batchSize, seed, loss, regularization, noise }

    /// Files saved before dropout and noise existed decode with both off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        learningRate = try container.decode(T.self, forKey: .learningRate)
        momentum = try container.decode(T.self, forKey: .momentum)
        batchSize = try container.decodeIfPresent(Int.self, forKey: .batchSize)
        seed = try container.decode(UInt64.self, forKey: .seed)
        loss = try container.decode(Loss.self, forKey: .loss)
        regularization = try container.decode(Regularization<T>.self, forKey: .regularization)
        noise = try container.decodeIfPresent(NoiseInjection<T>.self, forKey: .noise) ?? NoiseInjection()
    }

    /// Writes `noise` only when some of it is on, so files without it stay as they were.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(learningRate, forKey: .learningRate)
        try container.encode(momentum, forKey: .momentum)
        try container.encodeIfPresent(batchSize, forKey: .batchSize)
        try container.encode(seed, forKey: .seed)
        try container.encode(loss, forKey: .loss)
        try container.encode(regularization, forKey: .regularization)
        if !noise.isOff { try container.encode(noise, forKey: .noise) }
    }
}

extension TrainingSettings {
    /// Whether the forward, loss, penalty or gradient phase would compute something else
    /// under `self` than under `other` (η, μ and the L1 mode matter only in the update phase).
    public func changesComputedPhases(comparedTo other: TrainingSettings) -> Bool {
        var left = regularization, right = other.regularization
        left.l1Mode = .subgradient
        right.l1Mode = .subgradient
        return loss != other.loss || noise != other.noise || batchSize != other.batchSize || seed != other.seed || left != right
    }
}

/// The five phases of one update, in order.
public enum Phase: String, CaseIterable, Codable, Sendable {
    case forward, loss, penalty, gradient, update
}
