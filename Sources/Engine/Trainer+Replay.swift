/// What an update started from besides its network (which its forward record keeps): the
/// settings it ran with, the optimizer state before it and its index. With the network and
/// the rows of its batch this is enough to compute the update's records again, which is how
/// a saved session restores them without storing them (their size follows the trace).
public struct UpdateStart<T: Scalar>: Equatable, Sendable, Codable {
    public var settings: TrainingSettings<T>
    /// SGD momentum buffers before the update.
    public var velocities: [DenseGradient<T>]
    /// Adam's m, v and t before the update.
    public var adamState: AdamState<T>
    /// The update's number from 0 (its record says index + 1): it draws the masks and noise.
    public var index: Int

    public init(settings: TrainingSettings<T>, velocities: [DenseGradient<T>], adamState: AdamState<T>, index: Int) {
        self.settings = settings
        self.velocities = velocities
        self.adamState = adamState
        self.index = index
    }
}

extension Trainer {
    /// The five records of update `start.index + 1` computed again: `network` as it was before
    /// the update, the rows `inputs`/`targets` of its batch in the batch's order, and `batch`
    /// the rows' indices in the data, as the forward record names them.
    ///
    /// Deterministic: the same phases `advance()` runs, with the masks and noise of
    /// (seed, update index); the batch is given, not drawn. Specialized for Double, as
    /// `advance()` is: the generic code runs many times slower.
    @_specialize(exported: true, where T == Double)
    public static func replayingUpdate(network: Network<T>, start: UpdateStart<T>, batch: [Int],
                                       inputs: Matrix<T>, targets: Matrix<T>) throws(TrainingError) -> UpdateProgress<T> {
        var settings = start.settings
        settings.batchSize = nil  // the rows given are the whole batch, in order
        var trainer = Trainer(network: network, data: Dataset(name: "batch", inputs: inputs, targets: targets), settings: settings)
        trainer.velocities = start.velocities
        trainer.adamState = start.adamState
        trainer.updateCount = start.index
        _ = try trainer.finishUpdate()
        var records = trainer.lastUpdate
        records.forward?.batch = batch
        return records
    }

    /// Puts back the last update's records and what it started from (`replayingUpdate`).
    public mutating func restoreLastUpdate(_ records: UpdateProgress<T>, start: UpdateStart<T>) {
        lastUpdate = records
        lastUpdateStart = start
    }

    /// Runs the first `count` phases (at most forward, loss, penalty, gradient) of the update
    /// under way again from the start: they depend only on the network, data and settings.
    @_specialize(exported: true, where T == Double)
    public mutating func replayPhases(_ count: Int) throws(TrainingError) {
        progress = UpdateProgress()
        for _ in 0..<min(count, Phase.allCases.count - 1) { _ = try advance() }
    }
}
