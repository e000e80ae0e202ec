import Engine

/// The settings of one fast training run (`regsim train`, each run of `experiment
/// --compare`), by name: the command-line flags and the `--compare` words both fill this
/// value and pass the same checks, so a new setting is added here once.
public struct RunSettings: Equatable, Sendable {
    /// η
    public var learningRate: Float = 0.1
    /// SGD's μ
    public var momentum: Float = 0
    public var optimizer: Optimizer = .sgd
    /// Adam's β1, β2 and ε
    public var adam = AdamParameters<Float>()
    /// AdamW's decoupled weight decay wd
    public var weightDecay: Float = 0
    /// Max-norm c on every unit's incoming weights (nil: off)
    public var maxNorm: Float?
    /// Label smoothing ε
    public var labelSmoothing: Float = 0
    public var batchSize = 64
    public var seed: UInt64 = 1
    /// The penalty on every layer's weights
    public var penalty: PenaltyTerm<Float> = .none
    public var convention: L2Convention = .article
    public var l1Mode: L1Mode = .subgradient
    /// Whether the penalty covers the biases too
    public var penalizesBiases = false
    /// Inverted dropout's p on hidden units and on input pixels, and the σ of input noise
    public var dropout: Float = 0
    public var inputDropout: Float = 0
    public var noise: Float = 0
    /// Batch normalization after every hidden layer
    public var batchNorm = false
    /// Early stopping's patience (nil: off)
    public var earlyStop: Int?

    public init() {}

    /// The engine's settings, once every setting passes its check (the message names the
    /// setting as its flag: `--lr must be a number above 0`).
    public func trainingSettings() throws(SettingError) -> TrainingSettings<Float> {
        func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(SettingError) {
            if !condition { throw SettingError(message()) }
        }
        let numbers: [(NumberSetting, Float)] = [
            (.learningRate, learningRate), (.momentum, momentum), (.beta1, adam.beta1), (.beta2, adam.beta2),
            (.epsilon, adam.epsilon), (.weightDecay, weightDecay), (.labelSmoothing, labelSmoothing),
            (.lambda, penalty.l1), (.lambda, penalty.l2), (.dropout, dropout), (.inputDropout, inputDropout), (.noise, noise),
        ] + (maxNorm.map { [(.maxNorm, $0)] } ?? [])
        for (setting, value) in numbers { try check(setting.accepts(Double(value)), setting.flagProblem(value)) }
        try check(batchSize >= 1, "--batch must be at least 1")
        try check(SettingsConflict.of(weightDecay: weightDecay, under: optimizer) == nil,
                  "--weight-decay is AdamW's decoupled decay: use --optimizer adamw, or under \(optimizer.rawValue) --penalty l2 --lambda \(weightDecay) (PyTorch's weight_decay there adds wd·w to the gradient)")
        try check(penalty.l1 == 0 || SettingsConflict.of(l1Mode, under: optimizer) == nil,
                  "--l1mode \(l1Mode.rawValue) is an SGD rule; under --optimizer \(optimizer.rawValue) the L1 subgradient joins g (use --l1mode subgradient)")
        try check(SettingsConflict.of(batchNorm: batchNorm, under: optimizer) == nil, "--batchnorm trains γ and β with SGD only: use --optimizer sgd with --batchnorm")
        try check(earlyStop.map { $0 >= 1 } ?? true, "--early-stop must be at least 1 epoch")
        return TrainingSettings(learningRate: learningRate, momentum: momentum, batchSize: batchSize, seed: seed, loss: .crossEntropy,
                                regularization: Regularization(global: penalty, includesBiases: penalizesBiases,
                                                               convention: convention, l1Mode: l1Mode),
                                optimizer: optimizer, adam: adam, weightDecay: weightDecay, maxNorm: maxNorm,
                                labelSmoothing: labelSmoothing,
                                noise: NoiseInjection(inputDropout: inputDropout, hiddenDropout: dropout, inputNoise: noise))
    }
}

/// A setting that fails its check, or a word that is not a setting; the message says which.
public struct SettingError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The penalty a run puts on its weights, as `--penalty` and the `--compare` words name it.
public enum PenaltyChoice: String, CaseIterable, Sendable {
    case none, l1, l2, elastic

    /// The term with λ (the L1 part for elastic) and, for elastic, λ2 (the L2 part).
    public func term(lambda: Float, lambda2: Float = 0) -> PenaltyTerm<Float> {
        switch self {
        case .none: .none
        case .l1: PenaltyTerm(l1: lambda)
        case .l2: PenaltyTerm(l2: lambda)
        case .elastic: PenaltyTerm(l1: lambda, l2: lambda2)
        }
    }
}
