import Render
import Engine

/// `holdout N | off`
struct HoldoutCommand: TextCommand {
    static let help = CommandHelp(name: "holdout", usage: "holdout N | holdout off", summary: "set N samples aside as a validation set",
        details: """
        N samples, drawn with the seed, leave the training data: updates never see them, and
        show validation compares J_data and accuracy on both sets. holdout off puts them back.
        A new data command clears the holdout.
        """)
    static let examples = ["holdout 4", "holdout off"]
    /// nil: put the held-out samples back
    var count: Int?

    init(_ arguments: inout ArgumentReader) throws(InterpreterError) {
        count = arguments.accept("off") ? nil : try arguments.integer("N", range: 1...CommandParser.mnistLimit)
    }

    static func candidates(_ request: CompletionRequest) -> [String] {
        request.position == 1 ? ["off"] : []
    }

    func runText(_ session: inout Session, _ context: ExecutionContext) throws(InterpreterError) -> String {
        let full = session.fullData
        guard let count else {
            guard session.heldOut != nil else { throw InterpreterError("holdout: no samples are held out") }
            session.heldOut = nil
            session.trainer.replaceData(full)
            session.undoStack = []
            return "holdout: off; all \(counted(full.sampleCount, "sample")) train again; undo history cleared\n"
        }
        guard count < full.sampleCount else {
            throw InterpreterError("holdout: \(count) would leave no training samples; \(full.name) has \(full.sampleCount)")
        }
        let seed = session.trainer.settings.seed
        let rows = Session.heldOutRows(count: count, of: full.sampleCount, seed: seed)
        let (training, validation) = Session.split(full, heldOut: rows)
        session.heldOut = HeldOut(rows: rows, data: validation, seed: seed)
        session.trainer.replaceData(training)
        session.undoStack = []
        var text = "holdout: \(count) of \(counted(full.sampleCount, "sample")) set aside for validation (drawn with seed \(seed)); "
            + "\(training.sampleCount) train; undo history cleared\n"
        if let size = session.trainer.settings.batchSize, size >= training.sampleCount {
            session.trainer.settings.batchSize = nil
            text += "batch: all \(counted(training.sampleCount, "sample")) (the batch was as large as the training set)\n"
        }
        text += "  rows: \(rows.prefix(20).map(String.init).joined(separator: " "))" + (rows.count > 20 ? " … (\(rows.count - 20) more)" : "") + "\n"
        return text
    }
}
