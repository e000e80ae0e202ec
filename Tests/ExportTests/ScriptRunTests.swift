import Foundation
import Testing

/// Runs the exported scripts with python3. Each test is skipped, with its reason, where the
/// framework is not importable (PyTorch's CPU wheel: `pip install --no-deps` the file in
/// pip's find-links folder; Keras 3: `pip install keras`).
@Suite struct ScriptRunTests {
    static let hasTorch = ExportSessions.pythonImports("torch")
    static let hasKeras = hasTorch && ExportSessions.pythonImports("os; os.environ['KERAS_BACKEND'] = 'torch'; import keras")

    /// Exports session `name`'s updates and runs the script; its output.
    func run(_ lines: [String], format: String) throws -> String {
        let folder = try ExportSessions.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("session.py").path
        let (reply, errors) = ExportSessions.play(lines, export: "export \(format) \(path)")
        #expect(errors == [])
        #expect(!reply.isError, "\(reply.text)")
        let result = try ExportSessions.python([path])
        #expect(result.status == 0, "\(result.output)")
        return result.output
    }

    @Test(.enabled(if: hasTorch, "PyTorch is not importable by python3"), arguments: ExportSessions.all.map(\.name))
    func pytorchScriptMatchesRegsim(name: String) throws {
        let output = try run(ExportSessions.all.first { $0.name == name }!.lines, format: "pytorch")
        #expect(output.hasSuffix("\nmatches regsim to 1e-12\n"), "\(output)")
    }

    @Test(.enabled(if: hasTorch, "PyTorch is not importable by python3"))
    func pytorchScriptReadsItsArchive() throws {
        let output = try run(ExportSessions.large, format: "pytorch")
        #expect(output.hasSuffix("\nmatches regsim to 1e-12\n"), "\(output)")
    }

    /// J_data and Ω printed as regsim prints them; the weights agree to 1e-12, not always to the last
    /// digit (PyTorch rounds w − η·(g + c·w), regsim (1 − η·c)·w − η·g).
    @Test(.enabled(if: hasTorch, "PyTorch is not importable by python3"))
    func pytorchScriptPrintsRegsimsNumbers() throws {
        let output = try run(ExportSessions.all[0].lines, format: "pytorch")
        #expect(output.hasPrefix("update 1: J_data = 0.890625  Ω = 0.016125  W1[0,0] = 0.6425"), "\(output)")
    }

    @Test(.enabled(if: hasKeras, "Keras 3 (with the torch backend) is not importable by python3"),
          arguments: ["l2-article", "l2-keras", "l1-subgradient", "elastic-momentum", "batchnorm"])
    func kerasScriptMatchesRegsim(name: String) throws {
        let output = try run(ExportSessions.all.first { $0.name == name }!.lines, format: "keras")
        #expect(output.hasSuffix("\nmatches regsim to 1e-6: the initial loss and every update\n"), "\(output)")
    }

    @Test(.enabled(if: hasKeras, "Keras 3 (with the torch backend) is not importable by python3"), arguments: ["adamw", "l1-prox"])
    func kerasScriptMatchesTheInitialLoss(name: String) throws {
        let output = try run(ExportSessions.all.first { $0.name == name }!.lines, format: "keras")
        #expect(output.hasSuffix("\ninitial loss matches regsim to 1e-6; the updates are Keras's own (see the notes above)\n"), "\(output)")
    }

    @Test(.enabled(if: hasKeras, "Keras 3 (with the torch backend) is not importable by python3"))
    func kerasScriptWithDropoutMatchesTheInitialPenalty() throws {
        let output = try run(ExportSessions.all.first { $0.name == "dropout" }!.lines, format: "keras")
        #expect(output.hasSuffix("\ninitial Ω (Keras draws its own dropout masks, so not J_data) matches regsim to 1e-6; the updates are Keras's own (see the notes above)\n"), "\(output)")
    }
}
