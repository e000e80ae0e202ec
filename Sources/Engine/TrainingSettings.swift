/// Everything that decides what one update computes, besides the parameters.
public struct TrainingSettings<T: Scalar>: Equatable, Sendable, Codable {
    /// η
    public var learningRate: T
    /// μ of SGD with momentum (0: plain SGD); not used by Adam and AdamW
    public var momentum: T
    /// Samples per update; nil means the whole data set (full-batch gradient descent).
    public var batchSize: Int?
    /// Seeds the initial weights and the order of minibatches.
    public var seed: UInt64
    public var loss: Loss
    public var regularization: Regularization<T>
    /// SGD (default), Adam or AdamW.
    public var optimizer: Optimizer
    /// β₁, β₂, ε of Adam and AdamW.
    public var adam: AdamParameters<T>
    /// wd of AdamW's decoupled weight decay w ← (1 − η·wd)·w − step (PyTorch's convention,
    /// multiplied by η), on weights (biases too with `regularization.includesBiases`). Only AdamW uses it: under SGD or Adam, PyTorch's `weight_decay`
    /// adds wd·w to the gradient, which is exactly `penalty l2 wd` (article convention).
    public var weightDecay: T
    /// c of the max-norm constraint ‖w_j‖₂ ≤ c on every unit's incoming weights (a column
    /// of W), applied after each update on every layer (Srivastava et al. 2014); nil: off.
    public var maxNorm: T?
    /// ε of label smoothing: cross-entropy targets become (1 − ε)·y + ε/K (0: off).
    public var labelSmoothing: T
    /// Dropout rates and input noise σ of training forward passes (all 0: off).
    public var noise: NoiseInjection<T>

    public init(learningRate: T = 0.1, momentum: T = 0, batchSize: Int? = nil, seed: UInt64 = 1,
                loss: Loss = .meanSquaredError, regularization: Regularization<T> = Regularization(),
                optimizer: Optimizer = .sgd, adam: AdamParameters<T> = AdamParameters(), weightDecay: T = 0,
                maxNorm: T? = nil, labelSmoothing: T = 0, noise: NoiseInjection<T> = NoiseInjection()) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.seed = seed
        self.loss = loss
        self.regularization = regularization
        self.optimizer = optimizer
        self.adam = adam
        self.weightDecay = weightDecay
        self.maxNorm = maxNorm
        self.labelSmoothing = labelSmoothing
        self.noise = noise
    }

    /// The first rule these settings break for a network of `layerCount` layers, or nil
    /// (an L1 mode matters only where some layer has an L1 term).
    public func conflict(layerCount: Int) -> SettingsConflict? {
        SettingsConflict.of(weightDecay: weightDecay, under: optimizer)
            ?? (regularization.usesL1(layerCount: layerCount) ? SettingsConflict.of(regularization.l1Mode, under: optimizer) : nil)
            ?? SettingsConflict.of(labelSmoothing: labelSmoothing, loss: loss)
    }

    /// Why these settings cannot train a network of `layerCount` layers, or nil.
    public func problem(layerCount: Int) -> String? {
        conflict(layerCount: layerCount).map { problem($0) }
    }

    /// `conflict` in words, with these settings' values (what `load` and the trainer report).
    public func problem(_ conflict: SettingsConflict) -> String {
        switch conflict {
        case .weightDecayNeedsAdamW(let optimizer):
            "weight decay \(weightDecay) is AdamW's decoupled decay; under \(optimizer.rawValue) use penalty l2 \(weightDecay) instead (PyTorch's weight_decay there adds wd·w to the gradient: the article's L2 gradient λ·w)"
        case .l1ModeNeedsSGD(let mode, let optimizer):
            "l1mode \(mode.rawValue) is an SGD rule; under \(optimizer.rawValue) the L1 subgradient λ·sign(w) goes into g (l1mode subgradient)"
        case .labelSmoothingNeedsCrossEntropy:
            "label smoothing needs loss xent (it smooths the cross-entropy targets)"
        case .batchNormNeedsSGD:
            "batch norm's γ and β take SGD steps only: with batchnorm on, use optimizer sgd"
        }
    }
}

extension TrainingSettings {
    enum CodingKeys: String, CodingKey {
        case learningRate, momentum, batchSize, seed, loss, regularization
        case optimizer, adam, weightDecay, maxNorm, labelSmoothing, noise
    }

    /// Decodes settings; files written before the optimizer, max-norm, label smoothing,
    /// dropout and noise existed get SGD and all of those off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(learningRate: try container.decode(T.self, forKey: .learningRate),
                  momentum: try container.decode(T.self, forKey: .momentum),
                  batchSize: try container.decodeIfPresent(Int.self, forKey: .batchSize),
                  seed: try container.decode(UInt64.self, forKey: .seed),
                  loss: try container.decode(Loss.self, forKey: .loss),
                  regularization: try container.decode(Regularization<T>.self, forKey: .regularization),
                  optimizer: try container.decodeIfPresent(Optimizer.self, forKey: .optimizer) ?? .sgd,
                  adam: try container.decodeIfPresent(AdamParameters<T>.self, forKey: .adam) ?? AdamParameters(),
                  weightDecay: try container.decodeIfPresent(T.self, forKey: .weightDecay) ?? 0,
                  maxNorm: try container.decodeIfPresent(T.self, forKey: .maxNorm),
                  labelSmoothing: try container.decodeIfPresent(T.self, forKey: .labelSmoothing) ?? 0,
                  noise: try container.decodeIfPresent(NoiseInjection<T>.self, forKey: .noise) ?? NoiseInjection())
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
        try container.encode(optimizer, forKey: .optimizer)
        try container.encode(adam, forKey: .adam)
        try container.encode(weightDecay, forKey: .weightDecay)
        try container.encodeIfPresent(maxNorm, forKey: .maxNorm)
        try container.encode(labelSmoothing, forKey: .labelSmoothing)
        if !noise.isOff { try container.encode(noise, forKey: .noise) }
    }

    /// Whether the forward, loss, penalty or gradient phase would compute something else
    /// under `self` than under `other` (η, μ, the optimizer, max-norm and the L1 mode matter
    /// only in the update phase; dropout and noise change the forward phase).
    public func changesComputedPhases(comparedTo other: TrainingSettings) -> Bool {
        var left = regularization, right = other.regularization
        left.l1Mode = .subgradient
        right.l1Mode = .subgradient
        return loss != other.loss || noise != other.noise || batchSize != other.batchSize || seed != other.seed || left != right
            || labelSmoothing != other.labelSmoothing
    }
}

/// The five phases of one update, in order.
public enum Phase: String, CaseIterable, Codable, Sendable {
    case forward, loss, penalty, gradient, update
}
