import Engine
import Testing

/// Fast training (`Network.train`, no records) and step mode (`Trainer`, every
/// intermediate recorded) are one engine: on the same batch they give the same bits.
@Suite struct FastPathAgreementTests {
    static let cases: [(String, TrainingSettings<Double>)] = {
        func settings(_ term: PenaltyTerm<Double>, mode: L1Mode = .subgradient, momentum: Double = 0,
                      convention: L2Convention = .article, biases: Bool = false, optimizer: Optimizer = .sgd,
                      weightDecay: Double = 0, maxNorm: Double? = nil, smoothing: Double = 0) -> TrainingSettings<Double> {
            TrainingSettings(learningRate: optimizer == .sgd ? 0.3 : 0.05, momentum: momentum, seed: 5, loss: .crossEntropy,
                             regularization: Regularization(global: term, includesBiases: biases,
                                                            convention: convention, l1Mode: mode),
                             optimizer: optimizer, weightDecay: weightDecay, maxNorm: maxNorm, labelSmoothing: smoothing)
        }
        return [
            ("none", settings(.none)),
            ("l2 article", settings(PenaltyTerm(l2: 0.2))),
            ("l2 keras, momentum", settings(PenaltyTerm(l2: 0.2), momentum: 0.9, convention: .keras)),
            ("l1 subgradient", settings(PenaltyTerm(l1: 0.3))),
            ("l1 clip", settings(PenaltyTerm(l1: 0.3), mode: .clip)),
            ("l1 prox, biases", settings(PenaltyTerm(l1: 0.3), mode: .prox, biases: true)),
            ("elastic clip, momentum", settings(PenaltyTerm(l1: 0.2, l2: 0.1), mode: .clip, momentum: 0.5)),
            ("l1 clip, links die, biases", settings(PenaltyTerm(l1: 1.5), mode: .clip, biases: true)),
            ("l1 cumulative", settings(PenaltyTerm(l1: 0.3), mode: .cumulative)),
            ("elastic cumulative, momentum, biases", settings(PenaltyTerm(l1: 0.2, l2: 0.1), mode: .cumulative, momentum: 0.5, biases: true)),
            ("adam", settings(.none, optimizer: .adam)),
            ("adam, l2 inside", settings(PenaltyTerm(l2: 0.2), optimizer: .adam)),
            ("adam, elastic, biases", settings(PenaltyTerm(l1: 0.1, l2: 0.2), biases: true, optimizer: .adam)),
            ("adamw", settings(.none, optimizer: .adamw, weightDecay: 0.1)),
            ("adamw, l2 keras too", settings(PenaltyTerm(l2: 0.05), convention: .keras, optimizer: .adamw, weightDecay: 0.1)),
            ("sgd, max-norm", settings(.none, maxNorm: 0.8)),
            ("adamw, max-norm", settings(.none, optimizer: .adamw, weightDecay: 0.1, maxNorm: 0.8)),
            ("sgd, label smoothing", settings(PenaltyTerm(l2: 0.1), smoothing: 0.1)),
        ]
    }()

    @Test(arguments: 0..<cases.count) func fastUpdatesEqualRecordedUpdates(caseIndex: Int) throws {
        let settings = Self.cases[caseIndex].1
        var generator = SplitMix64(seed: 11)
        let network = Network<Double>(Architecture(sizes: [2, 4, 2], hidden: .tanh, output: .softmax), generator: &generator)
        let data = BuiltinDataset.blobs.dataset(as: Double.self)
        var trainer = Trainer(network: network, data: data, settings: settings)
        var fast = network
        var velocities = trainer.velocities
        var adam = AdamState<Double>()
        var clippedUnits = 0
        for _ in 0..<4 {
            _ = try trainer.finishUpdate()
            clippedUnits += trainer.lastUpdate.update?.maxNormClips.count ?? 0
            let outcome = fast.train(batch: data.inputs, targets: data.targets, settings: settings, velocities: &velocities,
                                     adam: &adam)
            #expect(outcome.firstNonFinite == nil)
            #expect(outcome.dataLoss == trainer.lastUpdate.loss?.value)
        }
        #expect(fast == trainer.network, "\(Self.cases[caseIndex].0): parameters differ")
        #expect(velocities == trainer.velocities, "\(Self.cases[caseIndex].0): momentum buffers differ")
        #expect(adam == trainer.adamState, "\(Self.cases[caseIndex].0): Adam moments differ")
        if Self.cases[caseIndex].0.contains("links die") {
            #expect(trainer.network.deadCount > 0, "some link died (and the fast path agrees on which)")
        }
        if settings.maxNorm != nil {
            #expect(clippedUnits > 0, "max-norm clipped some unit")
        }
    }

    /// In Float, fast training runs the eight-lane kernels (`UpdateKernel`, `AdamKernel`,
    /// `MaxNormKernel`) and step mode the scalar code: the same bits. A 2-12-2 network makes
    /// the 24 weights of layer 1 fill three SIMD8 vectors and layer 2 a vector plus a tail.
    @Test(arguments: 0..<cases.count) func floatKernelsEqualScalarSteps(caseIndex: Int) throws {
        let double = Self.cases[caseIndex].1
        let settings = TrainingSettings<Float>(
            learningRate: Float(double.learningRate), momentum: Float(double.momentum), seed: 5, loss: .crossEntropy,
            regularization: Regularization(global: PenaltyTerm(l1: Float(double.regularization.global.l1), l2: Float(double.regularization.global.l2)),
                                           includesBiases: double.regularization.includesBiases,
                                           convention: double.regularization.convention, l1Mode: double.regularization.l1Mode),
            optimizer: double.optimizer, weightDecay: Float(double.weightDecay), maxNorm: double.maxNorm.map { Float($0) },
            labelSmoothing: Float(double.labelSmoothing))
        var generator = SplitMix64(seed: 11)
        let network = Network<Float>(Architecture(sizes: [2, 12, 2], hidden: .tanh, output: .softmax), generator: &generator)
        let data = BuiltinDataset.blobs.dataset(as: Float.self)
        var trainer = Trainer(network: network, data: data, settings: settings)
        var fast = network
        var velocities = trainer.velocities
        var adam = AdamState<Float>()
        for _ in 0..<4 {
            _ = try trainer.finishUpdate()
            _ = fast.train(batch: data.inputs, targets: data.targets, settings: settings, velocities: &velocities, adam: &adam)
        }
        #expect(fast == trainer.network, "\(Self.cases[caseIndex].0): Float parameters differ")
        if Self.cases[caseIndex].0.contains("links die") { #expect(fast.deadCount > 0) }
        #expect(adam == trainer.adamState, "\(Self.cases[caseIndex].0): Float Adam moments differ")
    }

    /// Dropout, input noise and batch normalization: the same masks and statistics in both.
    @Test(arguments: [
        ("dropout", NoiseInjection<Double>(inputDropout: 0.2, hiddenDropout: 0.5), false, 0.0),
        ("noise", NoiseInjection<Double>(inputNoise: 0.3), false, 0.0),
        ("batchnorm, momentum", NoiseInjection<Double>(), true, 0.9),
        ("all three, l2", NoiseInjection<Double>(inputDropout: 0.1, hiddenDropout: 0.3, inputNoise: 0.2), true, 0.5),
    ]) func fastUpdatesEqualRecordedUpdatesWithNoise(name: String, noise: NoiseInjection<Double>, batchNorm: Bool, momentum: Double) throws {
        var settings = TrainingSettings<Double>(learningRate: 0.3, momentum: momentum, batchSize: 3, seed: 5, loss: .crossEntropy,
                                                regularization: Regularization(global: PenaltyTerm(l2: 0.1)), noise: noise)
        settings.batchSize = 3
        var generator = SplitMix64(seed: 11)
        let network = Network<Double>(Architecture(sizes: [2, 4, 3, 2], hidden: .tanh, output: .softmax, batchNorm: batchNorm),
                                      generator: &generator)
        let data = BuiltinDataset.blobs.dataset(as: Double.self)
        var trainer = Trainer(network: network, data: data, settings: settings)
        var fast = network
        var velocities = trainer.velocities
        for update in 0..<5 {
            let batch = trainer.batchIndices(forUpdate: update)
            _ = try trainer.finishUpdate()
            let outcome = fast.train(batch: data.inputs.selectingRows(batch), targets: data.targets.selectingRows(batch),
                                     settings: settings, velocities: &velocities, update: update)
            #expect(outcome.firstNonFinite == nil)
            #expect(outcome.dataLoss == trainer.lastUpdate.loss?.value)
        }
        #expect(fast == trainer.network, "\(name): parameters differ")
        #expect(velocities == trainer.velocities, "\(name): momentum buffers differ")
    }

    @Test func predictedClassesAreTheLargestOutput() {
        let layer = Dense<Double>(weights: Matrix([[1, -1, 0], [0, 2, -3]]), bias: [0, 0, 0.5], activation: .softmax)
        let network = Network(layers: [layer])
        // rows: x = (1, 0) → z = (1, -1, 0.5); x = (0, 1) → z = (0, 2, -2.5); x = (0, 0) → z = (0, 0, 0.5)
        #expect(network.predictedClasses(Matrix([[1, 0], [0, 1], [0, 0]])) == [0, 1, 2])
    }
}
