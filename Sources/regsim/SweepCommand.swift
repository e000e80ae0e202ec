import ArgumentParser
import Engine
import Experiments
import Foundation
import MNIST
import Render

/// `regsim sweep`: λ chosen by K-fold cross-validation on a log grid.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Choose λ by K-fold cross-validation on a log grid (the article's 0.001 … 10 by default).",
        discussion: """
        Trains K networks per λ on a training subset (--subset, default 5000 images), each validated on its \
        held-out fold; prints mean ± std of validation and training accuracy per λ and the chosen λ, and \
        writes sweep.csv and sweep.svg (accuracy against λ) into --out.
        """
    )

    @OptionGroup var options: TrainingOptions

    @Option(help: "Which penalty the grid sets.")
    var penalty: Sweep<ImageSet>.PenaltyKind = .l2

    @Option(help: "Folds K.")
    var folds: Int = 5

    @Option(help: "Smallest λ of the log grid.")
    var from: Double = 0.001

    @Option(help: "Largest λ of the log grid.")
    var to: Double = 10

    @Option(help: "Grid points, evenly spaced in log10 from --from to --to.")
    var points: Int = 5

    @Option(help: "The folder for sweep.csv and sweep.svg (created if missing).")
    var out: String = "sweep"

    func run() throws {
        guard folds >= 2 else { throw ValidationError("--folds must be at least 2") }
        guard from > 0, to > from, points >= 2 else { throw ValidationError("need 0 < --from < --to and --points ≥ 2") }
        var options = options
        if options.subset == nil { options.subset = 5000 }
        let settings = try options.settings(penalty: .none)
        let hidden = try options.hiddenSizes()
        try createFolder(out)
        let split = try options.loadSplit()
        guard folds <= split.training.count else { throw ValidationError("--folds must not exceed the \(split.training.count) images") }
        let grid = CrossValidation.logGrid(from: from, to: to, count: points)
        let sweep = Sweep(source: split.training, indices: split.trainingIndices, hidden: hidden, epochs: options.epochs,
                          folds: folds, baseSettings: settings, penalty: penalty, grid: grid, batchNorm: options.batchnorm)
        Output.write("sweep: \(penalty.rawValue) λ in \(grid.map { "\($0)" }.joined(separator: ", ")); \(folds)-fold cross-validation on \(split.training.count) images, \(options.epochs) epochs each\n")
        Interrupts.catchSignal()
        defer { Interrupts.restoreDefault() }
        let results: [SweepPoint]
        do {
            results = try Parallelism.$threads.withValue(options.threads) { () throws(TrainingStop) -> [SweepPoint] in
                try sweep.run(shouldStop: { Interrupts.isRequested }, onPoint: { point in
                    Output.write(SweepReport.pointLine(point, folds: folds))
                })
            }
        } catch {
            throw CommandFailure("\(error)")
        }
        Output.write("\n" + SweepReport.table(results, folds: folds))
        try writeText(SweepReport.csv(results), to: "\(out)/sweep.csv", what: "sweep.csv")
        try writeText(SweepReport.chart(results, folds: folds), to: "\(out)/sweep.svg", what: "sweep.svg")
        Output.write("wrote \(out)/sweep.csv, \(out)/sweep.svg\n")
    }
}
