import Engine

/// A classifier being trained: the network, its momentum buffers, Adam's moments and the
/// settings, as one value (copy it to keep a snapshot). Model files store it.
public typealias Classifier = TrainingState<Float>

extension ClassificationSource {
    /// Rows `rows` as a training batch: x (rows, features) and one-hot targets (rows, classes).
    public func trainingBatch(_ rows: ArraySlice<Int>) -> (inputs: Matrix<Float>, targets: Matrix<Float>) {
        let (inputs, labels) = batch(rows)
        return (inputs, oneHot(labels, classCount: classCount))
    }
}

extension TrainingState where T == Float {
    /// Trains one epoch on `indices` of `source` (as the epoch sees it: augmented sources
    /// draw new transforms), then scores `validation`: `TrainingState.trainEpoch` on images.
    public mutating func trainEpoch<Source: ClassificationSource>(
        on source: Source, indices: [Int], validation: (Source, [Int]),
        shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in }
    ) throws(TrainingStop) -> EpochRecord {
        let epochSource = source.forEpoch(epochsCompleted + 1)
        let training = try trainEpoch(rows: indices, batch: epochSource.trainingBatch, shouldStop: shouldStop, progress: progress)
        return EpochRecord(training, network: network, settings: settings, validation: validation)
    }
}

extension EpochLoop where T == Float {
    /// The loop on `indices` of `source`, each epoch scored on `validation` (rows of its own
    /// source; none: NaN); early stopping watches the validation loss.
    public func run<Source: ClassificationSource>(
        _ classifier: inout Classifier, on source: Source, indices: [Int], validation: (Source, [Int]),
        shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in },
        onEpoch: (EpochRecord, EarlyStopping<Network<Float>>.Decision) -> Void = { _, _ in }
    ) -> TrainingRun<Float, EpochRecord> {
        let settings = classifier.settings
        return run(&classifier, rows: indices, batch: { source.forEpoch($0).trainingBatch },
                   evaluate: { network, training in
                       EpochRecord(training, network: network, settings: settings, validation: validation)
                   },
                   validationLoss: \.validationLoss, shouldStop: shouldStop, progress: progress, onEpoch: onEpoch)
    }
}
