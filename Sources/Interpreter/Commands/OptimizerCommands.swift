import Render
import Engine

/// `lr η`
struct LearningRateCommand: SettingNumberCommand {
    static let help = CommandHelp(name: "lr", usage: "lr η", summary: "set the learning rate η (> 0)",
        details: "Every update moves each parameter by −η times its gradient.")
    static let examples = ["lr 0.1", "lr 2"]
    static let limit = NumberLimit.learningRate
    static var setting: WritableKeyPath<TrainingSettings<Double>, Double> { \.learningRate }
    static func change(_ eta: Double) -> SettingChange { .learningRate(eta) }
    /// η
    var value: Double
}

/// `momentum μ`
struct MomentumCommand: SettingNumberCommand {
    static let help = CommandHelp(name: "momentum", usage: "momentum μ", summary: "set SGD momentum μ (0 ≤ μ < 1; 0 is plain SGD)",
        details: "d = μ·v + g and v ← d + c·w, as PyTorch's SGD; the momentum buffers start at 0.")
    static let examples = ["momentum 0.9", "momentum 0"]
    static let limit = NumberLimit.momentum
    static var setting: WritableKeyPath<TrainingSettings<Double>, Double> { \.momentum }
    static func change(_ mu: Double) -> SettingChange { .momentum(mu) }
    /// μ
    var value: Double
}

/// `optimizer sgd | adam | adamw [beta1=…] [beta2=…] [eps=…]`
struct OptimizerCommand: Command {
    static let help = CommandHelp(name: "optimizer", usage: "optimizer sgd | adam | adamw [beta1=0.9] [beta2=0.999] [eps=1e-8]",
        summary: "choose SGD (default), Adam or AdamW",
        details: """
        adam (Kingma & Ba 2015): m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t),
        v̂ = v/(1 − β2^t), w ← w − η·m̂/(√v̂ + ε). A penalty's gradient joins g, so 1/√v̂ rescales it.
        adamw (Loshchilov & Hutter 2019): the same plus decoupled decay, w ← (1 − η·wd)·w − step
        (weightdecay wd; PyTorch's convention: the decay is multiplied by η).
        Choosing an optimizer resets its moments (m = v = 0, t = 0). show mW1[i,j], vW1[i,j]: the moments.
        l1mode clip, prox and cumulative are SGD rules; under Adam the L1 subgradient joins g.
        """)
    static let examples = ["optimizer adam", "optimizer adamw beta1=0.8 beta2=0.99 eps=1e-6", "optimizer sgd"]
    var optimizer: Optimizer
    /// β₁, β₂, ε where given, else the defaults
    var parameters = AdamParameters<Double>()

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        optimizer = try arguments.choice("optimizer", Optimizer.self)
        let options = try arguments.options(["beta1", "beta2", "eps"])
        if optimizer == .sgd && !options.isEmpty { throw arguments.fail("beta1=, beta2= and eps= are Adam's; sgd takes none") }
        for (key, text) in options {
            switch key {
            case "eps": parameters.epsilon = try arguments.value(text, .adamEpsilon)
            case "beta1": parameters.beta1 = try arguments.value(text, .adamBeta(key))
            default: parameters.beta2 = try arguments.value(text, .adamBeta(key))
            }
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? Optimizer.allCases.map(\.rawValue) : ["beta1=", "beta2=", "eps="]
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let settings = session.trainer.settings
        if SettingsConflict.of(weightDecay: settings.weightDecay, under: optimizer) != nil {
            throw InterpreterError("optimizer: weightdecay is \(session.format(settings.weightDecay)), which only adamw applies (decoupled); type weightdecay 0 first (under \(optimizer.rawValue), PyTorch's weight_decay adds wd·w to g: that is penalty l2 \(session.format(settings.weightDecay)))")
        }
        if SettingsConflict.of(settings.regularization.l1Mode, under: optimizer) != nil {
            throw InterpreterError("optimizer: l1mode \(settings.regularization.l1Mode.rawValue) is an SGD rule; under \(optimizer.rawValue) the L1 subgradient λ·sign(w) joins g (type l1mode subgradient first)")
        }
        session.trainer.settings.optimizer = optimizer
        session.trainer.settings.adam = parameters
        session.trainer.adamState = AdamState()
        return .setting(.optimizer(optimizer, parameters, momentum: settings.momentum, weightDecay: settings.weightDecay))
    }
}

/// `weightdecay WD`
struct WeightDecayCommand: NumberCommand {
    static let help = CommandHelp(name: "weightdecay", usage: "weightdecay WD", summary: "AdamW's decoupled weight decay wd (≥ 0)",
        details: """
        Only with optimizer adamw: w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε), the decay outside g (PyTorch's AdamW).
        Under sgd or adam, PyTorch's weight_decay adds wd·w to the gradient: that is penalty l2 WD
        (article convention), so use that instead.
        """)
    static let examples = ["weightdecay 0.1", "weightdecay 0"]
    static let limit = NumberLimit.weightDecay
    /// wd
    var value: Double

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let wd = value
        let optimizer = session.trainer.settings.optimizer
        if SettingsConflict.of(weightDecay: wd, under: optimizer) != nil {
            throw InterpreterError("weightdecay: decoupled weight decay is AdamW's (type optimizer adamw first); under \(optimizer.rawValue), PyTorch's weight_decay adds wd·w to the gradient, which is penalty l2 \(session.format(wd)) (article convention)")
        }
        session.trainer.settings.weightDecay = wd
        return .setting(.weightDecay(wd, learningRate: session.trainer.settings.learningRate))
    }
}

/// `maxnorm C | off`
struct MaxNormCommand: NumberOrOffCommand {
    static let help = CommandHelp(name: "maxnorm", usage: "maxnorm C | maxnorm off", summary: "max-norm constraint ‖w_j‖₂ ≤ C after each update",
        details: """
        Srivastava et al. 2014: after the update (SGD or Adam), each unit's incoming weights (column j of W)
        with ‖w_j‖₂ > C are scaled by C/‖w_j‖₂. The paper bounds hidden units; regsim bounds every layer,
        the output layer too. Biases are not constrained. A projection, not a loss term: J and the
        gradient do not change.
        """)
    static let examples = ["maxnorm 0.5", "maxnorm off"]
    static let limit = NumberLimit.maxNorm
    /// c; nil: off
    var value: Double?

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        session.trainer.settings.maxNorm = value
        return .setting(.maxNorm(value))
    }
}

/// `smoothing ε`
struct SmoothingCommand: NumberCommand {
    static let help = CommandHelp(name: "smoothing", usage: "smoothing ε", summary: "label smoothing of cross-entropy targets (0 ≤ ε < 1)",
        details: """
        The targets become y′ = (1 − ε)·y + ε/K (K classes; K = 2 for one sigmoid output), in the loss
        and its gradient dJ/dz = (ŷ − y′)/n. Only with loss xent. smoothing 0 turns it off.
        """)
    static let examples = ["smoothing 0.1", "smoothing 0"]
    static let limit = NumberLimit.labelSmoothing
    /// ε
    var value: Double

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let epsilon = value
        if SettingsConflict.of(labelSmoothing: epsilon, loss: session.trainer.settings.loss) != nil {
            throw InterpreterError("smoothing: label smoothing needs loss xent (it smooths cross-entropy targets); the loss is \(session.trainer.settings.loss.rawValue)")
        }
        let restarts = session.restarts { $0.settings.labelSmoothing = epsilon }
        let k = Loss.smoothingClassCount(outputs: session.trainer.network.outputCount)
        return .setting(.labelSmoothing(epsilon, classCount: k), restartsUpdate: restarts)
    }
}
