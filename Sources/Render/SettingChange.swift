import Engine

/// A setting a command changed, with what its line needs (`Outcome.setting`); `text` below
/// is where the line is made.
public enum SettingChange: Equatable, Sendable {
    /// η
    case learningRate(Double)
    /// SGD's μ
    case momentum(Double)
    /// AdamW's decoupled wd, with the η its shrink factor 1 − η·wd uses.
    case weightDecay(Double, learningRate: Double)
    /// Max-norm c (nil: off).
    case maxNorm(Double?)
    /// Label smoothing ε (0: off) over K classes.
    case labelSmoothing(Double, classCount: Int)
    /// The optimizer chosen, its β1, β2, ε, and the μ and wd it finds set.
    case optimizer(Optimizer, AdamParameters<Double>, momentum: Double, weightDecay: Double)
    /// A penalty term on every layer or on one.
    case penalty(PenaltyChange)
    /// Whether the penalty covers the biases.
    case penaltyOnBiases(Bool)
    case convention(L2Convention)
    /// The L1 mode and whether momentum or L2 joins its step.
    case l1Mode(L1Mode, withMomentumOrL2: Bool)
    /// Dropout's p on the hidden layers' outputs and on the input (0: off).
    case dropout(hidden: Double, input: Double, hasHiddenLayer: Bool)
    /// σ of the Gaussian input noise (0: off).
    case noise(Double)

    /// Said after a change that sent an update under way back to its forward phase.
    public static let restartNote = " (the update under way starts again from the forward phase)"

    /// The line (or lines) the REPL prints, numbers written with `format`, without the last newline.
    public func text(format: NumberFormat) -> String {
        switch self {
        case .learningRate(let eta): "lr: η = \(format(eta))"
        case .momentum(let mu): "momentum: μ = \(format(mu))" + (mu == 0 ? " (plain SGD)" : "")
        case .weightDecay(0, _): "weightdecay: 0 (off)"
        case .weightDecay(let wd, let eta):
            "weightdecay: wd = \(format(wd)), decoupled (PyTorch's AdamW convention, multiplied by η): w ← (1 − η·wd)·w − step, 1 − η·wd = \(format(1 - eta * wd)) at η = \(format(eta))"
        case .maxNorm(nil): "maxnorm: off"
        case .maxNorm(let c?):
            "maxnorm: c = \(format(c)) on every layer, the output layer too (Srivastava et al. 2014 bound hidden units only): after each update, each unit's incoming weights w_j (column j of W) with ‖w_j‖₂ > c are scaled by c/‖w_j‖₂; biases not constrained"
        case .labelSmoothing(0, _): "smoothing: off (targets y as given)"
        case .labelSmoothing(let epsilon, let k):
            "smoothing: ε = \(format(epsilon)), targets y′ = (1 − ε)·y + ε/K with K = \(k): \(format(1 - epsilon))·y + \(format(epsilon / Double(k)))"
        case .optimizer(let optimizer, let parameters, let momentum, let weightDecay):
            Self.optimizerText(optimizer, parameters, momentum: momentum, weightDecay: weightDecay, format: format)
        case .penalty(let change): change.text(format: format)
        case .penaltyOnBiases(let on): "penalty on biases: \(on ? "on" : "off (weights only)")"
        case .convention(let convention): PhaseText(format: format).conventionLine(convention)
        case .l1Mode(let mode, let general): "l1mode: \(mode.rawValue): \(Self.rule(mode, withMomentumOrL2: general))"
        case .dropout(0, 0, _): "dropout: off"
        case .dropout(let hidden, let input, let hasHiddenLayer):
            Self.dropoutText(hidden: hidden, input: input, hasHiddenLayer: hasHiddenLayer, format: format)
        case .noise(0): "noise: off"
        case .noise(let sigma):
            "noise: x + σ·n with σ = \(format(sigma)), n ~ N(0, 1) drawn from the seed and the update number (Box–Muller); training only"
        }
    }

    private static func optimizerText(_ optimizer: Optimizer, _ parameters: AdamParameters<Double>, momentum: Double,
                                      weightDecay: Double, format: NumberFormat) -> String {
        guard optimizer != .sgd else { return "optimizer: sgd, w ← w − η·d with d = μ·v + g (momentum μ = \(format(momentum)))" }
        var text = "optimizer: \(optimizer.title), β1 = \(format(parameters.beta1)), β2 = \(format(parameters.beta2)), ε = \(format(parameters.epsilon)); moments m = v = 0, t = 0\n"
        text += optimizer == .adamw
            ? "  w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε), decay decoupled from g (PyTorch's convention, multiplied by η); wd = \(format(weightDecay))"
            : "  w ← w − η·m̂/(√v̂ + ε); a penalty's gradient joins g (L2 inside Adam, rescaled by 1/√v̂)"
        if momentum != 0 { text += "\n  (momentum μ = \(format(momentum)) is SGD's; Adam does not use it)" }
        return text
    }

    private static func dropoutText(hidden: Double, input: Double, hasHiddenLayer: Bool, format: NumberFormat) -> String {
        func describe(_ p: Double) -> String {
            p == 0 ? "off" : "p = \(format(p)) (kept with probability 1 − p = \(format(1 - p)), kept values × 1/(1 − p) = \(format(1 / (1 - p))))"
        }
        var text = "dropout: hidden layers \(describe(hidden)); input \(describe(input))\n"
        if hidden != 0 && !hasHiddenLayer {
            text += "note: the network has no hidden layer, so only input= applies (net 3-4-1 adds one)\n"
        }
        return text + "masks are drawn from the seed and the update number; training only (evaluate and inference use no mask and no scale)"
    }

    /// The update rule of an L1 mode in one line; with momentum or L2 the step before the L1
    /// pull is v = (1 − η·c)·w − η·(μ·v_old + g), c the L2 coefficient (λ or 2λ).
    static func rule(_ mode: L1Mode, withMomentumOrL2 general: Bool = false) -> String {
        let v = general ? "(1 − η·c)·w − η·(μ·v_old + g)" : "w − η·g"
        switch mode {
        case .subgradient:
            return general ? "w ← (1 − η·c)·w − η·(μ·v_old + g + λ·sign(w)), sign(0) = 0" : "w ← w − η·(g + λ·sign(w)), sign(0) = 0"
        case .clip: return "v = \(v), u = v − η·λ·sign(w); if v·u < 0, w ← 0 and the link dies, else u"
        case .prox: return "w ← sign(v)·max(|v| − η·λ, 0) with v = \(v)"
        case .cumulative:
            return "u ← u + η·λ; v > 0: w ← max(0, v − (u + q)), v < 0: w ← min(0, v + (u − q)); q ← q + (w − v)"
                + (general ? " with v = \(v)" : "")
        }
    }
}

/// A penalty set on every layer (`layer` nil) or on one, with what its line says around it.
public struct PenaltyChange: Equatable, Sendable {
    public var term: PenaltyTerm<Double>
    /// The layer's index from 0; nil: every layer.
    public var layer: Int?
    public var convention: L2Convention
    public var layerCount: Int
    /// Whether setting it on every layer removed per-layer penalties.
    public var replacedPerLayer: Bool
    public var includesBiases: Bool

    public init(term: PenaltyTerm<Double>, layer: Int?, convention: L2Convention, layerCount: Int,
                replacedPerLayer: Bool, includesBiases: Bool) {
        self.term = term
        self.layer = layer
        self.convention = convention
        self.layerCount = layerCount
        self.replacedPerLayer = replacedPerLayer
        self.includesBiases = includesBiases
    }

    /// "penalty: L2 λ = 0.1, (λ/2)·Σw² (article convention); weights only, biases not penalized"
    func text(format: NumberFormat) -> String {
        let penalty = SettingsText.penalty(term, convention: convention, format: format)
        var line: String
        if let layer {
            line = "penalty on layer \(layer + 1): \(penalty)"
        } else {
            line = "penalty: \(penalty)"
            if !term.isNone { line += layerCount > 1 ? " on every layer" : "" }
            if replacedPerLayer { line += " (per-layer penalties removed)" }
        }
        if !term.isNone { line += includesBiases ? "; weights and biases" : "; weights only, biases not penalized" }
        return line
    }
}
