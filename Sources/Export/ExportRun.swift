import Engine

/// One update as regsim computed it: what an exported script feeds in and must reproduce.
public struct RecordedUpdate: Equatable, Sendable {
    /// The rows of the batch, in regsim's order.
    public var batch: [Int]
    /// Each layer input's dropout mask m (1 kept, 0 dropped), (batch, inputs); nil where no dropout.
    public var masks: [Matrix<Double>?]
    /// σ·N(0, 1) added to the data in this update, (batch, inputs); nil without input noise.
    public var noise: Matrix<Double>?
    /// J_data of the update's forward pass (before the step).
    public var dataLoss: Double
    /// Ω of the parameters before the step.
    public var penalty: Double
    /// Every parameter after the step, in `ExportRun.parameterNames` order.
    public var parameters: [Double]
}

/// Why a session cannot be exported.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// A starting state and the updates regsim computed from it: the whole of what an exported
/// script reproduces. The updates are computed again here on a copy (training is
/// deterministic: the same state and settings give the same numbers), so no session changes.
public struct ExportRun: Sendable {
    /// The state the script starts from: parameters, settings, data, momentum buffers.
    public var start: Trainer<Double>
    public var updates: [RecordedUpdate]

    /// Replays `count` updates from `start`.
    public init(start: Trainer<Double>, updateCount count: Int) throws(ExportError) {
        if start.adamState.stepCount != 0 {
            throw ExportError("the exported updates would start with Adam's moments from earlier updates (t = \(start.adamState.stepCount)); start from fresh moments (net or reinit), then update")
        }
        if start.network.layers.contains(where: { $0.l1Memory.map { $0.deadCount > 0 || $0.offered != 0 } ?? false }) {
            throw ExportError("the exported updates would start with L1 memory (dead links or cumulative sums) from earlier updates; start from a fresh network (reinit), then update")
        }
        if let problem = start.problem { throw ExportError(problem) }
        self.start = start
        var trainer = start
        trainer.discardProgress()
        var updates: [RecordedUpdate] = []
        for _ in 0..<count {
            let records: [PhaseRecord<Double>]
            do { records = try trainer.finishUpdate() } catch { throw ExportError(error.message) }
            var update = RecordedUpdate(batch: [], masks: [], noise: nil, dataLoss: 0, penalty: 0, parameters: [])
            for record in records {
                switch record {
                case .forward(let forward):
                    update.batch = forward.batch
                    update.masks = forward.layers.map { $0.dropout?.mask }
                    update.noise = forward.layers.first?.noise
                case .loss(let loss): update.dataLoss = loss.value
                case .penalty(let penalty): update.penalty = penalty.total
                default: break
                }
            }
            update.parameters = Self.parameterNames(of: trainer.network).map { trainer.network[$0] }
            updates.append(update)
        }
        self.updates = updates
    }

    /// The run that reproduces the session's updates: from the oldest state in `history`
    /// (the states before each update, oldest first) from which regsim's updates under the
    /// current settings lead, without any other change, to `current`; then `extra` updates more.
    public static func session(history: [Trainer<Double>], current: Trainer<Double>, extra: Int) throws(ExportError) -> ExportRun {
        var start = current
        for earlier in history.reversed() {
            guard earlier.settings == current.settings, earlier.data == current.data else { break }
            var replayed = earlier
            replayed.discardProgress()
            guard (try? replayed.finishUpdate()) != nil, replayed.network == start.network,
                  replayed.velocities == start.velocities, replayed.adamState == start.adamState else { break }
            start = earlier
        }
        let done = current.updateCount - start.updateCount
        let total = done + extra
        return try ExportRun(start: start, updateCount: total == 0 ? 1 : total)
    }

    /// Every parameter, layer by layer: W (row-major, (inputs, outputs)), b, γ, β.
    public static func parameterNames(of network: Network<Double>) -> [ParameterID] {
        var names: [ParameterID] = []
        for (index, layer) in network.layers.enumerated() {
            for row in 0..<layer.inputCount {
                for column in 0..<layer.outputCount { names.append(.weight(layer: index, row, column)) }
            }
            if layer.hasBias { names += (0..<layer.outputCount).map { .bias(layer: index, $0) } }
            if let batchNorm = layer.batchNorm {
                names += (0..<batchNorm.unitCount).map { .gamma(layer: index, $0) }
                names += (0..<batchNorm.unitCount).map { .beta(layer: index, $0) }
            }
        }
        return names
    }

    public var parameterNames: [ParameterID] { Self.parameterNames(of: start.network) }
}
