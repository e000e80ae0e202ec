import ArgumentParser
import Engine
import Experiments
import Foundation
import MNIST
import Render

/// `regsim experiment`: the article's comparison of no penalty, L1 and L2.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "The article's experiment: the same network and seed trained with no penalty, L1 and L2 (or the runs of --compare).",
        discussion: "Prints a table of training, validation and test accuracy, the train − validation gap, sparsity "
            + "(|w| < 1e-3), the weight norm and the time, and writes into --out: experiment.csv (every epoch), "
            + "accuracy.svg (validation accuracy per epoch) and weights.svg (first-layer weight histograms)."
    )

    @OptionGroup var options: TrainingOptions
    @OptionGroup var strategy: StrategyOptions

    @Option(help: "λ of the L1 run.")
    var l1: Float = 1e-4

    @Option(help: "λ of the L2 run.")
    var l2: Float = 1e-3

    @Option(help: ArgumentHelp(
        "Runs to compare instead of none, L1 and L2: configurations separated by ';', each changing the options given here.",
        discussion: "For example \"none; l2 1e-4; dropout 0.5; dropout 0.5 max-norm 3; batchnorm\". Words: \(RunSettings.vocabulary).",
        valueName: "runs"))
    var compare: String?

    @Option(help: "The folder for the CSV and SVG files (created if missing).")
    var out: String = "experiment"

    func run() throws {
        let hidden = try options.hiddenSizes()
        let arms: [ExperimentArm]
        if let compare {
            var base = options.runSettings(penalty: .none)
            base.earlyStop = strategy.earlyStop
            arms = try ComparedRun.parse(compare, base: base).map { run in
                ExperimentArm(name: run.name, settings: try options.checked(run.settings),
                              batchNorm: run.settings.batchNorm, earlyStopping: run.settings.earlyStop)
            }
        } else {
            arms = [
                ExperimentArm(name: "none", settings: try options.settings(penalty: .none)),
                ExperimentArm(name: "L1 λ=\(l1)", settings: try options.settings(penalty: PenaltyTerm(l1: l1))),
                ExperimentArm(name: "L2 λ=\(l2)", settings: try options.settings(penalty: PenaltyTerm(l2: l2))),
            ]
        }
        let augmentation = try strategy.validated(validationCount: options.validation)
        let split = DataSplit(try options.loadSplit(), augmentation: augmentation, seed: options.seed)
        for arm in arms {
            try TrainCommand.refuseSingleSampleBatchNorm(arm.batchNorm ?? options.batchnorm, samples: split.training.count, batchSize: arm.settings.batchSize)
        }
        try createFolder(out)
        let experiment = Experiment(split: split, hidden: hidden, epochs: options.epochs, arms: arms, earlyStopping: strategy.earlyStop,
                                    batchNorm: options.batchnorm)
        Output.write("experiment: \(split.training.count) training images, \(options.epochs) epochs per run, hidden \(options.hidden); runs: \(arms.map(\.name).joined(separator: ", "))"
            + TrainingText.augmentationDescription(augmentation) + (strategy.earlyStop.map { "; early stopping with patience \($0) (each run scored with its best epoch's network)" } ?? "") + "\n")
        var progressBar = ProgressBar(epochs: options.epochs)
        Interrupts.catchSignal()
        defer { Interrupts.restoreDefault() }
        let results: [ExperimentResult]
        do {
            results = try Parallelism.$threads.withValue(options.threads) { () throws(TrainingStop) -> [ExperimentResult] in
                try experiment.run(shouldStop: { Interrupts.isRequested }, progress: { _, progress in progressBar.update(progress) },
                                   onEpoch: { name, record in
                                       progressBar.clear()
                                       Output.write("\(name): " + TrainingText.epochLine(record, of: options.epochs) + "\n")
                                   })
            }
        } catch {
            progressBar.clear()
            throw CommandFailure("\(error)")
        }
        Output.write("\n" + ExperimentReport.table(results))
        let files = [("experiment.csv", ExperimentReport.csv(results)), ("accuracy.svg", ExperimentReport.accuracyChart(results)),
                     ("weights.svg", ExperimentReport.histogram(results))]
        for (name, text) in files {
            try writeText(text, to: "\(out)/\(name)", what: name)
        }
        Output.write("wrote \(files.map { "\(out)/\($0.0)" }.joined(separator: ", "))\n")
    }
}

/// Creates `path` (and its parents) if missing.
func createFolder(_ path: String) throws {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw CommandFailure("cannot create the folder \(path): \(error.localizedDescription)")
    }
}
