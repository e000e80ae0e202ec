import Engine
import Export

/// `export pytorch|keras|numpy FILE [N]`: the session as a script that reproduces its updates,
/// or its parameters as NumPy arrays.
struct ExportCommand: TextCommand {
    enum Target: String, CaseIterable { case pytorch, keras, numpy }

    static let help = CommandHelp(
        name: "export", usage: "export pytorch|keras|numpy FILE [N]",
        summary: "write the session as a PyTorch or Keras script that reproduces its numbers, or its parameters as .npz",
        details: """
        pytorch and keras write a Python script: the session's data, network, initial parameters, loss,
        penalty (converted: PyTorch's weight_decay = c of the L2 gradient c·w, an explicit L1 term; Keras's
        L1L2), optimizer, dropout masks and batch order. It replays the session's updates since the
        settings last changed (or the next update if there are none), plus N more, prints J_data, Ω and the
        first parameters after each, and ends with "matches regsim to 1e-12" or the first value that differs.
        Large arrays go to FILE's .npz beside it. numpy writes the parameters alone (W1 (inputs, outputs),
        b1, gamma1, beta1, …) as an .npz for np.load. Nothing in the session changes.
        """)
    static let examples = ["export pytorch session.py", "export keras session.py 2", "export numpy weights.npz"]
    var target: Target
    var path: String
    var extra = 0

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        target = try arguments.choice("format", Target.self)
        path = try arguments.next("file")
        if arguments.hasMore { extra = try arguments.integer("updates after the session's", range: 0...10_000) }
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        switch request.position {
        case 1: Target.allCases.map(\.rawValue).filter { $0.hasPrefix(request.prefix) }
        case 2: request.paths(request.prefix)
        default: []
        }
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let fileSystem = context.fileSystem
        func write(_ bytes: [UInt8], to file: String) throws(InterpreterError) {
            do { try fileSystem.writeAtomically(bytes: bytes, to: file) } catch {
                throw InterpreterError("export: cannot write \(file): \(error.message)")
            }
        }
        func archive(_ arrays: [NamedArray]) throws(InterpreterError) -> [UInt8] {
            do { return try NumpyArchive.npz(arrays) } catch { throw InterpreterError("export: \(error.message)") }
        }
        if target == .numpy {
            let arrays = ExportRun.parameterArrays(of: session.trainer.network)
            try write(try archive(arrays), to: path)
            return "exported \(arrays.map(\.name).joined(separator: ", ")) to \(path) (np.load reads it; W is (inputs, outputs))\n"
        }
        let run: ExportRun
        do { run = try ExportRun.session(history: Array(session.undoStack), current: session.trainer, extra: extra) } catch {
            throw InterpreterError("export: \(error.message)")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let script = target == .pytorch ? PyTorchScript(run: run, fileName: name).text : KerasScript(run: run, fileName: name).text
        var written = [path]
        if !run.keepsArraysInline {
            let archivePath = Self.archivePath(path)
            try write(try archive(run.arrays), to: archivePath)
            written.append(archivePath)
        }
        do { try fileSystem.writeAtomically(script, to: path) } catch {
            throw InterpreterError("export: cannot write \(path): \(error.message)")
        }
        let updates = run.updates.count
        return "exported \(updates) update\(updates == 1 ? "" : "s") from update \(run.start.updateCount) to \(written.joined(separator: " and ")); run: python3 \(path)\n"
    }

    /// The `.npz` beside a script: `run.py` → `run.npz` (what the script loads).
    static func archivePath(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ".npz" }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex))) + ".npz"
    }
}
