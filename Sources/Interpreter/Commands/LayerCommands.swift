import Engine

/// `dropout P [input=Q] | off`
struct DropoutCommand: Command {
    static let help = CommandHelp(name: "dropout", usage: "dropout P [input=Q] | dropout off",
                summary: "inverted dropout on the hidden layers' outputs (P) and the input (Q)",
                details: """
                In training forward passes each value of a layer's input is kept with probability 1 − p
                (mask m, drawn from the seed and the update number) and kept values are multiplied by
                s = 1/(1 − p): x̃ = m ⊙ x·s. The backward pass multiplies by the same m and s. P applies to
                the input of layers 2, 3, … (never to the output), input= to the data. 0 ≤ p < 1.
                evaluate, and inference in general, use no mask and no scale (Srivastava et al. 2014).
                """)
    static let examples = ["dropout 0.5", "dropout 0.3 input=0.2", "dropout off"]
    /// Dropout rates p of the hidden layers' outputs and of the input (0: off).
    var hidden = 0.0, input = 0.0

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        if arguments.accept("off") { return }
        let reader = arguments
        func rate(_ word: String, _ what: String) throws(InterpreterError) -> Double {
            guard let value = Double(word), value.isFinite else { throw reader.fail("'\(word)' is not a number (\(what))") }
            guard value >= 0 && value < 1 else { throw reader.fail("\(what) must be in [0, 1) (the probability of dropping a value), not \(word)") }
            return value
        }
        hidden = try rate(try arguments.next("p"), "p")
        if let text = try arguments.options(["input"])["input"] { input = try rate(text, "input p") }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: ["off", "0.5"]
        case 2: ["input="]
        default: []
        }
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.setDropout(hidden: hidden, input: input)
    }
}

/// `noise σ | off`
struct NoiseCommand: Command {
    static let help = CommandHelp(name: "noise", usage: "noise σ | noise off",
                summary: "Gaussian noise σ·N(0, 1) added to the data in training",
                details: "Each training forward pass uses x + σ·n, n drawn from the seed and the update number (Box–Muller); evaluate uses x.")
    static let examples = ["noise 0.1", "noise off"]
    /// σ of the Gaussian input noise (0: off)
    var sigma: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        sigma = arguments.accept("off") ? 0 : try arguments.number("σ", minimum: 0)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["off", "0.1"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.setNoise(sigma)
    }
}

/// `batchnorm on | off`
struct BatchNormCommand: Command {
    static let help = CommandHelp(name: "batchnorm", usage: "batchnorm on | batchnorm off",
                summary: "batch normalization after every hidden layer's z, before the activation",
                details: """
                y = γ·x̂ + β with x̂ = (z − μ)/√(σ² + ε), ε = 1e-05: in training μ and σ² are the batch's mean
                and biased variance, in inference (evaluate) the running statistics, which start at 0 and 1
                and move by momentum 0.1 (r ← 0.9·r + 0.1·batch value, the variance unbiased as PyTorch).
                gammaK[j] and betaK[j] are parameters (set, show, watch, explain), updated by SGD, never penalized.
                Keeps the weights; resets momentum and clears the undo history (Ioffe and Szegedy 2015).
                """)
    static let examples = ["batchnorm on", "batchnorm off"]
    var on: Bool

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        on = try arguments.onOff()
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["on", "off"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.setBatchNorm(on)
    }
}

/// `evaluate`: one forward pass over all samples in inference mode.
struct EvaluateCommand: PlainCommand {
    static let help = CommandHelp(name: "evaluate", usage: "evaluate",
                summary: "the outputs and J_data in inference mode (no dropout or noise; running statistics)",
                details: "One forward pass over every sample; changes nothing. With loss xent also the accuracy.")
    static let examples = ["evaluate"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.evaluate()
    }
}
