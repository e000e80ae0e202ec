import Engine

/// One REPL command: its name and help, how its arguments are read, what TAB offers for
/// them, and what it does to a session. `Commands.all` lists every command once; the
/// parser, `help`, TAB completion and the fuzz test all read that list.
protocol Command: Sendable {
    /// Name, usage line, one-line summary and details for `help`.
    static var help: CommandHelp { get }
    /// Well-formed lines, from which the fuzz test mutates its inputs.
    static var examples: [String] { get }
    /// Reads the arguments after the name; `Commands.parse` checks that none are left.
    init(_ arguments: inout ArgumentReader) throws(InterpreterError)
    /// TAB candidates for the argument at `request.position` (1 is the first after the name).
    static func candidates(_ request: CompletionRequest) -> [String]
    /// Runs the command and says what it did as a value (Render makes the text). On a throw
    /// the caller discards `session`, so a rejected line changes nothing.
    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome
}

/// A command that still makes its own text (`Outcome.text`); its rendering moves to Render
/// outcome by outcome, as `step`, `update`, `watch`, `unwatch` and `show` have.
protocol TextCommand: Command {
    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String
}

extension TextCommand {
    func run(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> Outcome {
        .text(try runText(&session, context))
    }
}

extension Command {
    static func candidates(_ request: CompletionRequest) -> [String] { [] }
}

/// A command that takes no arguments.
protocol PlainCommand: Command {
    init()
}

extension PlainCommand {
    init(_ arguments: inout ArgumentReader) throws(InterpreterError) { self.init() }
}

/// What a command may use besides the session.
struct ExecutionContext {
    var fileSystem: any FileSystem
    var isInterrupted: @Sendable () -> Bool
    var stream: ((String) -> Void)?
    /// Colour or plain text, and the width, for pictures (plain, 72 columns, unless the CLI says otherwise).
    var display: Display = .plain
}

/// The line typed so far, for one command's TAB candidates.
struct CompletionRequest {
    var session: Session
    /// The words before the one being completed, the command name first.
    var previous: [String]
    /// The start of the word being completed.
    var prefix: String
    /// Files and folders that start with a path prefix.
    var paths: (String) -> [String]

    /// Which argument is being completed: 1 for the first after the name.
    var position: Int { previous.count }
    var network: Network<Double> { session.trainer.network }

    /// W1[0,0] … and b1[0] … of the network (at most a few hundred).
    var parameters: [String] {
        var names: [String] = []
        for (index, layer) in network.layers.enumerated() {
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount where names.count < 400 {
                    names.append(ParameterID.weight(layer: index, row, column).name)
                }
            }
            if layer.hasBias {
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.bias(layer: index, $0).name }
            }
            if layer.batchNorm != nil {
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.gamma(layer: index, $0).name }
                names += (0..<layer.outputCount).prefix(100).map { ParameterID.beta(layer: index, $0).name }
            }
        }
        return names
    }
}
