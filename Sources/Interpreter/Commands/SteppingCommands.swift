import Engine

/// `batch N | all`
struct BatchCommand: Command {
    static let help = CommandHelp(name: "batch", usage: "batch N | batch all", summary: "samples per update (default all)",
                details: "With N < n each epoch visits the samples in a seeded random order, N at a time.")
    static let examples = ["batch 2", "batch all"]
    /// nil: the whole data set
    var size: Int?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        size = arguments.accept("all") ? nil : try arguments.integer("batch size", range: 1...1_000_000)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["all"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let data = session.trainer.data
        if let size, size > data.sampleCount {
            throw InterpreterError("batch: \(size) is more than the \(data.sampleCount) samples of \(data.name)")
        }
        let note = session.change { $0.settings.batchSize = size == $0.data.sampleCount ? nil : size }
        return "batch: " + (size.map { "\($0) samples per update, in a seeded order" } ?? "all \(data.sampleCount) samples") + note + "\n"
    }
}

/// `seed S`
struct SeedCommand: Command {
    static let help = CommandHelp(name: "seed", usage: "seed S", summary: "set the random seed and redraw the weights",
                details: "The seed decides the initial weights and the minibatch order. Same seed, same numbers.")
    static let examples = ["seed 7"]
    var seed: UInt64

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        seed = try arguments.seed("seed")
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.trainer.settings.seed = seed
        session.install(session.freshNetwork(session.trainer.network.architecture))
        return "seed: \(seed); weights redrawn, momentum reset, undo history cleared\n"
    }
}

/// `reinit`
struct ReinitCommand: PlainCommand {
    static let help = CommandHelp(name: "reinit", usage: "reinit", summary: "redraw the weights from the seed",
                details: "Starts training over: new weights, zero momentum, update count 0.")
    static let examples = ["reinit"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let trainer = session.trainer
        session.trainer = Trainer(network: session.freshNetwork(trainer.network.architecture), data: trainer.data, settings: trainer.settings)
        session.undoStack = []
        return "reinit: weights redrawn from seed \(trainer.settings.seed), update count 0\n"
    }
}

/// `set W1[i,j] v`
struct SetCommand: Command {
    static let help = CommandHelp(name: "set", usage: "set W1[i,j] v | set b1[j] v", summary: "set one parameter",
                details: """
                Layers from 1, indices from 0: W1[0,1] is the weight from input 0 to unit 1 of layer 1.
                With batchnorm on, gamma1[j] and beta1[j] are layer 1's γ and β (set, show, watch and explain take them too).
                """)
    static let examples = ["set W1[0,0] 0.5", "set b1[0] -1", "set gamma1[0] 2"]
    var parameter: ParameterID
    var value: Double

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        parameter = try arguments.parameter().id
        value = try arguments.number("value")
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? request.parameters : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.requireParameter(parameter)
        let note = session.change { $0.setParameter(parameter, to: value) }
        return "\(parameter.name) = \(session.format(value))" + note + "\n"
    }
}

/// `step`
struct StepCommand: PlainCommand {
    static let help = CommandHelp(name: "step", usage: "step", summary: "run the next phase of the update and print it",
                details: "The phases, in order: forward, loss, penalty, gradient, update.")
    static let examples = ["step"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.step()
    }
}

/// `update`
struct UpdateCommand: PlainCommand {
    static let help = CommandHelp(name: "update", usage: "update", summary: "finish the update (all remaining phases) and print them",
                details: "Prints every phase not yet run, ending with each parameter's update, numbers plugged in.")
    static let examples = ["update"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.update()
    }
}

/// `run N`
struct RunCommand: Command {
    static let help = CommandHelp(name: "run", usage: "run N", summary: "N updates, one summary line each",
                details: "Each line: the update's data loss, penalty and total, then the watched parameters. Ctrl-C stops after the current update.")
    static let examples = ["run 3"]
    var count: Int

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        count = try arguments.integer("N", range: 1...CommandParser.runLimit)
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.run(count, isInterrupted: context.isInterrupted, stream: context.stream)
    }
}

/// `undo`
struct UndoCommand: PlainCommand {
    static let help = CommandHelp(name: "undo", usage: "undo", summary: "go back to the state before the last update",
                details: "Parameters, momentum and settings return to what they were before that update; up to 1000 updates back.")
    static let examples = ["undo"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.undo()
    }
}
