// Lessons and the CLI see the engine and outcome types the interpreter hands out.
@_exported import Engine
@_exported import Render

/// The REPL's pure core: a line in, text out. No terminal, no globals; files go through
/// `fileSystem`, and long commands poll `isInterrupted`.
public struct Interpreter {
    public private(set) var session: Session
    public let fileSystem: any FileSystem
    /// Polled between updates by `run`; true stops it cleanly, keeping the state.
    public var isInterrupted: @Sendable () -> Bool
    /// Where long commands (`run`) send their lines as they go; nil: all text is in the reply.
    public var stream: ((String) -> Void)?
    /// How pictures are drawn (`plot`): plain text at 72 columns unless the CLI finds a terminal.
    public var display = Display.plain

    public init(session: Session = Session(), fileSystem: any FileSystem = LocalFileSystem(),
                isInterrupted: @escaping @Sendable () -> Bool = { false }) {
        self.session = session
        self.fileSystem = fileSystem
        self.isInterrupted = isInterrupted
    }

    /// The one-screen welcome printed when the REPL starts on a terminal.
    public static let welcome = """
    regsim: step through neural-network training and see every number.

    You have the article's linear regression (4 samples, 3 features) on a 3-1 linear
    network without bias, loss J = 1/(2n)·Σ(ŷ − y)², learning rate η = 0.1, no penalty.

    Try, in this order:
      update              one whole training update, every phase printed
      penalty l2 0.1      add (λ/2)·Σw² and update again: see the factor 1 − η·λ
      penalty l1 0.1      λ·Σ|w|: see the constant pull λ·sign(w)
      step                one phase at a time (forward, loss, penalty, gradient, update)
      explain W1[0,0]     one weight's last update, number by number
      help                all commands; help COMMAND for one

    TAB completes, ↑ and Ctrl-R search the history, Ctrl-D quits.

    """

    /// Runs one line. A rejected line returns an error and leaves the session unchanged.
    public mutating func handle(_ line: String) -> Reply {
        let command: any Command
        do {
            guard let parsed = try Commands.parse(line) else { return Reply(text: "") }
            command = parsed
        } catch {
            return Reply(text: "error: \(error.message)\n", isError: true)
        }
        var next = session
        do {
            let context = ExecutionContext(fileSystem: fileSystem, isInterrupted: isInterrupted, stream: stream, display: display)
            let outcome = try command.run(&next, context)
            session = next
            let map = AutoplotCommand.map(after: command, session, display)
            return Reply(text: outcome.text(format: session.format, trace: session.trace, width: display.lineWidth) + map,
                         quits: command is QuitCommand)
        } catch {
            return Reply(text: "error: \(error.message)\n", isError: true)
        }
    }
}
