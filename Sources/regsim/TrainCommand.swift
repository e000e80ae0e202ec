import ArgumentParser
import Engine
import Experiments
import Files
import MNIST

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

    /// "μ = 0.0", "adamw β1 = 0.9, β2 = 0.999, ε = 1e-08, wd = 0.01 (decoupled, × η)", then max-norm and smoothing.
    func optimizerText(_ settings: TrainingSettings<Float>) -> String {
        var text = settings.optimizer == .sgd ? "μ = \(settings.momentum)"
            : "\(settings.optimizer.rawValue) β1 = \(settings.adam.beta1), β2 = \(settings.adam.beta2), ε = \(settings.adam.epsilon)"
        if settings.optimizer == .adamw { text += ", wd = \(settings.weightDecay) (decoupled, multiplied by η)" }
        if let c = settings.maxNorm { text += ", max-norm \(c) (every layer)" }
        if settings.labelSmoothing != 0 { text += ", label smoothing \(settings.labelSmoothing)" }
        return text
    }

    func run() throws {
        let settings = try options.settings(penalty: try penalty.term())
        guard lrDecay > 0, lrDecay <= 1 else { throw ValidationError("--lr-decay must be in (0, 1]") }
        let hidden = try options.hiddenSizes()
        let augmentation = try strategy.validated(validationCount: options.validation)
        if chart != nil && strategy.earlyStop == nil { throw ValidationError("--chart needs --early-stop") }
        let split = DataSplit(try options.loadSplit(), augmentation: augmentation, seed: options.seed)
        var classifier = Classifier(inputs: split.training.featureCount, hidden: hidden,
                                    classes: split.training.classCount, settings: settings, batchNorm: options.batchnorm)
        let sizes = ([split.training.featureCount] + hidden + [split.training.classCount]).map(String.init).joined(separator: "-")
        Output.write("training \(sizes) on \(split.training.count) images (validation \(split.validation.count), test \(split.test.count)); "
            + "penalty \(settings.regularization.global.description) (\(settings.regularization.convention.rawValue) convention, l1mode \(settings.regularization.l1Mode.rawValue)); "
            + TrainingText.layerNoiseDescription(settings.noise, batchNorm: options.batchnorm)
            + "η = \(settings.learningRate)\(lrDecay == 1 ? "" : " × \(lrDecay) per epoch"), \(optimizerText(settings)), batch \(options.batch), seed \(options.seed), \(options.threads) threads"
            + StrategyOptions.describe(augmentation) + (strategy.earlyStop.map { "; early stopping with patience \($0)" } ?? "") + "\n")
        var progressBar = ProgressBar(epochs: options.epochs)
        var records: [EpochRecord] = []
        var stop: TrainingStop?
        var stopping = strategy.earlyStop.map { EarlyStopping<Network<Float>>(patience: $0) }
        // Ctrl-C stays caught until the model is written: it stops training after the batch,
        // and the test evaluation and the save still run.
        Interrupts.catchSignal()
        defer { Interrupts.restoreDefault() }
        Parallelism.$threads.withValue(options.threads) {
            for epoch in 0..<options.epochs {
                // η of this epoch: η₀·decay^epoch
                classifier.settings.learningRate = settings.learningRate * pow(lrDecay, Float(epoch))
                do throws(TrainingStop) {
                    let record = try classifier.trainEpoch(
                        on: split.training, indices: split.trainingIndices, validation: (split.validation, split.validationIndices),
                        shouldStop: { Interrupts.isRequested }, progress: { progressBar.update($0) })
                    progressBar.clear()
                    records.append(record)
                    Output.write(TrainingText.epochLine(record, of: options.epochs) + "\n")
                    if Interrupts.isRequested { stop = .interrupted(epoch: record.epoch, batch: 0); break }
                    if stopping?.observe(record.validationLoss, model: classifier.network) == .stop { break }
                } catch {
                    progressBar.clear()
                    stop = error
                    break
                }
            }
        }
        if case .diverged = stop {
            Output.writeError("error: \(stop!)\n")
            throw ExitCode.failure
        }
        if case .interrupted(let epoch, let batch) = stop {
            Output.write("interrupted in epoch \(epoch)\(batch > 0 ? " after batch \(batch)" : ""): reporting the network as it is\n")
        }
        if let stopping {
            Output.write(EarlyStoppingReport.lines(records: records, patience: stopping.patience, bestEpoch: stopping.bestEpoch,
                                                   stopped: stopping.hasStopped))
            if let best = stopping.bestModel, let bestEpoch = stopping.bestEpoch {
                classifier.network = best
                classifier.epochsCompleted = bestEpoch
            }
            if let chart {
                try writeText(EarlyStoppingReport.chart(records: records, bestEpoch: stopping.bestEpoch,
                                                        stoppedEpoch: stopping.hasStopped ? records.last?.epoch : nil),
                              to: chart, what: "chart")
            }
        }
        let accuracy = Parallelism.$threads.withValue(options.threads) {
            split.test.accuracy(of: classifier.network, on: Array(0..<split.test.count))
        }
        Output.write("test accuracy: \(ExperimentReport.percent(accuracy))% (\(split.test.count) images)\n")
        if let metrics {
            try writeText(ExperimentReport.csv([ExperimentResult.single(records: records)]), to: metrics, what: "metrics")
        }
        if let save {
            do { try ModelFile(classifier: classifier).write(to: save) } catch {
                throw CommandFailure("cannot save the model to \(save): \((error as? FileWriteError)?.reason ?? "\(error)")")
            }
            Output.write("saved the model to \(save)\n")
        }
    }
}

/// Writes a text file atomically (`AtomicFile`), or fails with a clear message.
func writeText(_ text: String, to path: String, what: String) throws {
    do { try AtomicFile.write(text.utf8, to: path) } catch {
        throw CommandFailure("cannot write the \(what) to \(path): \(error.reason)")
    }
}

import Foundation
