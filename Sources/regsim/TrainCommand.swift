import ArgumentParser
import Engine
import Experiments
import Files
import MNIST
import Render

/// `regsim train`: a full MNIST MLP on the same engine as step mode.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train an MLP on MNIST (or any MNIST-format data) with a penalty.",
        discussion: """
        Uses the bundled data/mnist (verified against its SHA-256 sums) unless --data is given. \
        Validation is the last --validation training images; the test set is scored once, at the end. \
        After each epoch one line: data loss, penalty, validation accuracy and loss, sparsity (fraction of \
        |w| < 1e-3 per layer), weight norms ‖W‖ per layer, seconds. Ctrl-C stops after the current \
        batch and still reports and saves. \
        --early-stop P stops after P epochs without a lower validation loss \
        and restores the best epoch's network. --augment shifts and rotates \
        the training images (never validation or test).
        """
    )

    @OptionGroup var options: TrainingOptions
    @OptionGroup var penalty: PenaltyOptions
    @OptionGroup var strategy: StrategyOptions

    @Option(help: "Save the trained model here (JSON, written atomically).")
    var save: String?

    @Option(help: "Also write every epoch's record as CSV here.")
    var metrics: String?

    @Option(help: "With --early-stop: also draw the training and validation loss per epoch, the best epoch and the stop marked, as SVG here.")
    var chart: String?

    @Option(help: "Multiply the learning rate by this after every epoch (1: constant).")
    var lrDecay: Float = 1

    func run() throws {
        let settings = try options.settings(penalty: try penalty.term())
        guard lrDecay > 0, lrDecay <= 1 else { throw ValidationError("--lr-decay must be in (0, 1]") }
        let hidden = try options.hiddenSizes()
        let augmentation = try strategy.validated(validationCount: options.validation)
        if chart != nil && strategy.earlyStop == nil { throw ValidationError("--chart needs --early-stop") }
        let split = DataSplit(try options.loadSplit(), augmentation: augmentation, seed: options.seed)
        try Self.refuseSingleSampleBatchNorm(options.batchnorm, samples: split.training.count, batchSize: settings.batchSize)
        var classifier = Classifier(inputs: split.training.featureCount, hidden: hidden,
                                    classes: split.training.classCount, settings: settings, batchNorm: options.batchnorm)
        Output.write(TrainingText.header(
            sizes: [split.training.featureCount] + hidden + [split.training.classCount],
            counts: (split.training.count, split.validation.count, split.test.count), settings: settings,
            batchNorm: options.batchnorm, learningRateDecay: lrDecay, threads: options.threads, augmentation: augmentation,
            patience: strategy.earlyStop))
        var progressBar = ProgressBar(epochs: options.epochs)
        // η of epoch e (from 0): η₀·decay^e
        let loop = EpochLoop<Float>(epochs: options.epochs, patience: strategy.earlyStop,
                                    learningRate: { settings.learningRate * pow(lrDecay, Float($0)) })
        // Ctrl-C stays caught until the model is written: it stops training after the batch,
        // and the test evaluation and the save still run.
        Interrupts.catchSignal()
        defer { Interrupts.restoreDefault() }
        let run = Parallelism.$threads.withValue(options.threads) {
            loop.run(&classifier, on: split.training, indices: split.trainingIndices,
                     validation: (split.validation, split.validationIndices), shouldStop: { Interrupts.isRequested },
                     progress: { progressBar.update($0) },
                     onEpoch: { record, _ in
                         progressBar.clear()
                         Output.write(TrainingText.epochLine(record, of: options.epochs) + "\n")
                     })
        }
        progressBar.clear()
        if case .diverged = run.stop {
            Output.writeError("error: \(run.stop!)\n")
            throw ExitCode.failure
        }
        if case .interrupted(let epoch, let batch) = run.stop {
            Output.write("interrupted in epoch \(epoch)\(batch > 0 ? " after batch \(batch)" : ""): reporting the network as it is\n")
        }
        if let patience = strategy.earlyStop {
            Output.write(EarlyStoppingReport.lines(records: run.records, patience: patience, bestEpoch: run.stopping.bestEpoch,
                                                   stopped: run.stoppedEarly))
            if let chart {
                try writeText(EarlyStoppingReport.chart(records: run.records, bestEpoch: run.stopping.bestEpoch,
                                                        stoppedEpoch: run.stoppedEarly ? run.records.last?.epoch : nil),
                              to: chart, what: "chart")
            }
        }
        let accuracy = Parallelism.$threads.withValue(options.threads) {
            split.test.accuracy(of: classifier.network, on: Array(0..<split.test.count))
        }
        Output.write("test accuracy: \(ExperimentReport.percent(accuracy))% (\(split.test.count) images)\n")
        if let metrics {
            try writeText(ExperimentReport.csv([ExperimentResult.single(records: run.records)]), to: metrics, what: "metrics")
        }
        if let save {
            do { try ModelFile(classifier: classifier).write(to: save) } catch {
                throw CommandFailure("cannot save the model to \(save): \((error as? FileWriteError)?.reason ?? "\(error)")")
            }
            Output.write("saved the model to \(save)\n")
        }
    }
}

extension TrainCommand {
    /// Batch norm cannot train on a batch of one sample: refused before training, as `fit`
    /// refuses it in the REPL (`Trainer.singleSampleBatchNorm` says why).
    static func refuseSingleSampleBatchNorm(_ batchNorm: Bool, samples: Int, batchSize: Int?) throws {
        guard batchNorm, Trainer<Float>.hasSingleSampleBatch(samples: samples, batchSize: batchSize) else { return }
        throw CommandFailure(Trainer<Float>.singleSampleBatchNorm(samples: samples, batchSize: batchSize, off: "leave out --batchnorm"))
    }
}

/// Writes a text file atomically (`AtomicFile`), or fails with a clear message.
func writeText(_ text: String, to path: String, what: String) throws {
    do { try AtomicFile.write(text.utf8, to: path) } catch {
        throw CommandFailure("cannot write the \(what) to \(path): \(error.reason)")
    }
}

import Foundation
