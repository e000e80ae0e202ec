import ArgumentParser
import Foundation
import Interpreter

/// `regsim run FILE`: runs a file of REPL commands and prints their transcript.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the REPL commands in a file and print the transcript.",
        discussion: """
        Each command is echoed as '> LINE' before its output; lines starting with '#' are \
        copied; blank lines are skipped; 'quit' stops. A failing command is reported on \
        standard error as FILE:LINE: MESSAGE and the rest still runs.
        Exit status: 0 when every command succeeded, 1 when one failed, 2 when FILE \
        cannot be read.
        """
    )

    @Argument(help: "A file of REPL commands, one a line.")
    var file: String

    @OptionGroup var echoOptions: EchoOptions

    @OptionGroup var dataFolder: DataFolderOption

    func run() throws {
        dataFolder.apply()
        let text: String
        switch Self.readText(file) {
        case .success(let contents):
            text = contents
        case .failure(let problem):
            Output.writeError("regsim: cannot read '\(file)': \(problem.reason)\n")
            throw ExitCode(2)
        }
        var interpreter = Interpreter(isInterrupted: Interrupts.check)
        interpreter.stream = { Output.write($0) }
        interpreter.display = .standardOutput()
        var lines = TextLines(text)
        let status = ScriptRunner(echoes: !echoOptions.noEcho, scriptName: file)
            .run(&lines, interpreter: &interpreter)
        if status != .success { throw status }
    }

    /// Why a script could not be read.
    struct ReadProblem: Error {
        var reason: String
    }

    /// The whole file as UTF-8 text.
    static func readText(_ path: String) -> Result<String, ReadProblem> {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return .failure(ReadProblem(reason: "no such file"))
        }
        guard !isFolder.boolValue else { return .failure(ReadProblem(reason: "it is a folder")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadProblem(reason: "permission denied"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            return .failure(ReadProblem(reason: "not UTF-8 text"))
        }
        return .success(text)
    }
}
