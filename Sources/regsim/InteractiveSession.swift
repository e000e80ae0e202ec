import Interpreter

/// The REPL on a terminal: the welcome, then `regsim> ` lines edited with readline, kept
/// in the history file, until `quit` or Ctrl-D.
struct InteractiveSession {
    /// Where the history is kept.
    var historyPath: String?

    /// Runs until `quit`, Ctrl-D, SIGTERM or SIGHUP, then saves the history (and after a
    /// signal ends the process by it).
    func run(interpreter: inout Interpreter) {
        Interrupts.catchSignal()
        Resumption.catchSignal()
        Termination.catchSignals()
        var history = History(path: historyPath)
        var editor = LineEditor(prompt: "regsim> ")
        Output.write(Interpreter.welcome)
        while true {
            let snapshot = interpreter
            editor.setCompletions { line, wordStart in snapshot.completions(line: line, wordStart: wordStart) }
            guard let line = editor.nextLine() else {
                Output.write("\n")  // Ctrl-D leaves the cursor after the prompt
                break
            }
            history.add(line)
            guard ScriptLine(line) == .command else { continue }
            Interrupts.reset()
            let reply = interpreter.handle(line)
            // The terminal echoed `^C` where the cursor was; the reply starts below it.
            if Interrupts.isRequested { Output.write("\n") }
            Output.write(reply.text)
            if reply.quits || Termination.requested != nil { break }
        }
        history.save()
        Termination.finish()
    }
}
