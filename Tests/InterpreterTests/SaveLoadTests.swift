import Foundation
@testable import Interpreter
import Testing

/// `save` then `load` restores the session exactly; damaged files are rejected and change nothing.
@Suite struct SaveLoadTests {
    static func savedSession() -> (Interpreter, MemoryFileSystem) {
        let files = MemoryFileSystem()
        var interpreter = Interpreter(fileSystem: files)
        for line in ["penalty elastic 0.1 0.2", "momentum 0.9", "update", "step", "step", "watch W1[0,0]", "save s.json"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        return (interpreter, files)
    }

    @Test func roundTripRestoresTheWholeSession() throws {
        let (saved, files) = Self.savedSession()
        var fresh = Interpreter(fileSystem: files)
        #expect(!fresh.handle("load s.json").isError)
        var expected = saved.session
        expected.undoStack = []
        #expect(fresh.session == expected)
        // the update under way continues from its saved phase, with the same numbers
        var original = saved
        #expect(fresh.handle("update").text == original.handle("update").text)
    }

    @Test func roundTripKeepsAdamMomentsMaxNormAndSmoothing() throws {
        let files = MemoryFileSystem()
        var saved = Interpreter(fileSystem: files)
        for line in ["data blobs", "optimizer adamw beta1=0.8", "weightdecay 0.01", "maxnorm 0.7", "smoothing 0.1",
                     "update", "step", "save a.json"] {
            #expect(!saved.handle(line).isError, "\(line)")
        }
        var fresh = Interpreter(fileSystem: files)
        #expect(!fresh.handle("load a.json").isError)
        #expect(fresh.session.trainer == saved.session.trainer)
        #expect(fresh.handle("update").text == saved.handle("update").text)
        #expect(fresh.handle("show mW1[0,0]").text == saved.handle("show mW1[0,0]").text)
    }

    /// Files saved before the optimizer, max-norm and label smoothing existed lack their keys.
    @Test func filesWithoutTheOptimizerKeysStillLoad() throws {
        let (saved, files) = Self.savedSession()
        let text = try #require(files["s.json"])
        let newKeys: Set<String> = ["optimizer", "adam", "weightDecay", "maxNorm", "labelSmoothing", "adamState",
                                    "adamVariant", "maxNormClips"]
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !newKeys.contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let json = strip(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        let old = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
        #expect(!old.contains("adamState") && !old.contains("labelSmoothing"))
        try files.writeAtomically(old, to: "old.json")
        var fresh = Interpreter(fileSystem: files)
        #expect(!fresh.handle("load old.json").isError)
        var original = saved
        #expect(fresh.handle("update").text == original.handle("update").text)
    }

    /// Batch norm (γ, β, running statistics, their momentum buffers) and dropout with noise
    /// are saved and restored; the next update draws the same masks.
    @Test func roundTripWithBatchNormAndDropout() throws {
        let files = MemoryFileSystem()
        var saved = Interpreter(fileSystem: files)
        for line in ["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "batchnorm on", "dropout 0.5 input=0.2",
                     "noise 0.1", "momentum 0.9", "update", "step", "watch gamma1[0]", "save s.json"] {
            #expect(!saved.handle(line).isError, "\(line)")
        }
        var fresh = Interpreter(fileSystem: files)
        #expect(!fresh.handle("load s.json").isError)
        var expected = saved.session
        expected.undoStack = []
        #expect(fresh.session == expected)
        #expect(fresh.handle("update").text == saved.handle("update").text)
        // A file whose γ has the wrong length is rejected.
        let text = try #require(files["s.json"])
        let damaged = text.replacingOccurrences(of: "\"gamma\" : [", with: "\"gamma\" : [1, ")
        #expect(damaged != text)
        try files.writeAtomically(damaged, to: "bad.json")
        let reply = fresh.handle("load bad.json")
        #expect(reply.isError, "\(reply.text)")
    }

    @Test(arguments: ["truncated", "wrong shape", "not json", "other format"])
    func damagedFilesAreRejected(damage: String) throws {
        let (_, files) = Self.savedSession()
        let text = try #require(files["s.json"])
        let damaged: String
        switch damage {
        case "truncated": damaged = String(text.prefix(text.count / 2))
        case "wrong shape": damaged = text.replacingOccurrences(of: "\"columns\" : 1", with: "\"columns\" : 2")
        case "not json": damaged = "hello"
        default: damaged = text.replacingOccurrences(of: "regsim-session", with: "something-else")
        }
        #expect(damaged != text)
        try files.writeAtomically(damaged, to: "bad.json")
        var interpreter = Interpreter(fileSystem: files)
        let before = interpreter.session
        let reply = interpreter.handle("load bad.json")
        #expect(reply.isError)
        #expect(reply.text.hasPrefix("error: load: "))
        #expect(interpreter.session == before)
    }
}
