import Engine
import Testing

@Suite struct EarlyStoppingTests {
    /// By hand, patience 3: epochs 1, 2 improve (1.0, 0.8); 3 does not (0.9: count 1);
    /// 4 improves (0.7: best epoch 4, count 0); 5, 6, 7 do not (0.75, 0.72, 0.71: count 1, 2, 3)
    /// → stop after epoch 7 and restore epoch 4; epoch 8's 0.6 is never seen.
    @Test func aHandSequenceStopsWhereComputedByHand() {
        var stopping = EarlyStopping<Int>(patience: 3)
        let losses = [1.0, 0.8, 0.9, 0.7, 0.75, 0.72, 0.71, 0.6]
        var decisions: [EarlyStopping<Int>.Decision] = []
        for (index, loss) in losses.enumerated() {
            let decision = stopping.observe(loss, model: index + 1)
            decisions.append(decision)
            if decision == .stop { break }
        }
        #expect(decisions == [.improved, .improved, .noImprovement(count: 1), .improved,
                              .noImprovement(count: 1), .noImprovement(count: 2), .stop])
        #expect(stopping.epoch == 7)
        #expect(stopping.bestEpoch == 4 && stopping.bestModel == 4 && stopping.bestLoss == 0.7)
        #expect(stopping.hasStopped)
        #expect(stopping.history == Array(losses.prefix(7)))
    }

    @Test func equalAndNaNLossesAreNoImprovement() {
        var stopping = EarlyStopping<String>(patience: 2)
        #expect(stopping.observe(.nan, model: "a") == .noImprovement(count: 1))
        #expect(stopping.bestEpoch == nil && stopping.bestLoss == .infinity)
        #expect(stopping.observe(0.5, model: "b") == .improved)
        #expect(stopping.observe(0.5, model: "c") == .noImprovement(count: 1))
        #expect(stopping.observe(.nan, model: "d") == .stop)
        #expect(stopping.bestModel == "b" && stopping.bestEpoch == 2)
    }

    @Test func patienceOneStopsAtTheFirstWorseEpoch() {
        var stopping = EarlyStopping<Int>(patience: 1)
        #expect(stopping.observe(3, model: 1) == .improved)
        #expect(stopping.observe(2, model: 2) == .improved)
        #expect(stopping.observe(2.5, model: 3) == .stop)
        #expect(stopping.bestEpoch == 2)
    }

    /// The kept network is the one after the best epoch, bit for bit, although training went on.
    @Test func theRestoredNetworkIsTheBestEpochsBitForBit() {
        var generator = SplitMix64(seed: 4)
        var network = Network<Double>(Architecture(sizes: [2, 3, 2], hidden: .tanh, output: .softmax), generator: &generator)
        let data = BuiltinDataset.blobs.dataset(as: Double.self)
        let settings = TrainingSettings<Double>(learningRate: 2, seed: 4, loss: .crossEntropy)
        var velocities = network.layers.map {
            DenseGradient<Double>(weights: Matrix(rows: $0.inputCount, columns: $0.outputCount), bias: Array(repeating: 0, count: $0.outputCount))
        }
        var stopping = EarlyStopping<Network<Double>>(patience: 2)
        var snapshots: [Network<Double>] = []
        // A made-up validation curve that is best at epoch 3, so the run goes on after it.
        for loss in [0.9, 0.8, 0.3, 0.5, 0.6] {
            _ = network.train(batch: data.inputs, targets: data.targets, settings: settings, velocities: &velocities)
            snapshots.append(network)
            if stopping.observe(loss, model: network) == .stop { break }
        }
        #expect(stopping.epoch == 5 && stopping.bestEpoch == 3)
        let best = try! #require(stopping.bestModel)
        #expect(best != network, "training changed the network after the best epoch")
        let bits = { (network: Network<Double>) in network.layers.flatMap { $0.weights.storage.map(\.bitPattern) + $0.bias.map(\.bitPattern) } }
        #expect(bits(best) == bits(snapshots[2]))
    }
}
