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

    /// Files saved before the optimizer, max-norm and label smoothing existed lack their keys
    /// (and the replay, which came later: version 1). Their parameters load; their records do not.
    @Test func filesWithoutTheOptimizerKeysStillLoad() throws {
        let (saved, files) = Self.savedSession()
        let text = try #require(files["s.json"])
        let newKeys: Set<String> = ["optimizer", "adam", "weightDecay", "maxNorm", "labelSmoothing", "adamState",
                                    "adamVariant", "maxNormClips", "replay"]
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !newKeys.contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let json = strip(try JSONSerialization.jsonObject(with: Data(text.utf8)))
        let old = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
            .replacingOccurrences(of: "\"version\":2", with: "\"version\":1")
        #expect(!old.contains("adamState") && !old.contains("labelSmoothing") && old.contains("\"version\":1"))
        try files.writeAtomically(old, to: "old.json")
        var fresh = Interpreter(fileSystem: files)
        #expect(fresh.handle("load old.json").text.contains("(a version 1 file: its phase records are not kept)"))
        var original = saved
        _ = original.handle("update")
        _ = fresh.handle("update")
        #expect(fresh.session.trainer.network == original.session.trainer.network)
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

/// `save` writes what the phase records need, not the records: `load` computes them again,
/// and every later command prints what it would have printed without the save and load.
@Suite struct SaveLoadReplayTests {
    /// Lines that set up a session, and whether its file must carry the last batch's rows.
    static let scenarios: [(name: String, lines: [String], rows: Bool)] = [
        ("minibatch halfway through an update", ["data blobs", "net 2-3-2 out=softmax", "batch 4", "momentum 0.9", "penalty l1 0.01",
                                                  "update", "update", "step", "step"], false),
        ("settings changed after the update", ["data blobs", "batch 5", "penalty elastic 0.1 0.2", "update", "batch 3",
                                                "l1mode clip", "lr 0.5", "step"], false),
        ("data changed after the update", ["data blobs", "update", "holdout 5"], true),
        ("batch norm, dropout and noise", ["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "batchnorm on",
                                           "dropout 0.5 input=0.2", "noise 0.1", "momentum 0.9", "update", "step", "step", "step"], false),
        ("AdamW, max-norm, smoothing", ["data blobs", "optimizer adamw beta1=0.8", "weightdecay 0.01", "maxnorm 0.7",
                                        "smoothing 0.1", "update", "update", "step"], false),
        ("clip's dead links", ["data blobs", "penalty l1 0.5", "l1mode clip", "lr 1", "run 3", "step", "step", "step", "step"], false),
        ("a fresh session", [], false),
    ]

    static let continuation = ["show trace", "explain W1[0,0]", "show dW1[0,0]", "show pW1[0,0]", "show loss", "show penalty",
                               "show total", "step", "show trace", "update", "explain W2[0,0]", "show trace", "run 3"]

    @Test(arguments: scenarios.indices)
    func aLoadedSessionContinuesByteForByte(_ index: Int) throws {
        let scenario = Self.scenarios[index]
        let files = MemoryFileSystem()
        var original = Interpreter(fileSystem: files)
        for line in scenario.lines + ["save s.json"] { #expect(!original.handle(line).isError, "\(scenario.name): \(line)") }
        let text = try #require(files["s.json"])
        #expect(!text.contains("outputZGradient") && !text.contains("previousVelocity"), "\(scenario.name): records in the file")
        #expect(text.contains("\"rows\" : {") == scenario.rows, "\(scenario.name): the batch's rows")
        var loaded = Interpreter(fileSystem: files)
        #expect(!loaded.handle("load s.json").isError)
        var expected = original.session
        expected.undoStack = []
        #expect(loaded.session == expected, "\(scenario.name)")
        for line in Self.continuation {
            let want = original.handle(line).text
            #expect(loaded.handle(line).text == want, "\(scenario.name): \(line)")
        }
    }

    /// One update on 2-100-100-2 (10,602 parameters): the file grows by the network and
    /// momentum before the update, not by the update's records (about 430 bytes a parameter).
    @Test func aSavedSessionsSizeFollowsTheParametersNotTheTrace() throws {
        let files = MemoryFileSystem()
        var interpreter = Interpreter(fileSystem: files)
        for line in ["data blobs", "net 2-100-100-2 out=softmax", "save before.json", "update", "step", "step", "step", "step", "save after.json"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        let before = try #require(files["before.json"]).utf8.count, after = try #require(files["after.json"]).utf8.count
        #expect(after < 3 * before, "\(before) bytes before the update, \(after) after")
    }
}
