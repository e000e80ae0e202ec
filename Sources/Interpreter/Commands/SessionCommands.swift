import Render

/// `digits N | all`
struct DigitsCommand: TextCommand {
    static let help = CommandHelp(name: "digits", usage: "digits N | digits all", summary: "print N significant digits, or all (exact, the default)",
        details: "By default numbers are printed so that they read back as the same double.")
    static let examples = ["digits 3", "digits all"]
    /// nil: exact round-trip form
    var digits: Int?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        digits = arguments.accept("all") ? nil : try arguments.integer("digits", range: 1...17)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["all"] : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        session.format = NumberFormat(significantDigits: digits)
        return (digits.map { "digits: \($0) significant digits" } ?? "digits: all (exact: every number reads back as the same double)") + "\n"
    }
}

/// `help [COMMAND]`
struct HelpCommand: TextCommand {
    static let help = CommandHelp(name: "help", usage: "help [COMMAND]", summary: "list the commands, or explain one", details: "")
    static let examples = ["help", "help net"]
    var topic: CommandHelp?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        guard arguments.hasMore else { return }
        let name = try arguments.next("command").lowercased()
        guard let command = Commands.named(name) else { throw arguments.fail("no command '\(name)'") }
        topic = command.help
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? Commands.all.map { $0.help.name } : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        guard let topic else {
            let entries = Commands.all.map { $0.help }
            let width = entries.map(\.name.count).max() ?? 0
            var text = "commands (help COMMAND for more):\n"
            for entry in entries {
                text += "  \(entry.name)\(String(repeating: " ", count: width - entry.name.count))  \(entry.summary)\n"
            }
            text += "parameters: W1[i,j] is layer 1's weight from input i to unit j, b1[j] its bias (layers from 1, indices from 0)\n"
            return text
        }
        var text = "\(topic.usage)\n  \(topic.summary)\n"
        if !topic.details.isEmpty {
            text += topic.details.split(separator: "\n").map { "  \($0)\n" }.joined()
        }
        return text
    }
}

/// `quit`: the reply says so, and the caller stops.
struct QuitCommand: PlainCommand, TextCommand {
    static let help = CommandHelp(name: "quit", usage: "quit", summary: "leave regsim (Ctrl-D also quits)", details: "")
    static let examples = ["quit"]

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String { "" }
}
