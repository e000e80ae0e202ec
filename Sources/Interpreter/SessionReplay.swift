import Engine

/// What `save` writes instead of the phase records, whose size follows the trace (about 430
/// bytes a parameter for the last update alone): enough to compute them again on `load`.
///
/// - The update under way: how many of its phases had run. They depend only on the network,
///   data and settings, which the file holds, so `load` runs them again.
/// - The last update: the network and optimizer state before it, the settings it ran with,
///   its index and its batch (the rows themselves only when the data no longer holds them at
///   those indices, after `data` or `holdout`). `load` runs the update again on a copy.
///
/// Every field is checked before anything runs, so an edited file is refused, never run.
struct SessionReplay: Codable, Equatable {
    /// Phases of the update under way that had run: 0 (none) to 4 (forward to gradient).
    var phasesUnderWay: Int
    var lastUpdate: LastUpdate?

    struct LastUpdate: Codable, Equatable {
        /// The network before the update (its forward record's copy).
        var network: Network<Double>
        var start: UpdateStart<Double>
        /// The batch's row indices in the data, in the batch's order.
        var batch: [Int]
        /// The batch's inputs and targets, when the data no longer holds them at `batch`.
        var rows: Dataset<Double>?
    }

    /// What `trainer`'s records need: nothing of their own, only their inputs.
    init(_ trainer: Trainer<Double>) {
        phasesUnderWay = Phase.allCases.firstIndex(of: trainer.nextPhase) ?? 0
        guard let forward = trainer.lastUpdate.forward, let start = trainer.lastUpdateStart, let first = forward.layers.first else {
            lastUpdate = nil
            return
        }
        let data = trainer.data, batch = forward.batch
        let inputs = first.source ?? first.input
        let held = batch.allSatisfy { data.inputs.rows > $0 && $0 >= 0 }
            && data.inputs.selectingRows(batch) == inputs && data.targets.selectingRows(batch) == forward.targets
        lastUpdate = LastUpdate(network: forward.network, start: start, batch: batch,
                                rows: held ? nil : Dataset(name: "batch", inputs: inputs, targets: forward.targets))
    }

    /// Why running this on `session` (already checked by `consistencyProblem`) could fail or
    /// give records that do not fit the session's network, or nil.
    func problem(in session: Session) -> String? {
        if !(0...4).contains(phasesUnderWay) { return "the update under way has \(phasesUnderWay) phases done, not 0…4" }
        guard let last = lastUpdate else { return nil }
        let network = session.trainer.network, data = session.trainer.data
        if let problem = Session.networkProblem(last.network) { return "the last update's network: \(problem)" }
        if last.network.layers.count != network.layers.count || zip(last.network.layers, network.layers).contains(where: {
            $0.inputCount != $1.inputCount || $0.outputCount != $1.outputCount || $0.hasBias != $1.hasBias || ($0.batchNorm == nil) != ($1.batchNorm == nil)
        }) {
            return "the last update's network is not shaped like the network"
        }
        if let problem = Session.optimizerProblem(last.start.velocities, last.start.adamState, last.network)
            ?? Session.settingsProblem(last.start.settings, last.network) {
            return "the last update: \(problem)"
        }
        if last.start.index < 0 { return "the last update's index is \(last.start.index)" }
        if last.batch.isEmpty || last.batch.count > max(data.sampleCount, last.rows?.sampleCount ?? 0) {
            return "the last update's batch has \(last.batch.count) rows"
        }
        guard let rows = last.rows else {
            if last.batch.contains(where: { $0 < 0 || $0 >= data.sampleCount }) { return "the last update's batch names a sample that does not exist" }
            return nil
        }
        if rows.sampleCount != last.batch.count || rows.targets.rows != last.batch.count
            || rows.featureCount != network.inputCount || rows.targetCount != network.outputCount {
            return "the last update's rows are not \(last.batch.count) samples of \(network.inputCount)+\(network.outputCount) values"
        }
        if rows.inputs.storage.contains(where: { !$0.isFinite }) || rows.targets.storage.contains(where: { !$0.isFinite }) {
            return "the last update's rows hold a value that is not a finite number"
        }
        return nil
    }

    /// Computes the records again into `trainer`: the last update's, then the phases of the
    /// update under way. Call `problem(in:)` first.
    func restore(into trainer: inout Trainer<Double>) throws(TrainingError) {
        if let last = lastUpdate {
            let data = trainer.data
            let rows = last.rows ?? Dataset(name: "batch", inputs: data.inputs.selectingRows(last.batch),
                                            targets: data.targets.selectingRows(last.batch))
            let records = try Trainer.replayingUpdate(network: last.network, start: last.start, batch: last.batch,
                                                      inputs: rows.inputs, targets: rows.targets)
            trainer.restoreLastUpdate(records, start: last.start)
        }
        try trainer.replayPhases(phasesUnderWay)
    }
}
