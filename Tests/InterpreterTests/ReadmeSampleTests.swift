import Foundation
import Interpreter
import TestSupport
import Testing

/// The README's sample session is real output: its commands, replayed, print the block.
/// `REGSIM_RECORD=1` rewrites the block from regsim's output.
@Suite struct ReadmeSampleTests {
    static let readme = URL(fileURLWithPath: "\(#filePath)")
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")

    /// The fenced block after `<!-- sample-session -->`.
    static func sampleBlock() throws -> String {
        let text = try String(contentsOf: readme, encoding: .utf8)
        let marker = try #require(text.range(of: "<!-- sample-session -->\n```text\n"))
        let rest = text[marker.upperBound...]
        let end = try #require(rest.range(of: "\n```\n"))
        return String(rest[..<end.lowerBound]) + "\n"
    }

    @Test func sampleSessionReproducesByteForByte() throws {
        let block = try Self.sampleBlock()
        let commands = block.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
        #expect(commands.count >= 5)
        var interpreter = Interpreter()
        let (text, errors) = interpreter.transcript(of: commands)
        #expect(errors.isEmpty)
        if Golden.isRecording {
            let readme = try String(contentsOf: Self.readme, encoding: .utf8)
            try Data(readme.replacingOccurrences(of: block, with: text).utf8).write(to: Self.readme, options: .atomic)
            return
        }
        if let diff = lineDiff(expected: block, actual: text) {
            Issue.record("README sample session differs from regsim's output:\n\(diff)")
        }
    }
}
