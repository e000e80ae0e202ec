/// Every number a learner sets on training, named once with its range. The REPL's commands,
/// `load`, the `train` flags and the `--compare` words all check a value against the same
/// case, so a new setting's range is written here once; each front words the refusal in its
/// own terms (`η must be greater than 0` in the REPL, `--lr must be a number above 0` for a flag).
public enum NumberSetting: String, CaseIterable, Sendable {
    /// η
    case learningRate
    /// SGD's μ
    case momentum
    /// λ of an L1 or L2 penalty
    case lambda
    /// AdamW's decoupled weight decay wd
    case weightDecay
    /// c of the max-norm constraint
    case maxNorm
    /// ε of label smoothing
    case labelSmoothing
    /// Inverted dropout's p on hidden units, and on the input
    case dropout, inputDropout
    /// σ of Gaussian input noise
    case noise
    /// Adam's β1, β2 and ε
    case beta1, beta2, epsilon

    /// The value must be greater than 0.
    public var positive: Bool {
        switch self {
        case .learningRate, .maxNorm, .epsilon: true
        default: false
        }
    }

    /// The smallest value allowed (nil: none besides `positive`).
    public var minimum: Double? { positive ? nil : 0 }

    /// The value must be strictly below this (nil: no upper bound). Probabilities and
    /// decay rates stay below 1.
    public var below: Double? {
        switch self {
        case .momentum, .labelSmoothing, .dropout, .inputDropout, .beta1, .beta2: 1
        default: nil
        }
    }

    /// Whether `value` is a finite number within the range.
    public func accepts(_ value: Double) -> Bool {
        value.isFinite && (!positive || value > 0) && (minimum.map { value >= $0 } ?? true) && (below.map { value < $0 } ?? true)
    }

    /// The range in words: "a number above 0", "in [0, 1)", "a number ≥ 0".
    public var rangeText: String {
        if positive { return "a number above 0" }
        return below == nil ? "a number ≥ 0" : "in [0, 1)"
    }

    /// The `train` flag (λ has two, `--lambda` and `--lambda2`, so its messages say λ).
    public var flag: String {
        switch self {
        case .learningRate: "--lr"
        case .momentum: "--momentum"
        case .lambda: "λ"
        case .weightDecay: "--weight-decay"
        case .maxNorm: "--max-norm"
        case .labelSmoothing: "--label-smoothing"
        case .dropout: "--dropout"
        case .inputDropout: "--input-dropout"
        case .noise: "--noise"
        case .beta1: "--beta1"
        case .beta2: "--beta2"
        case .epsilon: "--eps"
        }
    }

    /// Why `value` is refused, as the `train` flags and `--compare` words say it.
    public func flagProblem(_ value: Float) -> String {
        let meaning = switch self {
        case .dropout: " (the probability of dropping a unit), not \(value)"
        case .inputDropout: " (the probability of dropping a pixel), not \(value)"
        case .noise: " (σ), not \(value)"
        default: ""
        }
        return "\(flag) must be \(rangeText)\(meaning)"
    }
}
