import Engine

/// `watch W1[i,j]`
struct WatchCommand: ParameterCommand {
    static let help = CommandHelp(name: "watch", usage: "watch W1[i,j] | watch b1[j]", summary: "print this parameter after every update",
        details: "unwatch removes it.")
    static let examples = ["watch W1[0,0]", "watch beta1[1]"]
    var parameter: ParameterID

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        try session.requireParameter(parameter)
        if !session.watches.contains(parameter) { session.watches.append(parameter) }
        return .watching(session.watches.map(\.name))
    }
}

/// `unwatch W1[i,j] | all`
struct UnwatchCommand: Command {
    static let help = CommandHelp(name: "unwatch", usage: "unwatch W1[i,j] | unwatch all", summary: "stop watching a parameter",
        details: "unwatch all clears the list.")
    static let examples = ["unwatch all"]
    /// nil: all
    var parameter: ParameterID?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        parameter = arguments.accept("all") ? nil : try arguments.parameter().id
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["all"] + request.session.watches.map(\.name) : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        if let parameter {
            guard session.watches.contains(parameter) else { throw InterpreterError("unwatch: \(parameter.name) is not watched") }
            session.watches.removeAll { $0 == parameter }
        } else {
            session.watches = []
        }
        return .watching(session.watches.map(\.name))
    }
}

/// `explain W1[i,j]`: the last update of one parameter, step by step.
struct ExplainCommand: ParameterCommand, TextCommand {
    static let help = CommandHelp(name: "explain", usage: "explain W1[i,j] | explain b1[j]",
        summary: "the last update of a parameter, step by step",
        details: "The formula with the numbers plugged in, one operation a line, naming the convention and the L1 rule.")
    static let examples = ["explain W1[0,0]", "explain gamma1[0]"]
    var parameter: ParameterID

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.requireParameter(parameter)
        guard let record = session.trainer.lastUpdate.update else {
            throw InterpreterError("explain: no update yet (type update first)")
        }
        guard let update = record.parameters.first(where: { $0.parameter == parameter }) else {
            throw InterpreterError("explain: \(parameter.name) was not part of the last update")
        }
        return session.phaseText.explain(update, in: record)
    }
}
