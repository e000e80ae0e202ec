import Engine
@testable import Experiments
@testable import Render
import Testing

/// The one training loop: epochs, early stopping with the best network restored,
/// interruption, and divergence (NaN or a finite runaway).
@Suite struct EpochLoopTests {
    static let settings = TrainingSettings<Float>(learningRate: 0.5, momentum: 0.5, batchSize: 10, seed: 11)

    /// With a patience, the run ends `patience` epochs after its best and the state holds the
    /// best epoch's network, exactly as it was after that epoch.
    @Test func earlyStoppingRestoresTheBestEpochsNetwork() {
        let source = syntheticSource(count: 260, seed: 8)
        var classifier = Classifier(inputs: 8, hidden: [32], classes: 4, settings: Self.settings)
        var networks: [Network<Float>] = []
        var decisions: [EarlyStopping<Network<Float>>.Decision] = []
        let loop = EpochLoop<Float>(epochs: 30, patience: 2)
        let run = loop.run(&classifier, on: source, indices: Array(0..<160), validation: (source, Array(160..<260)),
                           onEpoch: { _, decision in decisions.append(decision) })
        // the network after each epoch, from a second identical run, epoch by epoch
        var replay = Classifier(inputs: 8, hidden: [32], classes: 4, settings: Self.settings)
        for _ in run.records {
            _ = try? replay.trainEpoch(on: source, indices: Array(0..<160), validation: (source, Array(160..<260)))
            networks.append(replay.network)
        }
        #expect(run.stop == nil)
        #expect(run.stoppedEarly, "stopped before 30 epochs: \(run.records.count)")
        let best = try! #require(run.restoredEpoch)
        #expect(run.records.count == best + 2 && decisions.last == .stop)
        #expect(classifier.epochsCompleted == best)
        #expect(classifier.network == networks[best - 1])
    }

    /// Without a patience every epoch runs and the last network is kept.
    @Test func withoutPatienceTheLastNetworkIsKept() {
        let source = syntheticSource(count: 200, seed: 3)
        var classifier = Classifier(inputs: 8, hidden: [8], classes: 4, settings: Self.settings)
        let run = EpochLoop<Float>(epochs: 3).run(&classifier, on: source, indices: Array(0..<150), validation: (source, Array(150..<200)))
        #expect(run.records.map(\.epoch) == [1, 2, 3] && run.restoredEpoch == nil && !run.stoppedEarly)
        #expect(classifier.epochsCompleted == 3)
    }

    /// Ctrl-C after an epoch ends the run there, with that epoch's record.
    @Test func anInterruptionAfterAnEpochStopsTheRun() {
        let source = syntheticSource(count: 200, seed: 3)
        var classifier = Classifier(inputs: 8, hidden: [8], classes: 4, settings: Self.settings)
        var epochs = 0
        let run = EpochLoop<Float>(epochs: 5).run(&classifier, on: source, indices: Array(0..<150), validation: (source, []),
                                                  shouldStop: { epochs == 2 }, onEpoch: { _, _ in epochs += 1 })
        #expect(run.stop == .interrupted(epoch: 2, batch: 0))
        #expect(run.records.count == 2)
    }

    /// The learning-rate schedule sets η before each epoch: the same as setting it by hand.
    @Test func theScheduleSetsEachEpochsRate() throws {
        let source = syntheticSource(count: 100, seed: 3)
        var scheduled = Classifier(inputs: 8, hidden: [8], classes: 4, settings: Self.settings)
        var byHand = scheduled
        _ = EpochLoop<Float>(epochs: 3, learningRate: { Float($0 + 1) / 10 }).run(
            &scheduled, on: source, indices: Array(0..<100), validation: (source, []))
        for rate: Float in [0.1, 0.2, 0.3] {
            byHand.settings.learningRate = rate
            _ = try byHand.trainEpoch(on: source, indices: Array(0..<100), validation: (source, []))
        }
        #expect(scheduled == byHand)
    }

    /// η = 20 on the synthetic task: the loss stays finite but runs away (the first epoch's
    /// mean was 7.1e14 against 1.94 for the first batch when this test was written; η = 100
    /// reaches NaN instead). That is divergence, as NaN is, and the cause names η and λ.
    @Test func aFiniteRunawayIsDivergence() {
        let source = syntheticSource(count: 200, seed: 2)
        var settings = Self.settings
        settings.learningRate = 20
        settings.momentum = 0
        settings.regularization.global = PenaltyTerm(l2: 1e-4)
        var classifier = Classifier(inputs: 8, hidden: [16], classes: 4, settings: settings)
        var records = 0
        let run = EpochLoop<Float>(epochs: 3).run(&classifier, on: source, indices: Array(0..<200), validation: (source, []),
                                                  onEpoch: { _, _ in records += 1 })
        guard case .diverged(let divergence) = run.stop, case .runaway(let meanLoss, let firstLoss) = divergence.symptom else {
            Issue.record("expected a runaway, got \(String(describing: run.stop))"); return
        }
        #expect(meanLoss.isFinite && meanLoss > 1000 * max(1, firstLoss))
        #expect(records == divergence.epoch - 1, "the runaway epoch has no record")
        #expect(divergence.cause.contains("η = 20.0") && divergence.cause.contains("λ") && divergence.cause.contains("--lambda"))
        #expect("\(TrainingStop.diverged(divergence))".hasPrefix("diverged: the mean data loss of epoch \(divergence.epoch) is "))
    }

    /// A sweep never chooses a λ whose folds diverged, even with the best accuracy.
    @Test func aSweepSkipsDivergedPoints() {
        var diverged = SweepPoint(lambda: 10, validationAccuracies: [0.9, 0.9], trainingAccuracies: [0.9, 0.9])
        diverged.divergedFolds = 1
        let fine = SweepPoint(lambda: 0.1, validationAccuracies: [0.5, 0.5], trainingAccuracies: [0.5, 0.5])
        #expect(Sweep<InMemorySource>.chosen([fine, diverged])?.lambda == 0.1)
        #expect(SweepReport.table([fine, diverged], folds: 2).contains("diverged, never chosen: λ = 10.0 (1 of 2 folds)\n"))
        #expect(SweepReport.pointLine(diverged, folds: 2) == "λ = 10.0: validation 90.00% ± 0.00 (diverged in 1 of 2 folds: never chosen)\n")
        #expect(SweepReport.pointLine(fine, folds: 2) == "λ = 0.1: validation 50.00% ± 0.00\n")
    }

    /// A sweep at η = 100 marks every fold diverged and chooses nothing.
    @Test func aSweepOfRunawayRunsChoosesNothing() throws {
        let source = syntheticSource(count: 120, seed: 2)
        var settings = Self.settings
        settings.learningRate = 100
        settings.momentum = 0
        let sweep = Sweep(source: source, indices: Array(0..<120), hidden: [16], epochs: 2, folds: 2, baseSettings: settings,
                          penalty: .l2, grid: [0.001, 0.01])
        let points = try sweep.run()
        #expect(points.allSatisfy { $0.divergedFolds == 2 }, "\(points.map(\.divergedFolds))")
        #expect(Sweep<InMemorySource>.chosen(points) == nil)
    }
}
