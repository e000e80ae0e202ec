import Foundation
import Interpreter
import TestSupport
import Testing

/// Golden transcripts: each `Golden/NAME.regsim` script runs through a fresh interpreter
/// and its transcript must equal `Golden/NAME.out` byte for byte.
/// Re-record with `REGSIM_RECORD=1 swift test --filter TranscriptTests` and read the diff.
@Suite struct TranscriptTests {
    static let golden = Golden()

    /// The files the scripts may read.
    static let files = [
        "points.csv": "x1,x2,y\n1,2,3\n2,0,1\n0,1,2\n",
        "zeros.csv": "0,0,0\n",
    ]

    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".regsim") }.map { String($0.dropLast(".regsim".count)) }.sorted()
    }

    @Test func goldenScriptsExist() {
        #expect(Self.scripts.count >= 5, "expected the golden scripts in \(Self.golden.directory.path)")
    }

    @Test(arguments: scripts) func transcriptMatchesGolden(name: String) throws {
        let script = try String(contentsOf: Self.golden.directory.appendingPathComponent("\(name).regsim"), encoding: .utf8)
        var interpreter = Interpreter(fileSystem: MemoryFileSystem(files: Self.files))
        let (text, _) = interpreter.transcript(of: script.components(separatedBy: "\n"))
        if let diff = Self.golden.mismatch(text, name: "\(name).out") {
            Issue.record("transcript \(name) differs:\n\(diff)")
        }
    }
}
