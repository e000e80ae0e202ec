/// Why a phase could not run.
public struct TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A network, its data, its settings and its optimizer state, stepped one phase at a time.
///
/// A value type: copying a `Trainer` copies the whole training state (this is `undo`).
public struct Trainer<T: Scalar>: Equatable, Sendable, Codable {
    public internal(set) var network: Network<T>
    public private(set) var data: Dataset<T>
    /// Changing what the forward, loss, penalty or gradient phase computes (loss, penalties,
    /// batch size, seed) restarts the update under way; η, μ and the L1 mode act only in
    /// the update phase and do not.
    public var settings: TrainingSettings<T> {
        didSet {
            if settings.changesComputedPhases(comparedTo: oldValue) { progress = UpdateProgress() }
        }
    }
    /// SGD momentum buffers, shaped like the parameters.
    public var velocities: [DenseGradient<T>]
    /// Adam's moments m, v and step count t (empty until the first Adam step).
    public var adamState: AdamState<T>
    /// Updates completed so far.
    public internal(set) var updateCount: Int
    /// The phases of the update under way.
    public internal(set) var progress: UpdateProgress<T>
    /// The phases of the last completed update.
    public internal(set) var lastUpdate: UpdateProgress<T>
    /// What the last completed update started from besides its network; nil when `lastUpdate` is empty.
    public internal(set) var lastUpdateStart: UpdateStart<T>?

    public init(network: Network<T>, data: Dataset<T>, settings: TrainingSettings<T>) {
        self.network = network
        self.data = data
        self.settings = settings
        velocities = Self.zeroVelocities(for: network)
        adamState = AdamState()
        updateCount = 0
        progress = UpdateProgress()
        lastUpdate = UpdateProgress()
        lastUpdateStart = nil
    }

    static func zeroVelocities(for network: Network<T>) -> [DenseGradient<T>] {
        network.layers.map { DenseGradient.zeros(like: $0) }
    }

    /// The phase `advance()` runs next.
    public var nextPhase: Phase { progress.nextPhase }

    /// The most recent record of each phase: from the update under way where that phase
    /// has run, else from the last completed update.
    public var latest: UpdateProgress<T> {
        var result = lastUpdate
        if let forward = progress.forward { result.forward = forward }
        if let loss = progress.loss { result.loss = loss }
        if let penalty = progress.penalty { result.penalty = penalty }
        if let gradient = progress.gradient { result.gradient = gradient }
        return result
    }

    /// The phases to show as one trace: the update under way if it has begun, else the last one.
    public var currentTrace: UpdateProgress<T> {
        progress.isEmpty ? lastUpdate : progress
    }

    /// Sets one parameter, reviving its link if it was dead, and restarts the update under way.
    public mutating func setParameter(_ parameter: ParameterID, to value: T) {
        network[parameter] = value
        network.revive(parameter)
        progress = UpdateProgress()
    }

    /// Replaces the data set, restarting the update under way.
    public mutating func replaceData(_ data: Dataset<T>) {
        self.data = data
        progress = UpdateProgress()
    }

    /// Forgets the phases of the update under way.
    public mutating func discardProgress() {
        progress = UpdateProgress()
    }

    /// Forgets the records of the update under way and of the last update, keeping the
    /// parameters, optimizer state, settings and update count (what an undo snapshot needs).
    public mutating func discardRecords() {
        progress = UpdateProgress()
        lastUpdate = UpdateProgress()
        lastUpdateStart = nil
    }

    /// Replaces the network, resetting the momentum buffers and the update count and
    /// forgetting the records of the old one (the update under way and the last update).
    public mutating func replaceNetwork(_ network: Network<T>) {
        self.network = network
        velocities = Self.zeroVelocities(for: network)
        updateCount = 0
        adamState = AdamState()
        progress = UpdateProgress()
        lastUpdate = UpdateProgress()
        lastUpdateStart = nil
    }

    /// Why the next phase cannot run, or nil.
    public var problem: String? {
        if data.featureCount != network.inputCount {
            return "the data has \(data.featureCount) inputs but the network takes \(network.inputCount)"
        }
        if data.targetCount != network.outputCount {
            return "the data has \(data.targetCount) targets but the network has \(network.outputCount) outputs"
        }
        if let conflict = SettingsConflict.of(batchNorm: network.hasBatchNorm, under: settings.optimizer) {
            return settings.problem(conflict)
        }
        if let batchSize = settings.batchSize, batchSize < 1 || batchSize > data.sampleCount {
            return "batch \(batchSize) is not in 1…\(data.sampleCount), the number of samples"
        }
        if let problem = settings.problem(layerCount: network.layers.count) { return problem }
        return settings.loss.incompatibility(output: network.layers.last?.activation ?? .identity,
                                             outputCount: network.outputCount)
    }

    /// Row indices of the batch of update number `updateCount` (from 0).
    ///
    /// Full batch: all rows in order. Minibatches of B: each epoch of ⌈n/B⌉ updates walks a
    /// permutation drawn from the stream (seed, batch order, epoch), B rows at a time (the last one may be shorter).
    public func batchIndices(forUpdate index: Int) -> [Int] {
        let n = data.sampleCount
        guard let size = settings.batchSize, size < n else { return Array(0..<n) }
        let perEpoch = (n + size - 1) / size
        let epoch = index / perEpoch
        let position = index % perEpoch
        var generator = RandomStream.generator(seed: settings.seed, purpose: .batchOrder, index: epoch)
        let order = generator.permutation(count: n)
        return Array(order[(position * size)..<min((position + 1) * size, n)])
    }

    /// Runs the next phase and returns its record.
    @_specialize(exported: true, where T == Double)
    public mutating func advance() throws(TrainingError) -> PhaseRecord<T> {
        if let problem { throw TrainingError(problem) }
        switch progress.nextPhase {
        case .forward:
            let batch = batchIndices(forUpdate: updateCount)
            if batch.count == 1 && network.hasBatchNorm { throw TrainingError(Self.singleSampleBatchNorm(samples: data.sampleCount, batchSize: settings.batchSize)) }
            let x = data.inputs.selectingRows(batch)
            let layers = network.forward(x, mode: settings.trainingMode(forUpdate: updateCount))
            let record = ForwardRecord(batch: batch, layers: layers, targets: data.targets.selectingRows(batch),
                                       network: network)
            progress.forward = record
            return .forward(record)
        case .loss:
            let forward = progress.forward!
            let smoothing = settings.labelSmoothing
            let targets = smoothing == 0 ? forward.targets : Loss.smoothedTargets(forward.targets, epsilon: smoothing)
            var record = settings.loss.evaluate(output: forward.layers[forward.layers.count - 1],
                                                activation: network.layers[network.layers.count - 1].activation,
                                                target: targets)
            if smoothing != 0 {
                record.smoothing = smoothing
                record.smoothedTargets = targets
            }
            progress.loss = record
            return .loss(record)
        case .penalty:
            let record = settings.regularization.evaluate(network)
            progress.penalty = record
            return .penalty(record)
        case .gradient:
            let forward = progress.forward!
            let outputLayer = network.layers[network.layers.count - 1]
            let dz = settings.loss.outputZGradient(output: forward.layers[forward.layers.count - 1],
                                                   activation: outputLayer.activation,
                                                   target: progress.loss?.smoothedTargets ?? forward.targets)
            let (data, batchNorm, hidden) = network.backwardThroughBatchNorm(forward.layers, outputZGradient: dz, recordingHidden: true)
            let record = GradientRecord(outputZGradient: dz, data: data, penalty: settings.regularization.gradient(network),
                                        batchNorm: network.hasBatchNorm ? batchNorm : nil, hidden: hidden)
            progress.gradient = record
            return .gradient(record)
        case .update:
            let start = UpdateStart(settings: settings, velocities: velocities, adamState: adamState, index: updateCount)
            let record = applyUpdate(progress.gradient!)
            network.keepRunningStatistics(of: progress.forward!.layers)
            progress.update = record
            lastUpdate = progress
            lastUpdateStart = start
            progress = UpdateProgress()
            updateCount += 1
            return .update(record)
        }
    }

    /// Runs the remaining phases of the update under way (all five if none has run).
    public mutating func finishUpdate() throws(TrainingError) -> [PhaseRecord<T>] {
        var records: [PhaseRecord<T>] = []
        repeat {
            records.append(try advance())
        } while !progress.isEmpty
        return records
    }
}

extension Trainer {
    enum CodingKeys: String, CodingKey {
        case network, data, settings, velocities, adamState, updateCount
    }

    /// Decodes a trainer's state; sessions saved before Adam existed get empty moments. Files
    /// of version 1 also hold `progress` and `lastUpdate`: they are not read (`UpdateReplay`
    /// computes the records again instead).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        network = try container.decode(Network<T>.self, forKey: .network)
        data = try container.decode(Dataset<T>.self, forKey: .data)
        settings = try container.decode(TrainingSettings<T>.self, forKey: .settings)
        velocities = try container.decode([DenseGradient<T>].self, forKey: .velocities)
        adamState = try container.decodeIfPresent(AdamState<T>.self, forKey: .adamState) ?? AdamState()
        updateCount = try container.decode(Int.self, forKey: .updateCount)
        progress = UpdateProgress()
        lastUpdate = UpdateProgress()
        lastUpdateStart = nil
    }

    /// Encodes the state only: parameters, data, settings, optimizer state and update count,
    /// never the records, whose size follows the trace rather than the parameters.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(network, forKey: .network)
        try container.encode(data, forKey: .data)
        try container.encode(settings, forKey: .settings)
        try container.encode(velocities, forKey: .velocities)
        try container.encode(adamState, forKey: .adamState)
        try container.encode(updateCount, forKey: .updateCount)
    }
}
