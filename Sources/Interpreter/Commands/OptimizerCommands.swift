import Engine

/// `lr η`
struct LearningRateCommand: Command {
    static let help = CommandHelp(name: "lr", usage: "lr η", summary: "set the learning rate η (> 0)",
                details: "Every update moves each parameter by −η times its gradient.")
    static let examples = ["lr 0.1", "lr 2"]
    var eta: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        eta = try arguments.number("η", positive: true)
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.trainer.settings.learningRate = eta
        return "lr: η = \(session.format(eta))\n"
    }
}

/// `momentum μ`
struct MomentumCommand: Command {
    static let help = CommandHelp(name: "momentum", usage: "momentum μ", summary: "set SGD momentum μ (0 ≤ μ < 1; 0 is plain SGD)",
                details: "d = μ·v + g and v ← d + c·w, as PyTorch's SGD; the momentum buffers start at 0.")
    static let examples = ["momentum 0.9", "momentum 0"]
    var mu: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        mu = try arguments.number("μ", minimum: 0, below: 1)
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.trainer.settings.momentum = mu
        return "momentum: μ = \(session.format(mu))" + (mu == 0 ? " (plain SGD)" : "") + "\n"
    }
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
                l1mode clip and prox are SGD rules; under Adam the L1 subgradient joins g.
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
            guard let value = Double(text), value.isFinite else { throw arguments.fail("'\(text)' is not a number (\(key))") }
            switch key {
            case "eps":
                guard value > 0 else { throw arguments.fail("eps must be greater than 0, not \(text)") }
                parameters.epsilon = value
            default:
                guard value >= 0 && value < 1 else { throw arguments.fail("\(key) must be in [0, 1), not \(text)") }
                if key == "beta1" { parameters.beta1 = value } else { parameters.beta2 = value }
            }
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? Optimizer.allCases.map(\.rawValue) : ["beta1=", "beta2=", "eps="]
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.setOptimizer(optimizer, parameters)
    }
}

/// `weightdecay WD`
struct WeightDecayCommand: Command {
    static let help = CommandHelp(name: "weightdecay", usage: "weightdecay WD", summary: "AdamW's decoupled weight decay wd (≥ 0)",
                details: """
                Only with optimizer adamw: w ← (1 − η·wd)·w − η·m̂/(√v̂ + ε), the decay outside g (PyTorch's AdamW).
                Under sgd or adam, PyTorch's weight_decay adds wd·w to the gradient: that is penalty l2 WD
                (article convention), so use that instead.
                """)
    static let examples = ["weightdecay 0.1", "weightdecay 0"]
    var wd: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        wd = try arguments.number("wd", minimum: 0)
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.setWeightDecay(wd)
    }
}

/// `maxnorm C | off`
struct MaxNormCommand: Command {
    static let help = CommandHelp(name: "maxnorm", usage: "maxnorm C | maxnorm off", summary: "max-norm constraint ‖w_j‖₂ ≤ C after each update",
                details: """
                Srivastava et al. 2014: after the update (SGD or Adam), each unit's incoming weights (column j of W)
                with ‖w_j‖₂ > C are scaled by C/‖w_j‖₂. Every layer, the output layer too; biases are not
                constrained. A projection, not a loss term: J and the gradient do not change.
                """)
    static let examples = ["maxnorm 0.5", "maxnorm off"]
    /// nil: off
    var c: Double?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        c = arguments.accept("off") ? nil : try arguments.number("c", positive: true)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["off"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.setMaxNorm(c)
    }
}

/// `smoothing ε`
struct SmoothingCommand: Command {
    static let help = CommandHelp(name: "smoothing", usage: "smoothing ε", summary: "label smoothing of cross-entropy targets (0 ≤ ε < 1)",
                details: """
                The targets become y′ = (1 − ε)·y + ε/K (K classes; K = 2 for one sigmoid output), in the loss
                and its gradient dJ/dz = (ŷ − y′)/n. Only with loss xent. smoothing 0 turns it off.
                """)
    static let examples = ["smoothing 0.1", "smoothing 0"]
    var epsilon: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        epsilon = try arguments.number("ε", minimum: 0, below: 1)
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.setSmoothing(epsilon)
    }
}
