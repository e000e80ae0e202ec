import Foundation
import Testing

/// The REPL on a real pseudo-terminal, driven by `pty_session.py` with python3's pexpect:
/// prompt, TAB completion, Ctrl-C, Ctrl-R, the up arrow, the history file, Ctrl-D.
@Suite struct TerminalTests {
    /// The script beside this file.
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("pty_session.py")

    @Test func replWorksLikeAReadlineProgram() throws {
        try Self.runDriver(Self.script)
    }

    /// Runs a pexpect driver script with the regsim executable and a fresh folder as its
    /// arguments; records an issue when python3 or pexpect is missing, and expects exit 0.
    static func runDriver(_ script: URL) throws {
        let executable = try RegsimExecutable.location.get()
        guard let python = findPython() else {
            Issue.record("python3 is not on PATH; this test needs python3 with pexpect (.ci/run installs them)")
            return
        }
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("log")
        let errors = folder.appendingPathComponent("errors")
        let status = try RegsimExecutable.runProcess(
            python, arguments: [script.path, executable.path, folder.path],
            input: nil, output: log, errors: errors, timeout: 300
        )
        let printed = try String(contentsOf: log, encoding: .utf8) + String(contentsOf: errors, encoding: .utf8)
        if status == 3 {
            Issue.record("python3 has no pexpect module: pip install pexpect\n\(printed)")
            return
        }
        #expect(status == 0, "\(script.lastPathComponent) failed:\n\(printed)")
    }

    /// The first executable `python3` on PATH.
    static func findPython() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
