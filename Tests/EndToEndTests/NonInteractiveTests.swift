import Foundation
import TestSupport
import Testing

/// `regsim` without a terminal: piped standard input and `regsim run FILE`.
/// The checks rely only on what the interpreter's replies are sure to contain (the first
/// `update` prints `update 1`; an error reply starts with `error`), not on exact text.
@Suite struct NonInteractiveTests {
    @Test func pipedInputPrintsAnEchoedTranscript() throws {
        let outcome = try RegsimExecutable.run([], input: "update\nbogus\nquit\nupdate\n")
        let lines = outcome.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "> update")
        let bogus = try #require(lines.firstIndex(of: "> bogus"), "\(outcome.output)")
        #expect(lines[1..<bogus].contains { $0.contains("update 1") }, "\(outcome.output)")
        #expect(lines[bogus + 1].hasPrefix("error"))
        #expect(lines.contains("> quit"))
        #expect(lines.filter { $0 == "> update" }.count == 1, "nothing runs after quit")
        #expect(!outcome.output.contains("\u{1B}"), "no escape codes without a terminal")
        #expect(!outcome.output.contains("regsim>"), "no prompt without a terminal")
        #expect(outcome.status == 1, "a line was an error")
    }

    @Test func pipedInputKeepsCommentsAndSkipsBlankLines() throws {
        let outcome = try RegsimExecutable.run([], input: "# first, one update\n\nupdate\n")
        #expect(outcome.output.hasPrefix("# first, one update\n> update\n"), "\(outcome.output)")
        #expect(outcome.status == 0)
        #expect(outcome.errors.isEmpty)
    }

    @Test func noEchoPrintsOnlyTheReplies() throws {
        let outcome = try RegsimExecutable.run(["--no-echo"], input: "# note\nupdate\n")
        #expect(!outcome.output.contains("> "))
        #expect(!outcome.output.contains("# note"))
        #expect(outcome.output.contains("update 1"))
        #expect(outcome.status == 0)
    }

    @Test func runFileReportsErrorsByLineAndGoesOn() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("lesson.regsim")
        try Data("# a comment\nupdate\n\nbogus\nupdate\n".utf8).write(to: script)
        let outcome = try RegsimExecutable.run(["run", script.path])
        #expect(outcome.errors.hasPrefix("\(script.path):4: error"), "\(outcome.errors)")
        #expect(outcome.errors.split(separator: "\n").count == 1)
        #expect(outcome.output.hasPrefix("# a comment\n> update\n"))
        #expect(outcome.output.hasSuffix("\n") && outcome.output.contains("\n> bogus\nerror"))
        #expect(outcome.output.components(separatedBy: "> update\n").count == 3, "the script goes on after an error")
        #expect(outcome.status == 1)
    }

    @Test func runFileStopsAtQuitAndSucceeds() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("short.regsim")
        try Data("update\nquit\nbogus\n".utf8).write(to: script)
        let outcome = try RegsimExecutable.run(["run", "--no-echo", script.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        #expect(outcome.errors.isEmpty)
        #expect(!outcome.output.split(separator: "\n").contains { $0.hasPrefix("error") })
    }

    @Test func runFileOutputIsTheSameEveryTime() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("twice.regsim")
        try Data("update\nupdate\nundo\nupdate\n".utf8).write(to: script)
        let first = try RegsimExecutable.run(["run", script.path])
        let second = try RegsimExecutable.run(["run", script.path])
        #expect(first.output == second.output)
        #expect(first.errors == second.errors)
    }

    @Test func missingFileExitsWithStatusTwo() throws {
        let outcome = try RegsimExecutable.run(["run", "/nonexistent/regsim-script"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("cannot read '/nonexistent/regsim-script'"), "\(outcome.errors)")
        #expect(outcome.output.isEmpty)
    }

    @Test func readmeSampleSessionRunsThroughTheExecutable() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "<!-- sample-session -->\n```text\n"))
        let rest = readme[marker.upperBound...]
        let end = try #require(rest.range(of: "\n```\n"))
        let block = String(rest[..<end.lowerBound]) + "\n"
        let commands = block.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { $0.dropFirst(2) }
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("sample.regsim")
        try Data(commands.joined(separator: "\n").utf8).write(to: script)
        let outcome = try RegsimExecutable.run(["run", script.path])
        #expect(outcome.status == 0, "\(outcome.errors)")
        if let diff = lineDiff(expected: block, actual: outcome.output) {
            Issue.record("regsim run differs from the README's sample session:\n\(diff)")
        }
    }
}
