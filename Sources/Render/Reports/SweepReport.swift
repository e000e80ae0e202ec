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
        if let warning = edgeWarning(points) { text += warning + "\n" }
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

    /// A warning when the chosen λ is the smallest or the largest of the grid: the best λ may
    /// lie beyond it, so a wider grid is suggested (100 times further, as the REPL's from=/to=
    /// and the command line's --from/--to take it).
    public static func edgeWarning(_ points: [SweepPoint]) -> String? {
        guard points.count > 1, let chosen = Sweep<InMemorySource>.chosen(points)?.lambda else { return nil }
        let lambdas = points.map(\.lambda)
        if chosen == lambdas.min() {
            return "warning: the chosen λ = \(chosen) is the smallest on the grid; the best λ may be smaller: sweep again from=\(chosen / 100) (--from \(chosen / 100))"
        }
        if chosen == lambdas.max() {
            return "warning: the chosen λ = \(chosen) is the largest on the grid; the best λ may be larger: sweep again to=\(chosen * 100) (--to \(chosen * 100))"
        }
        return nil
    }

    /// Accuracy against λ on a log axis, mean ± one standard deviation over the folds as error
    /// bars: training above validation where λ is too small (overfitting), both falling where
    /// λ is too large (underfitting). The chosen λ is marked, with the edge warning if any.
    public static func chart(_ points: [SweepPoint], folds: Int) -> String {
        let chosen = Sweep<InMemorySource>.chosen(points)?.lambda
        let atEdge = edgeWarning(points) != nil
        let markers = chosen.map { [LineChart.Marker(x: $0, label: "chosen λ = \($0)" + (atEdge ? " (edge of the grid: widen it)" : ""))] } ?? []
        return LineChart(title: "Accuracy against λ (\(folds)-fold cross-validation; bars ± 1 std over the folds)",
                  xLabel: "λ (log scale)", yLabel: "accuracy (%)",
                  series: [
                      .init(name: "validation", points: points.map { ($0.lambda, $0.validation.mean * 100) },
                            errors: points.map { $0.validation.deviation * 100 }),
                      .init(name: "training", points: points.map { ($0.lambda, $0.training.mean * 100) },
                            errors: points.map { $0.training.deviation * 100 }),
                  ], logarithmicX: true, markers: markers).svg
    }
}
