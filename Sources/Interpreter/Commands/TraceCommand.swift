import Render

/// `trace full | compact | off`: how much `step` and `update` print.
struct TraceCommand: TextCommand {
    static let help = CommandHelp(name: "trace", usage: "trace full | trace compact | trace off",
        summary: "how much step and update print (default full)",
        details: """
        full: every number of every phase with its formula, the hidden layers' backpropagation included.
        compact: one line per phase (ŷ of the batch, J_data, Ω and J, the norm of each dW and pW, the update's losses).
        off: only the update's line, J_data, Ω and J, as run prints it. Watched parameters are printed in every mode;
        show trace prints the last update in full whatever the mode. In a terminal long lines are folded to its width.
        """)
    static let examples = ["trace compact", "trace off", "trace full"]
    var detail: TraceDetail

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        detail = try arguments.choice("trace mode", TraceDetail.self)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? TraceDetail.allCases.map(\.rawValue) : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.trace = detail
        return switch detail {
        case .full: "trace: full; every number of every phase\n"
        case .compact: "trace: compact; one line per phase (show trace prints the last update in full)\n"
        case .off: "trace: off; one line per update (show trace prints the last update in full)\n"
        }
    }
}
