import Engine
import Testing
import TestSupport

/// Inverted dropout and Gaussian input noise: masks, scale, backward, modes, determinism.
@Suite struct DropoutTests {
    @Test func handExampleKeepsAndScales() {
        // p = 0.5: s = 1/(1 − 0.5) = 2; x = [1, 2, 3, 4] with m = [1, 0, 0, 1] → [2, 0, 0, 8].
        let record = DropoutRecord<Double>(rate: 0.5, mask: Matrix([[1, 0, 0, 1]]))
        #expect(record.scale == 2)
        #expect(record.apply(Matrix([[1, 2, 3, 4]])) == Matrix([[2, 0, 0, 8]]))
        // The backward pass uses the same mask and scale: dx = m ⊙ dx̃ · s.
        #expect(record.backward(Matrix([[0.5, 0.5, 0.5, 0.5]])) == Matrix([[1, 0, 0, 1]]))
        #expect(record.keptCount(row: 0) == 2)
    }

    @Test func maskKeepsAboutOneMinusP() {
        // 20,000 draws with p = 0.3: the kept fraction's standard deviation is √(0.21/20000) ≈ 0.0032;
        // 0.02 is over six of them.
        var generator = SplitMix64(seed: 42)
        let record = DropoutRecord<Double>(rate: 0.3, shape: Matrix(rows: 100, columns: 200), generator: &generator)
        let kept = record.mask.storage.filter { $0 == 1 }.count
        #expect(record.mask.storage.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(abs(Double(kept) / 20_000 - 0.7) < 0.02)
        #expect(isClose(record.scale, 1 / 0.7, absolute: 0, relative: 1e-15))
    }

    @Test func gaussianNoiseHasMeanZeroAndDeviationSigma() {
        // 20,000 draws of 0.5·N(0, 1): the sample mean's standard error is 0.0035.
        var generator = SplitMix64(seed: 9)
        let noise = Matrix<Double>(rows: 100, columns: 200).gaussianNoise(sigma: 0.5, generator: &generator)
        let mean = noise.storage.reduce(0, +) / 20_000
        let deviation = (noise.storage.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20_000).squareRoot()
        #expect(abs(mean) < 0.02)
        #expect(abs(deviation - 0.5) < 0.02)
    }

    static let network = Network<Double>(layers: [
        Dense(weights: Matrix([[0.5, -0.4, 0.3], [0.2, 0.6, -0.5]]), bias: [0.1, -0.05, 0.2], activation: .tanh),
        Dense(weights: Matrix([[0.9], [-0.6], [0.4]]), bias: [0.05], activation: .identity),
    ])
    static let inputs = Matrix<Double>([[1, 0.5], [0.2, -0.3], [-0.6, 1.0], [0.9, 0.7]])
    static let targets = Matrix<Double>([[1.0], [0.2], [-0.5], [0.8]])

    @Test func inferenceUsesNoMaskAndNoNoise() {
        let noise = NoiseInjection<Double>(inputDropout: 0.5, hiddenDropout: 0.5, inputNoise: 0.3)
        let plain = Self.network.forward(Self.inputs)
        let inference = Self.network.forward(Self.inputs, mode: .inference)
        let training = Self.network.forward(Self.inputs, mode: .training(noise, generator: SplitMix64(seed: 1)))
        #expect(plain == inference)
        #expect(inference[0].dropout == nil && inference[0].noise == nil && inference[1].dropout == nil)
        #expect(training[0].noise != nil && training[0].dropout != nil && training[1].dropout != nil)
        #expect(training[1].a != inference[1].a)
        // The recorded pieces reproduce the layer's input: x̃ = m ⊙ (x + noise)·s.
        let noisy = Self.inputs.combined(with: training[0].noise!, +)
        #expect(training[0].input == training[0].dropout!.apply(noisy))
        #expect(training[0].source == Self.inputs)
        // The hidden layer's dropout acts on the first layer's a.
        #expect(training[1].input == training[1].dropout!.apply(training[0].a))
    }

    @Test func backwardWithAFixedMaskMatchesFiniteDifferences() throws {
        // The same generator seed in every forward pass gives the same masks, so J is a
        // smooth function of the parameters and central differences apply.
        let mode = ForwardMode<Double>.training(NoiseInjection(inputDropout: 0.25, hiddenDropout: 0.5, inputNoise: 0.1),
                                                generator: SplitMix64(seed: 7))
        try checkGradients(Self.network, mode: mode)
    }

    @Test func sameSeedSameMasksOtherUpdateOtherMasks() throws {
        var settings = TrainingSettings<Double>(seed: 3, loss: .meanSquaredError,
                                                noise: NoiseInjection(inputDropout: 0.5, hiddenDropout: 0.5))
        let data = Dataset(name: "t", inputs: Self.inputs, targets: Self.targets)
        var first = Trainer(network: Self.network, data: data, settings: settings)
        var second = first
        _ = try first.finishUpdate()
        _ = try second.finishUpdate()
        #expect(first == second)
        _ = try first.advance()
        #expect(first.progress.forward!.layers[0].dropout!.mask != first.lastUpdate.forward!.layers[0].dropout!.mask)
        settings.seed = 4
        var other = Trainer(network: Self.network, data: data, settings: settings)
        _ = try other.advance()
        #expect(other.progress.forward!.layers[0].dropout!.mask != second.lastUpdate.forward!.layers[0].dropout!.mask)
    }
}

/// Checks `Network.backward` against central differences of J_data (mean squared error)
/// in every parameter, weights, biases, γ and β, with the forward pass in `mode`.
func checkGradients(_ network: Network<Double>, mode: ForwardMode<Double>,
                    inputs: Matrix<Double> = DropoutTests.inputs, targets: Matrix<Double> = DropoutTests.targets,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    func loss(_ network: Network<Double>) -> Double {
        let caches = network.forward(inputs, mode: mode)
        return Loss.meanSquaredError.evaluate(output: caches[caches.count - 1], activation: .identity, target: targets).value
    }
    let caches = network.forward(inputs, mode: mode)
    let dz = Loss.meanSquaredError.outputZGradient(output: caches[caches.count - 1], activation: .identity, target: targets)
    let gradients = network.backward(caches, outputZGradient: dz)
    var ids: [ParameterID] = []
    for (index, layer) in network.layers.enumerated() {
        for row in 0..<layer.inputCount { for column in 0..<layer.outputCount { ids.append(.weight(layer: index, row, column)) } }
        for column in 0..<layer.outputCount { ids.append(.bias(layer: index, column)) }
        if layer.batchNorm != nil {
            for column in 0..<layer.outputCount { ids.append(.gamma(layer: index, column)); ids.append(.beta(layer: index, column)) }
        }
    }
    for id in ids {
        let numeric = centralDifference(at: network[id]) { value in
            var shifted = network
            shifted[id] = value
            return loss(shifted)
        }
        let gradient = gradients[id.layer]
        let analytic: Double = switch id.kind {
        case .weight: gradient.weights[id.row, id.column]
        case .bias: gradient.bias[id.column]
        case .gamma: try #require(gradient.normalization).gamma[id.column]
        case .beta: try #require(gradient.normalization).beta[id.column]
        }
        #expect(isClose(analytic, numeric, absolute: 1e-8, relative: 1e-6), "\(id.name): \(analytic) vs \(numeric)",
                sourceLocation: sourceLocation)
    }
}
