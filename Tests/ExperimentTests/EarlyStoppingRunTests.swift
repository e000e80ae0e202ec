import Engine
@testable import Experiments
@testable import Render
import Testing

@Suite struct EarlyStoppingRunTests {
    static let settings = TrainingSettings<Float>(learningRate: 0.5, momentum: 0.5, batchSize: 10, seed: 11)

    /// The validation loss of an epoch is −1/n·Σ ln ŷ_label on the validation rows after the
    /// epoch, recomputed here from the network's probabilities in Double.
    @Test func theValidationLossIsTheCrossEntropyOfTheHeldOutRows() throws {
        let source = syntheticSource(count: 300, seed: 6)
        var classifier = Classifier(inputs: 8, hidden: [12], classes: 4, settings: Self.settings)
        let validation = Array(200..<300)
        let record = try classifier.trainEpoch(on: source, indices: Array(0..<200), validation: (source, validation))
        let (inputs, labels) = source.batch(validation[...])
        let probabilities = classifier.network.forward(inputs).last!.a
        let expected = -labels.enumerated().reduce(0.0) { $0 + log(Double(probabilities[$1.offset, $1.element])) } / Double(labels.count)
        #expect(abs(record.validationLoss - expected) <= 1e-5 * abs(expected), "\(record.validationLoss) against \(expected)")
        #expect(record.validationAccuracy == source.accuracy(of: classifier.network, on: validation))
    }

    /// Each run keeps its best epoch (the first lowest validation loss) and is scored with it;
    /// a run shorter than `epochs` ended with `patience` epochs after its best.
    @Test func anExperimentArmStopsAndIsScoredWithItsBestEpoch() throws {
        let source = syntheticSource(count: 360, seed: 8)
        let split = DataSplit(training: source.rows(0..<160), validation: source.rows(160..<260), test: source.rows(260..<360))
        let arms = [ExperimentArm(name: "none", settings: Self.settings),
                    ExperimentArm(name: "L2", settings: { var s = Self.settings; s.regularization.global = PenaltyTerm(l2: 0.01); return s }())]
        let results = try Experiment(split: split, hidden: [32], epochs: 12, arms: arms, earlyStopping: 2).run()
        #expect(results.contains { $0.epochs.count < 12 }, "a run stopped early: \(results.map(\.epochs.count))")
        for result in results {
            let losses = result.epochs.map(\.validationLoss)
            let best = losses.indices.min { losses[$0] < losses[$1] }!
            #expect(result.validationAccuracy == result.epochs[best].validationAccuracy, "\(result.name)")
            if result.epochs.count < 12 {
                #expect(result.epochs.count == best + 1 + 2, "\(result.name) stopped 2 epochs after its best")
            }
        }
    }

    @Test func theReportNamesTheStopAndTheBestEpoch() {
        func record(_ epoch: Int, _ loss: Double) -> EpochRecord {
            EpochRecord(epoch: epoch, dataLoss: 1, penalty: 0, validationAccuracy: 0.5, validationLoss: loss,
                        sparsity: [0], weightNorms: [1], seconds: 0)
        }
        let records = [record(1, 0.9), record(2, 0.5), record(3, 0.7)]
        let text = EarlyStoppingReport.lines(records: records, patience: 1, bestEpoch: 2, stopped: true)
        #expect(text == """
            early stopping (patience 1, on the validation loss): stopped after epoch 3, 1 epoch without improvement
            best epoch 2: validation loss 0.5000, accuracy 50.00%; its network is restored
            validation loss per epoch: 1: 0.9000, 2: 0.5000 (best), 3: 0.7000

            """)
        let chart = EarlyStoppingReport.chart(records: records, bestEpoch: 2, stoppedEpoch: 3)
        #expect(isWellFormedXML(chart) && chart.contains("best epoch 2 (restored)") && chart.contains("stopped after epoch 3"))
    }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One epoch's line, with and without a validation set.
@Suite struct EpochLineTests {
    @Test func theLineNamesTheValidationOrItsAbsence() {
        var record = EpochRecord(epoch: 3, dataLoss: 0.0712, penalty: 0.0153, validationAccuracy: 0.9785, validationLoss: 0.07412,
                                 sparsity: [0.008, 0.021], weightNorms: [27.314, 8.02], seconds: 1.523)
        #expect(TrainingText.epochLine(record, of: 10)
            == "epoch 3/10: loss 0.07120, penalty 0.01530, validation 97.85% (loss 0.07412), sparsity 0.8% 2.1%, ‖W‖ 27.31 8.02, 1.52 s")
        record.validationAccuracy = .nan
        record.validationLoss = .nan
        #expect(TrainingText.epochLine(record, of: 10)
            == "epoch 3/10: loss 0.07120, penalty 0.01530, no validation set, sparsity 0.8% 2.1%, ‖W‖ 27.31 8.02, 1.52 s")
    }
}
