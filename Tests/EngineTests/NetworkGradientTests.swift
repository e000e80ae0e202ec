import Engine
import Testing
import TestSupport

/// Backpropagation (`Network.backward` from `Loss.outputZGradient`) against central
/// differences of J_data in every weight and bias.
@Suite struct NetworkGradientTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var network: Network<Double>
        var inputs: Matrix<Double>
        var targets: Matrix<Double>
        var loss: Loss
        var testDescription: String { name }
    }

    /// A seeded network whose biases are then set to non-zero values (fresh biases are 0,
    /// which would leave bias bugs that multiply by b unseen).
    static func seeded(_ architecture: Architecture, seed: UInt64) -> Network<Double> {
        var generator = SplitMix64(seed: seed)
        var network = Network<Double>(architecture, generator: &generator)
        for index in network.layers.indices where network.layers[index].hasBias {
            for column in network.layers[index].bias.indices {
                network.layers[index].bias[column] = generator.nextUniform(from: -0.5, to: 0.5)
            }
        }
        return network
    }

    /// 3-4-1, relu then identity, weights chosen by hand so that every hidden pre-activation
    /// is at least 0.04 away from relu's kink (checked in the test), with units on and off.
    static let reluNetwork = Network<Double>(layers: [
        Dense(weights: Matrix([[0.5, -0.4, 0.3, 0.8], [0.2, 0.6, -0.5, -0.3], [-0.7, 0.1, 0.4, 0.5]]),
              bias: [0.1, -0.05, 0.2, -0.1], activation: .relu),
        Dense(weights: Matrix([[0.9], [-0.6], [0.4], [0.7]]), bias: [0.05], activation: .identity),
    ])

    static let cases: [Case] = [
        Case(name: "2-3-2 tanh, softmax, xent",
             network: seeded(Architecture(sizes: [2, 3, 2], hidden: .tanh, output: .softmax), seed: 3),
             inputs: Matrix([[-1, -0.5], [1.5, 0], [0.25, -0.75], [-0.25, 0.75]]),
             targets: Matrix([[1, 0], [0, 1], [1, 0], [0, 1]]), loss: .crossEntropy),
        Case(name: "3-4-1 relu, identity, mse", network: reluNetwork,
             inputs: Matrix([[1, 0.5, -1], [0.2, -0.3, 0.8], [-0.6, 1.0, 0.4], [0.9, 0.7, 0.3]]),
             targets: Matrix([[1.0], [0.2], [-0.5], [0.8]]), loss: .meanSquaredError),
        Case(name: "2-2-1 tanh, sigmoid, binary xent (xor)",
             network: seeded(Architecture(sizes: [2, 2, 1], hidden: .tanh, output: .sigmoid), seed: 8),
             inputs: Matrix([[0, 0], [0, 1], [1, 0], [1, 1]]),
             targets: Matrix([[0], [1], [1], [0]]), loss: .crossEntropy),
        Case(name: "3-4-2 sigmoid, sigmoid, mse",
             network: seeded(Architecture(sizes: [3, 4, 2], hidden: .sigmoid, output: .sigmoid), seed: 21),
             inputs: Matrix([[1, 0, 2], [0, 1, 1], [2, 1, 0]]),
             targets: Matrix([[1, 0], [0, 1], [0.5, 0.5]]), loss: .meanSquaredError),
        Case(name: "2-3-3-3 tanh, softmax, xent (two hidden layers)",
             network: seeded(Architecture(sizes: [2, 3, 3, 3], hidden: .tanh, output: .softmax), seed: 5),
             inputs: Matrix([[0.5, -1], [1, 1], [-0.3, 0.2]]),
             targets: Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]), loss: .crossEntropy),
        Case(name: "2-3-1 no bias, tanh, identity, mse",
             network: seeded(Architecture(sizes: [2, 3, 1], hidden: .tanh, output: .identity, hasBias: false), seed: 13),
             inputs: Matrix([[0.5, -1], [1, 1], [-0.3, 0.2]]),
             targets: Matrix([[0.2], [-0.4], [1.0]]), loss: .meanSquaredError),
    ]

    @Test(arguments: cases)
    func backpropagationMatchesFiniteDifferences(_ testCase: Case) throws {
        let network = testCase.network
        let caches = network.forward(testCase.inputs)
        for (index, layer) in network.layers.enumerated() where layer.activation == .relu {
            let margin = caches[index].z.storage.map(abs).min() ?? 0
            try #require(margin > 0.01, "a relu pre-activation sits too close to 0 for finite differences")
        }
        let outputLayer = network.layers[network.layers.count - 1]
        let dz = testCase.loss.outputZGradient(output: caches[caches.count - 1], activation: outputLayer.activation,
                                               target: testCase.targets)
        let gradients = network.backward(caches, outputZGradient: dz)
        #expect(gradients.count == network.layers.count)
        for (index, layer) in network.layers.enumerated() {
            #expect(gradients[index].weights.rows == layer.inputCount && gradients[index].weights.columns == layer.outputCount)
            #expect(gradients[index].bias.count == layer.outputCount)
        }
        let ids = parameterIDs(of: network)
        for id in ids {
            let numeric = centralDifference(at: network[id]) { value in
                var shifted = network
                shifted[id] = value
                return dataLoss(shifted, inputs: testCase.inputs, targets: testCase.targets, loss: testCase.loss)
            }
            let analytic = entry(gradients, id)
            #expect(isClose(analytic, numeric, absolute: 1e-9, relative: 1e-6),
                    "\(testCase.name) \(id.name): backprop \(analytic) vs numeric \(numeric)")
        }
        // A layer without bias reports a zero bias gradient (its bias is never updated).
        for (index, layer) in network.layers.enumerated() where !layer.hasBias {
            #expect(gradients[index].bias.allSatisfy { $0 == 0 })
        }
    }

    @Test(arguments: cases)
    func trainerGradientPhaseIsBackpropagation(_ testCase: Case) throws {
        // The trainer's gradient record is the same arithmetic as the layer API, bit for bit,
        // and its penalty part is `Regularization.gradient`.
        let data = Dataset(name: testCase.name, inputs: testCase.inputs, targets: testCase.targets)
        let regularization = Regularization<Double>(global: PenaltyTerm(l1: 0.01, l2: 0.02))
        var trainer = Trainer(network: testCase.network, data: data,
                              settings: TrainingSettings(loss: testCase.loss, regularization: regularization))
        for _ in 0..<3 { _ = try trainer.advance() }
        guard case .gradient(let record) = try trainer.advance() else {
            Issue.record("the fourth phase is not the gradient phase")
            return
        }
        let caches = testCase.network.forward(testCase.inputs)
        let dz = testCase.loss.outputZGradient(output: caches[caches.count - 1],
                                               activation: testCase.network.layers.last!.activation, target: testCase.targets)
        #expect(record.outputZGradient == dz)
        #expect(record.data == testCase.network.backward(caches, outputZGradient: dz))
        #expect(record.penalty == regularization.gradient(testCase.network))
    }

    @Test func denseLayerBackwardByHand() {
        // One layer, one sample, identity: z = x·W + b; dW = xᵀ·dz, db = dz, dx = dz·Wᵀ.
        // x = (1, 2), dz = (3, −1): dW = [[3, −1], [6, −2]], db = (3, −1),
        // dx = (3·0.5 + (−1)·(−1), 3·2 + (−1)·0.25) = (2.5, 5.75).
        let layer = Dense<Double>(weights: Matrix([[0.5, -1], [2, 0.25]]), bias: [0.1, 0.2], activation: .identity)
        let cache = layer.forward(Matrix([[1, 2]]))
        // z = (0.5 + 4 + 0.1, −1 + 0.5 + 0.2) = (4.6, −0.3)
        #expect(isClose(cache.z[0, 0], 4.6, absolute: 0, relative: 1e-15))
        #expect(isClose(cache.z[0, 1], -0.3, absolute: 0, relative: 1e-15))
        let (parameters, input) = layer.backward(cache, zGradient: Matrix([[3, -1]]))
        #expect(parameters.weights == Matrix([[3, -1], [6, -2]]))
        #expect(parameters.bias == [3, -1])
        #expect(input == Matrix([[2.5, 5.75]]))
        // The first layer's dx is never used: skipped on request, the rest unchanged.
        let skipped = layer.backward(cache, zGradient: Matrix([[3, -1]]), needsInputGradient: false)
        #expect(skipped.input == nil && skipped.parameters == parameters)
    }
}
