import Engine
import Foundation
@testable import Interpreter
import Testing

/// Randomly edited session files: `load` either refuses them or gives a session on which
/// every command's examples run without crashing.
@Suite struct LoadFuzzTests {
    /// Paths (keys and array indices) of every value in `json`.
    static func paths(_ json: Any, _ prefix: [String] = []) -> [[String]] {
        var result = [prefix]
        if let object = json as? [String: Any] {
            for key in object.keys.sorted() { result += paths(object[key]!, prefix + [key]) }
        } else if let array = json as? [Any] {
            for index in array.indices.prefix(3) { result += paths(array[index], prefix + [String(index)]) }
        }
        return result
    }

    /// `json` with the value at `path` changed by `edit`; nil removes it.
    static func editing(_ json: Any, _ path: ArraySlice<String>, _ edit: (Any) -> Any?) -> Any? {
        guard let key = path.first else { return edit(json) }
        if var array = json as? [Any], let index = Int(key), array.indices.contains(index) {
            if let value = editing(array[index], path.dropFirst(), edit) { array[index] = value } else { array.remove(at: index) }
            return array
        }
        guard var object = json as? [String: Any], let value = object[key] else { return json }
        object[key] = editing(value, path.dropFirst(), edit)
        return object
    }

    /// One damage: a number becomes NaN, −1, 1e300, 0 or 2.5; an array loses its tail; a key goes.
    static func damage(_ value: Any, _ generator: inout SplitMix64) -> Any? {
        if let array = value as? [Any], !array.isEmpty, generator.next() % 2 == 0 {
            return Array(array.prefix(Int(generator.next() % UInt64(array.count))))
        }
        if value is NSNumber || value is String, generator.next() % 4 != 0 {
            let replacements: [Any] = ["nan", -1, 1e300, 0, 2.5, "inf"]
            return replacements[Int(generator.next() % UInt64(replacements.count))]
        }
        return nil
    }

    /// A second saved session whose replay holds what the first one's lacks: the last batch's
    /// rows (the data changed after the update), batch norm, dropout, clip's dead links and
    /// momentum, with two phases of the next update done.
    static func savedWithRows() throws -> (files: MemoryFileSystem, json: [String: Any]) {
        let files = MemoryFileSystem()
        var interpreter = Interpreter(fileSystem: files)
        for line in ["data xor", "net 2-3-1 act=tanh out=sigmoid", "loss xent", "batchnorm on", "dropout 0.2", "penalty l1 0.1",
                     "l1mode clip", "momentum 0.9", "update", "holdout 1", "step", "step", "save s.json"] {
            #expect(!interpreter.handle(line).isError, "\(line)")
        }
        let text = try #require(files["s.json"])
        #expect(text.contains("\"rows\" : {") && text.contains("deadWeights"))
        return (files, try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
    }

    @Test(arguments: [false, true])
    func threeHundredEditedFilesLoadOrAreRefusedAndNeverCrash(withRows: Bool) throws {
        let (files, json) = withRows ? try Self.savedWithRows() : try LoadValidationTests.saved()
        let places = Self.paths(json).filter { !$0.isEmpty }
        let examples = Commands.all.flatMap { $0.examples }.filter { !$0.hasPrefix("load") && !$0.hasPrefix("save") }
        var generator = SplitMix64(seed: withRows ? 20261203 : 20261202)
        var loaded = 0, replayEdits = 0, commands = 0
        for index in 0..<300 {
            var edited: Any = json
            for _ in 0..<(1 + Int(generator.next() % 2)) {
                let path = places[Int(generator.next() % UInt64(places.count))]
                if path.first == "replay" { replayEdits += 1 }
                edited = Self.editing(edited, path[...]) { Self.damage($0, &generator) } ?? edited
            }
            try files.writeAtomically(String(decoding: try JSONSerialization.data(withJSONObject: edited), as: UTF8.self), to: "e.json")
            var interpreter = Interpreter(fileSystem: files, isInterrupted: { true })
            let before = interpreter.session
            let reply = interpreter.handle("load e.json")
            guard !reply.isError else {
                #expect(interpreter.session == before, "edit \(index) was refused but changed the session")
                continue
            }
            loaded += 1
            for line in ["show trace", "explain W1[0,0]", "show dW1[0,0]", "show total"] + examples {
                _ = interpreter.handle(line)
                commands += 1
            }
        }
        print("load fuzz (\(withRows ? "rows, batch norm, clip" : "minibatch, holdout")): 300 files edited (\(replayEdits) edits in the replay), \(loaded) loaded, \(commands) commands run")
        #expect(loaded > 10 && loaded < 290, "loaded \(loaded) of 300")
        #expect(replayEdits > 30, "\(replayEdits) edits in the replay")
    }
}
