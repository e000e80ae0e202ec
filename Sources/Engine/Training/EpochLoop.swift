/// The epochs of one training run, the same for every caller (`regsim train`, `experiment`,
/// `sweep`, the REPL's `fit`): per epoch the minibatch updates (`TrainingState.trainEpoch`),
/// the divergence checks, a validation pass, early stopping; at the end, the best epoch's
/// network restored. Emits records through callbacks; never prints.
///
/// Divergence is NaN or ±∞ in the loss or a parameter after any update, or a runaway: an
/// epoch whose mean data loss, though finite, exceeds `runawayFactor`·max(1, J₁), J₁ the
/// run's first batch loss (before any update: about ln K for K classes). Such a network is
/// no model: training stops as for NaN.
public struct EpochLoop<T: Scalar> {
    /// How many times the first batch's loss (at least 1) an epoch's mean may reach.
    public static var runawayFactor: Double { 1000 }

    /// Epochs to train at most (none when 0 or less).
    public var epochs: Int
    /// Early stopping's patience: stop after this many epochs without a lower validation
    /// loss and restore the best epoch's network (Prechelt 1998). nil: train every epoch and
    /// keep the last network (the best epoch is still reported).
    public var patience: Int?
    /// η of each epoch, from its index from 0 (nil: the settings' η throughout).
    public var learningRate: ((Int) -> T)?

    public init(epochs: Int, patience: Int? = nil, learningRate: ((Int) -> T)? = nil) {
        self.epochs = epochs
        self.patience = patience
        self.learningRate = learningRate
    }

    /// Trains `state` for up to `epochs` epochs on `rows`.
    ///
    /// Inlinable so that a caller in another module (Experiments' Float runs) specializes it
    /// and reaches the Float specialization of `trainEpoch`: through the generic body every
    /// matrix operation of every batch goes through generic dispatch (epochs about 5× slower).
    ///
    /// - Parameters:
    ///   - batch: the batch maker of an epoch (from 1): some rows' x (rows, inputs) and
    ///     targets (rows, outputs). Augmented data draws new transforms each epoch.
    ///   - evaluate: the epoch's record, from the network after it and its updates.
    ///   - validationLoss: the loss in a record that early stopping watches (NaN: none).
    ///   - shouldStop: polled after every batch and every epoch (Ctrl-C).
    ///   - progress: called after every batch.
    ///   - onEpoch: each record with early stopping's decision about it.
    /// - Returns: the records, why it stopped early (nil: it did not) and early stopping's
    ///   state. On `.diverged` the network is the broken one; otherwise, with a patience,
    ///   the best epoch's network is in `state` (and `epochsCompleted` is that epoch).
    @inlinable
    public func run<Record>(
        _ state: inout TrainingState<T>, rows: [Int],
        batch: (_ epoch: Int) -> (ArraySlice<Int>) -> (inputs: Matrix<T>, targets: Matrix<T>),
        evaluate: (Network<T>, EpochTraining) -> Record, validationLoss: (Record) -> Double,
        shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in },
        onEpoch: (Record, EarlyStopping<Network<T>>.Decision) -> Void = { _, _ in }
    ) -> TrainingRun<T, Record> {
        var run = TrainingRun<T, Record>(patience: patience)
        var firstLoss: Double?
        for index in 0..<max(0, epochs) {
            if let learningRate { state.settings.learningRate = learningRate(index) }
            let training: EpochTraining
            do {
                training = try state.trainEpoch(rows: rows, batch: batch(state.epochsCompleted + 1), shouldStop: shouldStop, progress: progress)
            } catch {
                run.stop = error
                break
            }
            // runaway: mean J_data > factor·max(1, J₁)
            let reference = firstLoss ?? training.firstDataLoss
            firstLoss = reference
            if training.meanDataLoss > Self.runawayFactor * max(1, reference) {
                run.stop = .diverged(Divergence(epoch: training.epoch, batch: training.batchCount,
                                                symptom: .runaway(meanLoss: training.meanDataLoss, firstLoss: reference),
                                                cause: Divergence.cause(settings: state.settings, layerCount: state.network.layers.count)))
                break
            }
            let record = evaluate(state.network, training)
            run.records.append(record)
            let decision = run.stopping.observe(validationLoss(record), model: state.network)
            onEpoch(record, decision)
            if shouldStop() {
                run.stop = .interrupted(epoch: training.epoch, batch: 0)
                break
            }
            if patience != nil && decision == .stop { break }
        }
        if case .diverged = run.stop { return run }
        if patience != nil, let best = run.stopping.bestModel, let bestEpoch = run.stopping.bestEpoch {
            state.network = best
            state.epochsCompleted = bestEpoch
            run.restoredEpoch = bestEpoch
        }
        return run
    }
}

/// What `EpochLoop.run` did.
public struct TrainingRun<T: Scalar, Record> {
    /// One per epoch completed (none for an epoch that diverged or was interrupted mid-way).
    public var records: [Record] = []
    /// Why the run ended before its last epoch, other than early stopping (nil: it did not).
    public var stop: TrainingStop?
    /// The validation losses seen, the best epoch and whether early stopping said stop
    /// (with patience Int.max when the run has none).
    public var stopping: EarlyStopping<Network<T>>
    /// The epoch whose network was restored at the end (nil: the last network is kept).
    public var restoredEpoch: Int?

    @usableFromInline
    init(patience: Int?) {
        stopping = EarlyStopping(patience: patience ?? Int.max)
    }

    /// Whether early stopping ended the run.
    public var stoppedEarly: Bool { stopping.hasStopped && stopping.patience != Int.max }
}
