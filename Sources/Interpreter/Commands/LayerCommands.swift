import Render
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
        hidden = try arguments.number(.dropout("p"))
        if let text = try arguments.options(["input"])["input"] { input = try arguments.value(text, .dropout("input p")) }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: ["off", "0.5"]
        case 2: ["input="]
        default: []
        }
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let restarts = session.restarts {
            $0.settings.noise.hiddenDropout = hidden
            $0.settings.noise.inputDropout = input
        }
        let change = SettingChange.dropout(hidden: hidden, input: input, hasHiddenLayer: session.trainer.network.layers.count >= 2)
        return .setting(change, restartsUpdate: restarts)
    }
}

/// `noise σ | off`
struct NoiseCommand: NumberOrOffCommand {
    static let help = CommandHelp(name: "noise", usage: "noise σ | noise off",
        summary: "Gaussian noise σ·N(0, 1) added to the data in training",
        details: "Each training forward pass uses x + σ·n, n drawn from the seed and the update number (Box–Muller); evaluate uses x.")
    static let examples = ["noise 0.1", "noise off"]
    static let limit = NumberLimit.noise
    static let suggestions = ["off", "0.1"]
    /// σ of the Gaussian input noise; nil: off
    var value: Double?

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let sigma = value ?? 0
        let restarts = session.restarts { $0.settings.noise.inputNoise = sigma }
        return .setting(.noise(sigma), restartsUpdate: restarts)
    }
}

/// `batchnorm on | off`
struct BatchNormCommand: TextCommand {
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

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let network = session.trainer.network
        guard network.layers.count > 1 || !on else {
            throw InterpreterError("batchnorm: the network has no hidden layer to normalize (net 3-4-1 adds one)")
        }
        guard on != network.hasBatchNorm else { return "batchnorm: already \(on ? "on" : "off")\n" }
        session.install(network.withBatchNorm(on))
        guard on else { return "batchnorm: off; gamma and beta removed, momentum reset, undo history cleared\n" }
        let layers = (1..<network.layers.count).map(String.init).joined(separator: ", ")
        return """
            batchnorm: on after layer\(network.layers.count > 2 ? "s" : "") \(layers): x̂ = (z − μ)/√(σ² + ε), y = γ·x̂ + β, a = f(y); ε = 1e-05
            training normalizes with the batch's mean and biased variance 1/m·Σ(z − μ)²; inference with the running statistics
            running mean and variance start at 0 and 1 and move by momentum 0.1 (the variance with the unbiased m/(m − 1)·σ², as PyTorch)
            gamma and beta start at 1 and 0, are trained by the same SGD step and are never penalized; momentum reset, undo history cleared

            """
    }
}

/// `evaluate`: one forward pass over all samples in inference mode.
struct EvaluateCommand: PlainCommand, TextCommand {
    static let help = CommandHelp(name: "evaluate", usage: "evaluate",
        summary: "the outputs and J_data in inference mode (no dropout or noise; running statistics)",
        details: "One forward pass over every sample; changes nothing. With loss xent also the accuracy.")
    static let examples = ["evaluate"]

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        if let problem = session.trainer.problem { throw InterpreterError("evaluate: \(problem)") }
        let network = session.trainer.network, data = session.trainer.data
        let caches = network.forward(data.inputs, mode: .inference)
        let output = caches[caches.count - 1]
        let activation = network.layers[network.layers.count - 1].activation
        let loss = session.trainer.settings.loss.evaluate(output: output, activation: activation, target: data.targets)
        var text = "evaluate: inference mode on all \(counted(data.sampleCount, "sample")) (no dropout mask, no noise"
        text += network.hasBatchNorm ? ", batch norm with the running statistics)\n" : ")\n"
        for row in 0..<min(data.sampleCount, 12) {
            text += "  sample \(row): ŷ = \(session.format.vector(output.a.row(row)))  y = \(session.format.vector(data.targets.row(row)))\n"
        }
        if data.sampleCount > 12 { text += "  … \(data.sampleCount - 12) more samples\n" }
        let epsilon = session.trainer.settings.labelSmoothing
        if epsilon == 0 {
            text += "J_data = \(session.format(loss.value))\n"
        } else {
            // the update's J_data uses y′ = (1 − ε)·y + ε/K; evaluate names both
            let smoothed = session.trainer.settings.loss.evaluate(output: output, activation: activation,
                                                                  target: Loss.smoothedTargets(data.targets, epsilon: epsilon))
            let k = Loss.smoothingClassCount(outputs: data.targetCount)
            text += "J_data = \(session.format(loss.value)) on the targets y (unsmoothed)\n"
            text += "J_data = \(session.format(smoothed.value)) on the smoothed targets y′ = (1 − ε)·y + ε/K, ε = \(session.format(epsilon)), "
                + "K = \(k) (the J_data an update computes)\n"
        }
        if session.trainer.settings.loss == .crossEntropy {
            let correct = zip(ClassReading.classes(output.a), data.classLabels).filter { $0 == $1 }.count
            text += "accuracy = \(correct)/\(data.sampleCount) = \(session.format(Double(correct) / Double(data.sampleCount)))\n"
        }
        return text
    }
}
