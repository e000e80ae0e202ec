import Render
import Engine

/// `batch N | all`
struct BatchCommand: TextCommand {
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

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let data = session.trainer.data
        if let size, size > data.sampleCount {
            throw InterpreterError("batch: \(size) is more than the \(counted(data.sampleCount, "sample")) of \(data.name)")
        }
        let note = session.change { $0.settings.batchSize = size == $0.data.sampleCount ? nil : size }
        return "batch: " + (size.map { "\(counted($0, "sample")) per update, in a seeded order" } ?? "all \(counted(data.sampleCount, "sample"))") + note + "\n"
    }
}

/// `seed S`
struct SeedCommand: TextCommand {
    static let help = CommandHelp(name: "seed", usage: "seed S", summary: "set the random seed and redraw the weights",
        details: "The seed decides the initial weights and the minibatch order. Same seed, same numbers.")
    static let examples = ["seed 7"]
    var seed: UInt64

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        seed = try arguments.seed("seed")
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.trainer.settings.seed = seed
        session.install(session.freshNetwork(session.trainer.network.architecture))
        return "seed: \(seed); weights redrawn, momentum reset, undo history cleared\n"
    }
}

/// `reinit`
struct ReinitCommand: PlainCommand, TextCommand {
    static let help = CommandHelp(name: "reinit", usage: "reinit", summary: "redraw the weights from the seed",
        details: "Starts training over: new weights, zero momentum, update count 0.")
    static let examples = ["reinit"]

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let trainer = session.trainer
        session.trainer = Trainer(network: session.freshNetwork(trainer.network.architecture), data: trainer.data, settings: trainer.settings)
        session.undoStack = []
        return "reinit: weights redrawn from seed \(trainer.settings.seed), update count 0\n"
    }
}

/// `set W1[i,j] v`
struct SetCommand: TextCommand {
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

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
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

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        let step = try session.advanceStep()
        if case .update = step.record { return .sequence([.phases([step]), .watched(session.watchedValues)]) }
        return .sequence([.phases([step]), .next(session.trainer.nextPhase)])
    }
}

/// `update`
struct UpdateCommand: PlainCommand {
    static let help = CommandHelp(name: "update", usage: "update", summary: "finish the update (all remaining phases) and print them",
        details: "Prints every phase not yet run, ending with each parameter's update, numbers plugged in.")
    static let examples = ["update"]

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        var steps: [PhaseStep] = []
        repeat { steps.append(try session.advanceStep()) } while !session.trainer.progress.isEmpty
        return .sequence([.phases(steps), .watched(session.watchedValues)])
    }
}

/// `run N`
struct RunCommand: TextCommand {
    static let help = CommandHelp(name: "run", usage: "run N [every=K]", summary: "N updates, one summary line each (or every K-th)",
        details: """
        Each line: the update's data loss, penalty and total, then the watched parameters. every=K prints
        only updates K, 2K, … and the last one. Ctrl-C stops after the current update.
        """)
    static let examples = ["run 3", "run 10 every=5"]
    var count: Int
    /// Print every `every`-th update's line (and the last).
    var every = 1

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        count = try arguments.integer("N", range: 1...CommandParser.runLimit)
        if let value = try arguments.options(["every"])["every"] {
            guard let number = Int(value), number >= 1, number <= CommandParser.runLimit else {
                throw arguments.fail("every must be a whole number 1…\(CommandParser.runLimit), not \(value)")
            }
            every = number
        }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 2 ? ["every="] : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let isInterrupted = context.isInterrupted, stream = context.stream
        var text = ""
        func emit(_ line: String) {
            if let stream { stream(line) } else { text += line }
        }
        for index in 0..<count {
            if index > 0 && isInterrupted() {
                return text + "interrupted after \(index) of \(counted(count, "update")); the state is kept\n"
            }
            repeat { _ = try session.advance() } while !session.trainer.progress.isEmpty
            let last = session.trainer.lastUpdate
            guard let loss = last.loss, let penalty = last.penalty, let update = last.update else { break }
            let shown = (index + 1) % every == 0 || index + 1 == count || !loss.value.isFinite || update.firstNonFinite != nil
            if shown {
                emit(PhaseText.updateSummary(number: update.number, dataLoss: loss.value, penalty: penalty.total, format: session.format)
                    + (session.watches.isEmpty ? "" : "; " + watchValues(session)) + "\n")
            }
            if !loss.value.isFinite {
                return text + "stopped: J_data became \(session.format(loss.value)) in update \(update.number): the run diverged"
                    + " (η = \(session.format(session.trainer.settings.learningRate)); try a smaller lr, and undo to go back)\n"
            }
            if let bad = update.firstNonFinite {
                let value = session.trainer.network[bad]
                return text + "stopped: \(bad.name) became \(session.format(value)) in update \(update.number): the run diverged"
                    + " (η = \(session.format(session.trainer.settings.learningRate)); try a smaller lr or λ, and undo to go back)\n"
            }
        }
        return text
    }
}

/// `undo`
struct UndoCommand: PlainCommand, TextCommand {
    static let help = CommandHelp(name: "undo", usage: "undo", summary: "go back to the state before the last update",
        details: """
        Parameters, momentum and settings return to what they were before that update; up to 1000
        updates back, fewer for big networks: the history holds at most 256 MB (each update keeps
        8 bytes per parameter for the parameters, the momentum and Adam's moments). The records
        of the update before (show trace) are not kept.
        """)
    static let examples = ["undo"]

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        guard let previous = session.undoStack.popLast() else {
            throw InterpreterError("undo: no update to undo")
        }
        let number = session.trainer.updateCount
        let current = session
        session.trainer = previous
        let changed = Self.settingsChangedBack(from: current, to: session)
        let settings = changed.isEmpty ? "" : "; " + changed.joined(separator: ", ")
        return "undo: back to the state before update \(number) (parameters, momentum and settings)\(settings)\n"
    }
}

/// "W1[0,0] = 0.5  W1[0,1] = 0.25"
func watchValues(_ session: Session) -> String {
    session.watches.map { "\($0.name) = \(session.format(session.trainer.network[$0]))" }.joined(separator: "  ")
}

extension Session {
    /// Runs the next phase (see `advance`) and keeps what its text needs.
    mutating func advanceStep() throws(InterpreterError) -> PhaseStep {
        let record = try advance()
        return PhaseStep(record: record, update: trainer.latest, settings: trainer.settings)
    }

    /// The watched parameters and their values now.
    var watchedValues: [WatchedValue] {
        watches.map { WatchedValue(name: $0.name, value: trainer.network[$0]) }
    }
}
