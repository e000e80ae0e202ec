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

    @Test func threeHundredEditedFilesLoadOrAreRefusedAndNeverCrash() throws {
        let (files, json) = try LoadValidationTests.saved()
        let places = Self.paths(json).filter { !$0.isEmpty }
        let examples = Commands.all.flatMap { $0.examples }.filter { !$0.hasPrefix("load") && !$0.hasPrefix("save") }
        var generator = SplitMix64(seed: 20261202)
        var loaded = 0
        for index in 0..<300 {
            var edited: Any = json
            for _ in 0..<(1 + Int(generator.next() % 2)) {
                let path = places[Int(generator.next() % UInt64(places.count))]
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
            for line in examples { _ = interpreter.handle(line) }
        }
        #expect(loaded > 10 && loaded < 290, "loaded \(loaded) of 300")
    }
}
