import Engine

/// Turns the engine's phase records into the text the REPL prints.
public struct PhaseText: Sendable {
    public var format: NumberFormat
    /// Units per layer above which the forward and gradient phases print summaries.
    public var detailLimit: Int
    /// How much of each phase to print (`trace full|compact|off`).
    public var detail: TraceDetail

    public init(format: NumberFormat = .exact, detailLimit: Int = 12, detail: TraceDetail = .full) {
        self.format = format
        self.detailLimit = detailLimit
        self.detail = detail
    }

    /// One phase's text, with its heading. `update` is the update the record belongs to (its
    /// phases so far, as `Trainer.latest` gives them) and `settings` what it ran with: values
    /// only, so a record renders the same from a live session, a saved one or a log.
    public func render<T: Scalar>(_ record: PhaseRecord<T>, of update: UpdateProgress<T>, settings: TrainingSettings<T>) -> String {
        guard detail == .full else { return compactLine(record, of: update) }
        return switch record {
        case .forward(let forward): render(forward, noise: settings.noise)
        case .loss(let loss): render(loss, outputCount: update.forward?.network.outputCount ?? 0, batch: update.forward?.batch ?? [])
        case .penalty(let penalty): render(penalty, dataLoss: update.loss)
        case .gradient(let gradient): render(gradient, of: update, settings: settings)
        case .update(let record): render(record)
        }
    }

    func heading(_ title: String) -> String {
        "── \(title) " + String(repeating: "─", count: max(3, 60 - title.count)) + "\n"
    }

    /// Samples shown as "samples 0–3" or "samples 2, 0".
    func sampleList(_ batch: [Int]) -> String {
        if batch.count > 1 && batch == Array(batch[0]..<(batch[0] + batch.count)) {
            return "samples \(batch[0])–\(batch[batch.count - 1])"
        }
        if batch.count > 8 { return "\(batch.count) samples" }
        return (batch.count == 1 ? "sample " : "samples ") + batch.map(String.init).joined(separator: ", ")
    }
}
