/// What one epoch of minibatch updates did.
public struct EpochTraining: Sendable, Equatable {
    /// From 1
    public var epoch: Int
    /// Mean J_data over the epoch's batches, each taken before its update
    public var meanDataLoss: Double
    /// J_data of the epoch's first batch, before its update
    public var firstDataLoss: Double
    public var batchCount: Int
    /// Wall-clock seconds of the updates
    public var seconds: Double
}

extension TrainingState {
    /// Trains one epoch on `rows` in minibatches of `settings.batchSize` (nil: all), in a
    /// seeded order (the stream (seed, batch order, epoch), as step mode): one update per batch.
    ///
    /// - Parameters:
    ///   - batch: the inputs and targets of some rows: x (rows, inputs), targets (rows, outputs).
    ///   - shouldStop: polled after every batch; `.interrupted` leaves every completed batch's
    ///     update in the network.
    ///   - progress: called after every batch.
    /// - Throws: `.diverged` as soon as the data loss or a parameter is NaN or ±∞.
    ///
    /// Specialized for Float: `regsim train`, `experiment` and `sweep` call it from another
    /// module, where the generic body would run every matrix operation through generic
    /// dispatch (an epoch about 5× slower).
    @_specialize(exported: true, where T == Float)
    public mutating func trainEpoch(
        rows indices: [Int], batch: (ArraySlice<Int>) -> (inputs: Matrix<T>, targets: Matrix<T>),
        shouldStop: () -> Bool = { false }, progress: (BatchProgress) -> Void = { _ in }
    ) throws(TrainingStop) -> EpochTraining {
        let epoch = epochsCompleted + 1
        let batchSize = settings.batchSize ?? indices.count
        var generator = RandomStream.generator(seed: settings.seed, purpose: .batchOrder, index: epochsCompleted)
        let order = generator.permutation(count: indices.count).map { indices[$0] }
        let batchCount = (order.count + batchSize - 1) / batchSize
        let clock = ContinuousClock()
        let start = clock.now
        var lossSum = 0.0
        var firstLoss = Double.nan
        let firstUpdate = epochsCompleted * batchCount
        for batchIndex in 0..<batchCount {
            let rows = order[(batchIndex * batchSize)..<min((batchIndex + 1) * batchSize, order.count)]
            let (inputs, targets) = batch(rows)
            let outcome = network.train(batch: inputs, targets: targets, settings: settings, velocities: &velocities,
                                        adam: &adam, update: firstUpdate + batchIndex)
            if !outcome.dataLoss.isFinite || outcome.firstNonFinite != nil {
                throw .diverged(Divergence(epoch: epoch, batch: batchIndex + 1, symptom: .notFinite(outcome.firstNonFinite),
                                           cause: Divergence.cause(settings: settings, layerCount: network.layers.count)))
            }
            if batchIndex == 0 { firstLoss = Double(outcome.dataLoss) }
            lossSum += Double(outcome.dataLoss)
            progress(BatchProgress(epoch: epoch, batch: batchIndex + 1, batchCount: batchCount, dataLoss: lossSum / Double(batchIndex + 1)))
            if shouldStop() && batchIndex + 1 < batchCount {
                throw .interrupted(epoch: epoch, batch: batchIndex + 1)
            }
        }
        let seconds = (clock.now - start) / .seconds(1)
        epochsCompleted += 1
        return EpochTraining(epoch: epoch, meanDataLoss: lossSum / Double(max(1, batchCount)), firstDataLoss: firstLoss,
                             batchCount: batchCount, seconds: seconds)
    }
}
