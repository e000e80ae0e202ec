import Foundation
import TestSupport
import Testing

/// regsim remembers the MNIST files it verified in REGSIM_MNIST_CACHE (else its state folder),
/// and a damaged cache only means verifying again.
@Suite struct MNISTCacheTests {
    @Test func dataMNISTRemembersTheVerifiedTrainingFiles() throws {
        let folder = try RegsimExecutable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("state/mnist-verified").path
        for contents in [nil, "damaged\n"] {
            if let contents { try Data(contents.utf8).write(to: URL(fileURLWithPath: cache)) }
            let outcome = try RegsimExecutable.run(["--no-echo"], input: "data mnist 5\n", environment: ["REGSIM_MNIST_CACHE": cache])
            #expect(outcome.output.hasPrefix("data: the first 5 MNIST training images"), "\(outcome.output)")
            #expect(outcome.status == 0)
            let lines = try String(contentsOfFile: cache, encoding: .utf8).split(separator: "\n")
            #expect(lines.first == "regsim verified files 1")
            #expect(lines.dropFirst().map { $0.hasSuffix("train-images-idx3-ubyte.gz") || $0.hasSuffix("train-labels-idx1-ubyte.gz") }
                == [true, true], "\(lines)")
        }
    }
}
