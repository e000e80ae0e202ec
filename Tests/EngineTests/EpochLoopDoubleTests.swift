import Engine
import Testing

/// The training loop in Double on a `Dataset`, as step mode's `fit` would call it.
@Suite struct EpochLoopDoubleTests {
    /// Blobs, 9 rows trained, 3 validated, batch 3, patience 2: each record's validation
    /// J_data is the network's loss on the validation rows after that epoch; the network kept
    /// is the best epoch's.
    @Test func stepModeDataTrainsStopsAndRestores() {
        let data = BuiltinDataset.blobs.dataset(as: Double.self)
        let training = data.selectingRows([0, 1, 2, 3, 6, 7, 8, 9, 10]), validation = data.selectingRows([4, 5, 11])
        var generator = SplitMix64(seed: 5)
        let network = Network<Double>(BuiltinDataset.blobs.suggestedArchitecture, generator: &generator)
        var state = TrainingState(network: network, settings: TrainingSettings<Double>(learningRate: 2, batchSize: 3, seed: 5,
                                                                                        loss: .crossEntropy))
        var networks: [Network<Double>] = []
        let run = EpochLoop<Double>(epochs: 40, patience: 2).run(
            &state, rows: Array(0..<training.sampleCount),
            batch: { _ in { rows in (training.inputs.selectingRows(Array(rows)), training.targets.selectingRows(Array(rows))) } },
            evaluate: { network, _ in
                networks.append(network)
                return network.dataLoss(on: validation, loss: .crossEntropy)
            },
            validationLoss: { $0 })
        #expect(run.stop == nil)
        #expect(run.records == networks.map { $0.dataLoss(on: validation, loss: .crossEntropy) })
        #expect(run.stopping.history == run.records)
        let best = run.records.indices.min { run.records[$0] < run.records[$1] }! + 1
        #expect(run.restoredEpoch == best && state.network == networks[best - 1])
        #expect(run.stoppedEarly == (run.records.count < 40))
    }
}
