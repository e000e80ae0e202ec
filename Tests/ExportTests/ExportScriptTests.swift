import Export
import Foundation
import Interpreter
import Testing
import TestSupport

/// The generated scripts, compared with golden files (`REGSIM_RECORD=1 swift test --filter
/// ExportScriptTests` rewrites them), and the command's refusals.
@Suite struct ExportScriptTests {
    static let golden = Golden()

    func script(_ name: String, format: String) throws -> String {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = try #require(ExportSessions.all.first { $0.name == name }).lines
        let path = folder.appendingPathComponent("\(name).py").path
        let (reply, errors) = ExportSessions.play(lines, export: "export \(format) \(path)")
        #expect(errors == [])
        #expect(!reply.isError, "\(reply.text)")
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test(arguments: ["l2-article", "l1-prox", "elastic-momentum", "dropout", "batchnorm"])
    func pytorchScriptMatchesGolden(name: String) throws {
        let text = try script(name, format: "pytorch")
        if let difference = Self.golden.mismatch(text, name: "\(name).py") { Issue.record("\(difference)") }
    }

    @Test(arguments: ["l2-article", "batchnorm"])
    func kerasScriptMatchesGolden(name: String) throws {
        let text = try script(name, format: "keras")
        if let difference = Self.golden.mismatch(text, name: "\(name)-keras.py") { Issue.record("\(difference)") }
    }

    /// The README's session: two L2 updates; the script starts before the first and holds
    /// regsim's J_data and Ω of both (numbers from the README's sample session).
    @Test func scriptStartsBeforeTheSessionsUpdates() throws {
        let text = try script("l2-article", format: "pytorch")
        #expect(text.contains("    (0.890625, 0.016125),"))
        #expect(text.contains("\"W1\": [\n        [0.5],\n        [-0.25],\n        [0.1],\n    ],"))
        #expect(text.contains("{\"params\": [net.linear1.weight], \"weight_decay\": 0.1},"))
    }

    /// Keras's convention: c = 2λ, so weight_decay = 0.2 for λ = 0.1.
    @Test func kerasConventionDoublesTheWeightDecay() throws {
        let text = try script("l2-keras", format: "pytorch")
        #expect(text.contains("\"weight_decay\": 0.2}"))
    }

    /// Adam's moments from updates under other settings cannot be started from: refused, nothing written.
    @Test func adamMomentsFromEarlierSettingsAreRefused() throws {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("adam.py").path
        let (reply, _) = ExportSessions.play(["optimizer adam", "update", "lr 0.01", "update"], export: "export pytorch \(path)")
        #expect(reply.isError)
        #expect(reply.text.contains("Adam's moments"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// A `set` between updates starts the export after it: the script replays only the later update.
    @Test func aSetBetweenUpdatesStartsTheExportAfterIt() throws {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("set.py").path
        let (reply, _) = ExportSessions.play(["update", "set W1[0,0] 1", "update"], export: "export pytorch \(path) 2")
        #expect(reply.text == "exported 3 updates from update 1 to \(path); run: python3 \(path)\n")
    }

    @Test func largeArraysGoToAnArchiveBesideTheScript() throws {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("large.py").path
        let (reply, errors) = ExportSessions.play(ExportSessions.large, export: "export pytorch \(path)")
        #expect(errors == [])
        #expect(reply.text.contains("and \(folder.appendingPathComponent("large.npz").path)"))
        let archive = try NumpyReader(bytes: [UInt8](Data(contentsOf: folder.appendingPathComponent("large.npz"))))
        #expect(archive.arrays.map(\.name).prefix(3) == ["x", "y", "W1"])
        #expect(archive.arrays[0].shape.count == 2 && archive.arrays[0].shape[1] == 2)
    }
}
