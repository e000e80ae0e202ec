import Engine
import Foundation
@testable import Interpreter
import Testing

/// `load` refuses what no command would set and what would make a later command fail.
@Suite struct LoadValidationTests {
    /// A saved session with held-out rows, a minibatch and a forward pass under way.
    static func saved() throws -> (files: MemoryFileSystem, json: [String: Any]) {
        let files = MemoryFileSystem()
        var interpreter = Interpreter(fileSystem: files)
        for line in ["data blobs", "net 2-3-2 out=softmax", "holdout 5", "batch 4", "update", "step", "save s.json"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        let text = try #require(files["s.json"])
        return (files, try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
    }

    /// `json` with the value at `path` (keys and array indices) replaced by `value`.
    static func setting(_ json: Any, _ path: ArraySlice<String>, to value: Any) -> Any {
        guard let key = path.first else { return value }
        if var array = json as? [Any], let index = Int(key) {
            array[index] = setting(array[index], path.dropFirst(), to: value)
            return array
        }
        var object = json as? [String: Any] ?? [:]
        object[key] = setting(object[key] as Any, path.dropFirst(), to: value)
        return object
    }

    /// Path, the new value as JSON text, and words the error must contain.
    static let edits: [(path: String, value: String, message: String)] = [
        ("session.trainer.settings.learningRate", "\"nan\"", "η"),
        ("session.trainer.settings.learningRate", "-1", "η must be greater than 0"),
        ("session.trainer.settings.momentum", "5", "μ must be below 1"),
        ("session.trainer.settings.noise", "{\"inputDropout\": 0, \"hiddenDropout\": 2.0, \"inputNoise\": 0}", "p must be in [0, 1)"),
        ("session.trainer.settings.noise", "{\"inputDropout\": 0, \"hiddenDropout\": 0, \"inputNoise\": -1}", "σ must be at least 0"),
        ("session.trainer.settings.adam.beta1", "1", "beta1 must be in [0, 1)"),
        ("session.trainer.settings.adam.epsilon", "0", "eps must be greater than 0"),
        ("session.trainer.settings.regularization.global.l2", "-0.5", "λ must be at least 0"),
        ("session.trainer.settings.batchSize", "0", "batch 0 is not in"),
        ("session.trainer.settings.batchSize", "1000", "batch 1000 is not in"),
        ("session.trainer.network.layers.0.activation", "\"softmax\"", "softmax is for the output layer"),
        ("session.heldOut.rows.0", "9999", "held-out rows"),
        ("session.heldOut.data.inputs", "{\"rows\": 5, \"columns\": 1, \"storage\": [0, 0, 0, 0, 0]}", "held-out data is 1+2 wide"),
        ("session.trainer.updateCount", "-1", "update count is -1"),
        ("replay.phasesUnderWay", "5", "5 phases done, not 0…4"),
        ("replay.lastUpdate.batch.0", "99", "names a sample that does not exist"),
        ("replay.lastUpdate.batch", "[]", "batch has 0 rows"),
        ("replay.lastUpdate.start.index", "-1", "index is -1"),
        ("replay.lastUpdate.start.settings.learningRate", "-1", "the last update: η must be greater than 0"),
        ("replay.lastUpdate.start.settings.weightDecay", "0.01", "its recorded phases cannot be computed again: weight decay"),
        ("replay.lastUpdate.start.velocities.0.weights", "{\"rows\": 1, \"columns\": 1, \"storage\": [0]}", "momentum buffers"),
        ("replay.lastUpdate.network.layers.0.bias", "[0]", "the last update's network: layer 1's bias"),
        ("replay.lastUpdate.network.layers.1.weights", "{\"rows\": 3, \"columns\": 3, \"storage\": [0, 0, 0, 0, 0, 0, 0, 0, 0]}", "the last update's network"),
        ("replay.lastUpdate.rows", "{\"name\": \"b\", \"inputs\": {\"rows\": 4, \"columns\": 1, \"storage\": [0, 0, 0, 0]}, \"targets\": {\"rows\": 4, \"columns\": 2, \"storage\": [0, 0, 0, 0, 0, 0, 0, 0]}}", "rows are not 4 samples of 2+2 values"),
        ("replay.lastUpdate.rows", "{\"name\": \"b\", \"inputs\": {\"rows\": 4, \"columns\": 2, \"storage\": [0, 0, 0, 0, 0, 0, 0, \"nan\"]}, \"targets\": {\"rows\": 4, \"columns\": 2, \"storage\": [0, 0, 0, 0, 0, 0, 0, 0]}}", "not a finite number"),
        ("session.trainer.data.inputs.storage.0", "\"nan\"", "not a finite number"),
        ("session.dataSource", "{\"mnist\": {\"count\": 100}}", "MNIST pixel outside [0, 1]"),
        ("session.trainer.network.layers.0.weights.storage", "[0.5]", "1 values for a 2×3 matrix"),
        ("version", "3", "version 3"),
    ]

    @Test(arguments: edits.indices)
    func anEditedFileIsRefusedWithTheReasonAndChangesNothing(_ index: Int) throws {
        let edit = Self.edits[index]
        let (files, json) = try Self.saved()
        let value = try JSONSerialization.jsonObject(with: Data(edit.value.utf8), options: .fragmentsAllowed)
        let edited = Self.setting(json, edit.path.split(separator: ".").map(String.init)[...], to: value)
        try files.writeAtomically(String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self), to: "e.json")
        var interpreter = Interpreter(fileSystem: files)
        _ = interpreter.handle("data blobs")
        let before = interpreter.session
        let reply = interpreter.handle("load e.json")
        #expect(reply.isError, "\(edit.path)")
        #expect(reply.text.contains(edit.message), "\(edit.path): \(reply.text)")
        #expect(interpreter.session == before)
    }

    @Test func theUneditedFileLoads() throws {
        let (files, json) = try Self.saved()
        try files.writeAtomically(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self), to: "e.json")
        var interpreter = Interpreter(fileSystem: files)
        #expect(!interpreter.handle("load e.json").isError)
    }
}
