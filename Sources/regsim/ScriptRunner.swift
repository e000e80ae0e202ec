import ArgumentParser
import Foundation
import Interpreter

/// Runs command lines without a terminal (piped standard input, or `regsim run FILE`)
/// and prints a transcript as it goes: each command echoed as `> LINE` before its reply,
/// comment lines copied, blank lines skipped, through `Interpreter.play`, the loop
/// `transcript(of:)` uses too. No prompts, no control codes.
struct ScriptRunner {
    /// Whether commands and comments are echoed (`--no-echo` turns it off).
    var echoes: Bool
    /// The script's name for `NAME:LINE: message` reports of errors on standard error;
    /// `nil` for no such reports.
    var scriptName: String?

    /// Runs the lines of `source` until its end or `quit`.
    /// - Returns: `.success`; `.failure` (1) when any line was an error; 130 when Ctrl-C
    ///   stopped a command (the rest of the input is then skipped).
    func run(_ source: inout some LineSource, interpreter: inout Interpreter) -> ExitCode {
        var interrupted = false
        let errorLines = interpreter.play(lines: { source.nextLine() }, echo: echoes, write: { Output.write($0) },
            handle: { interpreter, line in
                // Ctrl-C stops the running command; while input is read it ends the process.
                Interrupts.catchSignal()
                defer { Interrupts.restoreDefault() }
                return interpreter.handle(line)
            },
            continues: { reply, lineNumber in
                if reply.isError { report(reply.text, line: lineNumber) }
                interrupted = Interrupts.isRequested
                return !interrupted
            })
        if interrupted { return ExitCode(130) }
        return errorLines.isEmpty ? .success : .failure
    }

    /// Writes `NAME:LINE: first line of the error` to standard error.
    private func report(_ errorText: String, line: Int) {
        guard let scriptName else { return }
        let firstLine = errorText.split(separator: "\n", maxSplits: 1).first ?? ""
        Output.writeError("\(scriptName):\(line): \(firstLine)\n")
    }
}
