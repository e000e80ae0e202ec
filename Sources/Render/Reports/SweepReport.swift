import Experiments

/// The sweep's table and chart.
public enum SweepReport {
    /// λ, mean ± std of validation and training accuracy per λ, and the chosen λ marked.
    public static func table(_ points: [SweepPoint], folds: Int) -> String {
        let chosen = Sweep<InMemorySource>.chosen(points)?.lambda
        let rows = points.map { point -> [String] in
            let validation = point.validation, training = point.training
            return ["\(point.lambda)" + (point.lambda == chosen ? " *" : ""),
                    "\(ExperimentReport.percent(validation.mean)) ± \(ExperimentReport.percent(validation.deviation))",
                    "\(ExperimentReport.percent(training.mean)) ± \(ExperimentReport.percent(training.deviation))"]
        }
        var text = TextTable.render(header: ["λ", "valid % (\(folds)-fold)", "train %"], rows: rows)
        if let chosen { text += "chosen λ = \(chosen) (*: best mean validation accuracy)\n" }
        let diverged = points.filter { $0.divergedFolds > 0 }
        if !diverged.isEmpty {
            text += "diverged, never chosen: " + diverged.map { "λ = \($0.lambda) (\($0.divergedFolds) of \(folds) folds)" }
                .joined(separator: ", ") + "\n"
        }
        return text
    }

    /// "λ = 0.01: validation 91.20% ± 0.85", and "(diverged in 2 of 5 folds: never chosen)" after a divergence.
    public static func pointLine(_ point: SweepPoint, folds: Int) -> String {
        let validation = point.validation
        return "λ = \(point.lambda): validation \(ExperimentReport.percent(validation.mean))% ± \(ExperimentReport.percent(validation.deviation))"
            + (point.divergedFolds == 0 ? "" : " (diverged in \(point.divergedFolds) of \(folds) folds: never chosen)") + "\n"
    }

    /// `lambda,fold,validation_accuracy,training_accuracy`, one row per fold.
    public static func csv(_ points: [SweepPoint]) -> String {
        var text = "lambda,fold,validation_accuracy,training_accuracy\n"
        for point in points {
            for (fold, accuracy) in point.validationAccuracies.enumerated() {
                text += "\(point.lambda),\(fold + 1),\(accuracy),\(point.trainingAccuracies[fold])\n"
            }
        }
        return text
    }

    /// Accuracy against λ on a log axis, mean ± std: training above validation where λ is
    /// too small (overfitting), both falling where λ is too large (underfitting).
    public static func chart(_ points: [SweepPoint], folds: Int) -> String {
        LineChart(title: "Accuracy against λ (\(folds)-fold cross-validation)", xLabel: "λ (log scale)", yLabel: "accuracy (%)",
                  series: [
                      .init(name: "validation", points: points.map { ($0.lambda, $0.validation.mean * 100) },
                            errors: points.map { $0.validation.deviation * 100 }),
                      .init(name: "training", points: points.map { ($0.lambda, $0.training.mean * 100) },
                            errors: points.map { $0.training.deviation * 100 }),
                  ], logarithmicX: true).svg
    }
}
