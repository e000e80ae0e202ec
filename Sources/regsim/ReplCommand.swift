import ArgumentParser
import Foundation
import Interpreter

/// `regsim repl` (the default): the REPL on a terminal, or a transcript of piped input.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Read commands interactively (the default subcommand).",
        discussion: """
        On a terminal: line editing, TAB completion, history (↑, Ctrl-R), Ctrl-C clears \
        the line or stops a long command, Ctrl-D or 'quit' leaves.
        With piped input: each command is echoed as '> LINE' before its output, lines \
        starting with '#' are copied, blank lines are skipped; the exit status is 1 if \
        any command failed.

        The history file is $REGSIM_HISTORY if set (empty: none), else \
        $XDG_STATE_HOME/regsim/history, else ~/.local/state/regsim/history.
        """
    )

    @OptionGroup var echoOptions: EchoOptions

    @OptionGroup var dataFolder: DataFolderOption

    func run() throws {
        dataFolder.apply()
        var interpreter = Interpreter(isInterrupted: Interrupts.check)
        interpreter.stream = { Output.write($0) }
        interpreter.display = .standardOutput()
        if isatty(STDIN_FILENO) != 0 {
            let historyPath = History.path(environment: ProcessInfo.processInfo.environment)
            InteractiveSession(historyPath: historyPath).run(interpreter: &interpreter)
            return
        }
        var input = StandardInputLines()
        let status = ScriptRunner(echoes: !echoOptions.noEcho, scriptName: nil)
            .run(&input, interpreter: &interpreter)
        if status != .success { throw status }
    }
}
