import Experiments

/// What `regsim train --early-stop` prints and draws about the stop.
public enum EarlyStoppingReport {
    /// "early stopping (patience 3, on the validation loss): stopped after epoch 7; best epoch 4 …"
    /// and the validation curve, one value per epoch. `stopped` is false when the run used
    /// every epoch it was given.
    public static func lines(records: [EpochRecord], patience: Int, bestEpoch: Int?, stopped: Bool) -> String {
        let last = records.last?.epoch ?? 0
        var text = "early stopping (patience \(patience), on the validation loss): "
        text += stopped ? "stopped after epoch \(last), \(patience) epoch\(patience == 1 ? "" : "s") without improvement"
                        : "did not stop in the \(last) epoch\(last == 1 ? "" : "s") run"
        text += "\n"
        if let bestEpoch, let best = records.first(where: { $0.epoch == bestEpoch }) {
            text += "best epoch \(bestEpoch): validation loss \(TrainingText.significant(best.validationLoss)), "
                + "accuracy \(ExperimentReport.percent(best.validationAccuracy))%; its network is restored\n"
        }
        text += "validation loss per epoch: "
            + records.map { "\($0.epoch): \(TrainingText.significant($0.validationLoss))\($0.epoch == bestEpoch ? " (best)" : "")" }
                .joined(separator: ", ") + "\n"
        return text
    }

    /// Training and validation loss per epoch, with the best epoch and the stop marked.
    public static func chart(records: [EpochRecord], bestEpoch: Int?, stoppedEpoch: Int?) -> String {
        var markers: [LineChart.Marker] = []
        if let bestEpoch { markers.append(.init(x: Double(bestEpoch), label: "best epoch \(bestEpoch) (restored)")) }
        if let stoppedEpoch { markers.append(.init(x: Double(stoppedEpoch), label: "stopped after epoch \(stoppedEpoch)")) }
        return LineChart(title: "Loss per epoch (early stopping)", xLabel: "epoch", yLabel: "J_data (training: mean over batches)",
                         series: [
                             .init(name: "training", points: records.map { (Double($0.epoch), $0.dataLoss) }),
                             .init(name: "validation", points: records.map { (Double($0.epoch), $0.validationLoss) }),
                         ], integerX: true, markers: markers).svg
    }
}
