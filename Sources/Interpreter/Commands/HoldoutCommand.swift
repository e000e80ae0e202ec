import Engine

/// `holdout N | off`
struct HoldoutCommand: Command {
    static let help = CommandHelp(name: "holdout", usage: "holdout N | holdout off", summary: "set N samples aside as a validation set",
                details: """
                N samples, drawn with the seed, leave the training data: updates never see them, and
                show validation compares J_data and accuracy on both sets. holdout off puts them back.
                A new data command clears the holdout.
                """)
    static let examples = ["holdout 4", "holdout off"]
    /// nil: put the held-out samples back
    var count: Int?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        count = arguments.accept("off") ? nil : try arguments.integer("N", range: 1...CommandParser.mnistLimit)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["off"] : []
    }

    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        try session.holdout(count)
    }
}
