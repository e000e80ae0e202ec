import Engine

extension PhaseText {
    /// One phase in one line (`trace compact`), or for `trace off` the update's line only.
    func compactLine<T: Scalar>(_ record: PhaseRecord<T>, of update: UpdateProgress<T>) -> String {
        switch record {
        case .forward(let forward):
            guard detail == .compact else { return "" }
            let prediction = forward.prediction
            let shown = prediction.columns == 1
                ? "ŷ = \(format.vector(prediction.storage, limit: 6))"
                : "ŷ of sample \(forward.batch.first ?? 0) = \(format.vector(prediction.row(0), limit: 6))"
            return "forward (\(sampleList(forward.batch))): \(shown)\n"
        case .loss(let loss):
            return detail == .compact ? "loss: J_data = \(format(loss.value))\n" : ""
        case .penalty(let penalty):
            guard detail == .compact else { return "" }
            let total = update.loss.map { "; J = J_data + Ω = \(format($0.value + penalty.total))" } ?? ""
            return "penalty: Ω = \(format(penalty.total))\(total)\n"
        case .gradient(let gradient):
            guard detail == .compact else { return "" }
            var norms = gradient.data.indices.map { "‖dW\($0 + 1)‖ = \(format(norm(gradient.data[$0].weights.storage)))" }
            let penalized = gradient.penalty.indices.filter { gradient.penalty[$0].weights.storage.contains { $0 != 0 } }
            norms += penalized.map { "‖pW\($0 + 1)‖ = \(format(norm(gradient.penalty[$0].weights.storage)))" }
            return "gradient: " + norms.joined(separator: "  ") + "\n"
        case .update(let record):
            guard let loss = update.loss, let penalty = update.penalty else { return "update \(record.number)\n" }
            return Self.updateSummary(number: record.number, dataLoss: loss.value, penalty: penalty.total, format: format) + "\n"
        }
    }

    /// "update N: J_data = …, Ω = …, J = …", the losses the update's gradient came from
    /// (`run` prints one per update).
    public static func updateSummary<T: Scalar>(number: Int, dataLoss: T, penalty: T, format: NumberFormat) -> String {
        "update \(number): J_data = \(format(dataLoss)), Ω = \(format(penalty)), J = \(format(dataLoss + penalty))"
    }
}
