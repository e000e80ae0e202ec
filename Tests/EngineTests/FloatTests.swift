import Engine
import Testing
import TestSupport

/// The engine is generic over `Scalar`: the same network and data in Float run all five
/// phases and agree with Double to Float precision; penalties and L1 modes work in Float.
@Suite struct FloatTests {
    static func float(_ m: Matrix<Double>) -> Matrix<Float> {
        Matrix(rows: m.rows, columns: m.columns, storage: m.storage.map { Float($0) })
    }

    static func float(_ network: Network<Double>) -> Network<Float> {
        Network(layers: network.layers.map {
            Dense(weights: float($0.weights), bias: $0.bias.map { Float($0) }, hasBias: $0.hasBias, activation: $0.activation)
        })
    }

    static func float(_ data: Dataset<Double>) -> Dataset<Float> {
        Dataset(name: data.name, inputs: float(data.inputs), targets: float(data.targets))
    }

    static func float(_ term: PenaltyTerm<Double>) -> PenaltyTerm<Float> { PenaltyTerm(l1: Float(term.l1), l2: Float(term.l2)) }

    static func float(_ settings: TrainingSettings<Double>) -> TrainingSettings<Float> {
        let r = settings.regularization
        return TrainingSettings(learningRate: Float(settings.learningRate), momentum: Float(settings.momentum),
                                batchSize: settings.batchSize, seed: settings.seed, loss: settings.loss,
                                regularization: Regularization(global: float(r.global), perLayer: r.perLayer.mapValues(float),
                                                               includesBiases: r.includesBiases, convention: r.convention,
                                                               l1Mode: r.l1Mode))
    }

    /// Float agrees with Double: |f − d| ≤ 1e-5·|d| + 1e-6 (the small absolute floor covers
    /// values near 0, such as gradients that nearly cancel, where a relative bound is meaningless).
    static func agree(_ f: Float, _ d: Double) -> Bool { isClose(Double(f), d, absolute: 1e-6, relative: 1e-5) }

    static func agree(_ f: Matrix<Float>, _ d: Matrix<Double>) -> Bool {
        f.rows == d.rows && f.columns == d.columns && zip(f.storage, d.storage).allSatisfy { agree($0, $1) }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var network: Network<Double>
        var data: Dataset<Double>
        var settings: TrainingSettings<Double>
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var generator = SplitMix64(seed: 6)
        let blobsNet = Network<Double>(Architecture(sizes: [2, 3, 2], hidden: .tanh, output: .softmax), generator: &generator)
        let linregNet = Network<Double>(layers: [Dense(weights: Matrix([[0.5], [-0.25], [0.1]]), bias: [0], hasBias: false,
                                                       activation: .identity)])
        let xorNet = Network<Double>(Architecture(sizes: [2, 3, 1], hidden: .sigmoid, output: .sigmoid), generator: &generator)
        return [
            Case(name: "linreg, L1 subgradient", network: linregNet, data: BuiltinDataset.linreg.dataset(),
                 settings: TrainingSettings(learningRate: 0.1, regularization: Regularization(global: PenaltyTerm(l1: 0.1)))),
            Case(name: "linreg, L2", network: linregNet, data: BuiltinDataset.linreg.dataset(),
                 settings: TrainingSettings(learningRate: 0.1, regularization: Regularization(global: PenaltyTerm(l2: 0.1)))),
            Case(name: "blobs, elastic prox, keras, momentum, minibatch", network: blobsNet, data: BuiltinDataset.blobs.dataset(),
                 settings: TrainingSettings(learningRate: 0.5, momentum: 0.9, batchSize: 5, loss: .crossEntropy,
                                            regularization: Regularization(global: PenaltyTerm(l1: 0.01, l2: 0.02),
                                                                           includesBiases: true, convention: .keras, l1Mode: .prox))),
            Case(name: "xor, L1 clip, binary xent", network: xorNet, data: BuiltinDataset.xor.dataset(),
                 settings: TrainingSettings(learningRate: 1, loss: .crossEntropy,
                                            regularization: Regularization(global: PenaltyTerm(l1: 0.05), l1Mode: .clip))),
        ]
    }()

    @Test(arguments: cases)
    func floatAgreesWithDoubleThroughEveryPhase(_ testCase: Case) throws {
        var double = Trainer(network: testCase.network, data: testCase.data, settings: testCase.settings)
        var single = Trainer(network: Self.float(testCase.network), data: Self.float(testCase.data),
                             settings: Self.float(testCase.settings))
        for _ in 0..<3 {  // three updates, each phase compared
            for phase in Phase.allCases {
                #expect(single.nextPhase == phase)
                switch (try double.advance(), try single.advance()) {
                case (.forward(let d), .forward(let f)):
                    #expect(f.batch == d.batch)
                    for (fl, dl) in zip(f.layers, d.layers) {
                        #expect(Self.agree(fl.z, dl.z) && Self.agree(fl.a, dl.a), "\(testCase.name) forward")
                    }
                case (.loss(let d), .loss(let f)):
                    #expect(Self.agree(f.value, d.value), "\(testCase.name) loss \(f.value) vs \(d.value)")
                case (.penalty(let d), .penalty(let f)):
                    #expect(Self.agree(f.total, d.total), "\(testCase.name) penalty \(f.total) vs \(d.total)")
                case (.gradient(let d), .gradient(let f)):
                    #expect(Self.agree(f.outputZGradient, d.outputZGradient))
                    for (fg, dg) in zip(f.data + f.penalty, d.data + d.penalty) {
                        #expect(Self.agree(fg.weights, dg.weights), "\(testCase.name) weight gradient")
                        #expect(zip(fg.bias, dg.bias).allSatisfy { Self.agree($0, $1) }, "\(testCase.name) bias gradient")
                    }
                case (.update(let d), .update(let f)):
                    #expect(f.parameters.count == d.parameters.count)
                    for (fp, dp) in zip(f.parameters, d.parameters) {
                        #expect(fp.parameter == dp.parameter)
                        #expect(Self.agree(fp.new, dp.new), "\(testCase.name) \(dp.parameter.name): \(fp.new) vs \(dp.new)")
                        #expect(fp.zeroEvent == dp.zeroEvent || fp.new == 0 || dp.new == 0,
                                "\(testCase.name) \(dp.parameter.name): zero events differ away from 0")
                    }
                default:
                    Issue.record("\(testCase.name): Float and Double ran different phases")
                }
            }
        }
        #expect(single.updateCount == 3)
    }

    @Test func articleExampleInFloat() throws {
        // The article's example (see ArticleExampleTests) in Float: L2 λ = 0.1, η = 0.1 gives
        // (0.6425, −0.0975, 0.17775) by hand; Float holds them to about 1e-7 relative.
        let network = Network<Float>(layers: [Dense(weights: Matrix([[0.5], [-0.25], [0.1]]), bias: [0], hasBias: false,
                                                    activation: .identity)])
        var trainer = Trainer(network: network, data: BuiltinDataset.linreg.dataset(as: Float.self),
                              settings: TrainingSettings(learningRate: 0.1, regularization: Regularization(global: PenaltyTerm(l2: 0.1))))
        let records = try trainer.finishUpdate()
        #expect(records.count == 5)
        #expect(Self.agree(trainer.lastUpdate.loss!.value, 0.890625))
        #expect(Self.agree(trainer.lastUpdate.penalty!.total, 0.016125))
        for (j, expected) in [0.6425, -0.0975, 0.17775].enumerated() {
            #expect(Self.agree(trainer.network[.weight(layer: 0, j, 0)], expected))
        }
    }

    @Test func penaltiesInFloat() {
        // Same network and hand sums as PenaltyTests: Σ|W| = 5.5, ΣW² = 7.75.
        let network = Network<Float>(layers: [
            Dense(weights: Matrix([[0.5, -1], [2, 0]]), bias: [0.3, -0.2], activation: .tanh),
            Dense(weights: Matrix([[-0.5], [1.5]]), bias: [0.7], activation: .identity),
        ])
        #expect(Regularization<Float>(global: PenaltyTerm(l1: 0.1)).evaluate(network).total == Float(0.1) * 3.5 + Float(0.1) * 2)
        #expect(Self.agree(Regularization<Float>(global: PenaltyTerm(l2: 0.1)).evaluate(network).total, 0.3875))
        #expect(Self.agree(Regularization<Float>(global: PenaltyTerm(l2: 0.1), convention: .keras).evaluate(network).total, 0.775))
        let gradient = Regularization<Float>(global: PenaltyTerm(l1: 0.1, l2: 0.2)).gradient(network)
        #expect(gradient[0].weights[1, 1] == 0)  // sign(0) = 0
        #expect(gradient[0].weights[0, 1] == Float(0.1) * -1 + Float(0.2) * -1)
        #expect(gradient[1].bias == [0])
    }

    @Test func l1ModesInFloat() {
        // w = 0.05, η = 0.1, λ = 1: Float(0.1) is exactly 2·Float(0.05) (same significand), so the
        // subgradient step gives exactly −Float(0.05); clip and prox give exactly 0.
        func update(_ w: Float, _ mode: L1Mode) -> ParameterUpdate<Float> {
            ParameterUpdate(parameter: .weight(layer: 0, 0, 0), value: w, dataGradient: 0, velocity: 0, l1: 1,
                            l2Coefficient: 0, learningRate: 0.1, momentum: 0, mode: mode, offered: 0.1)
        }
        #expect(update(0.05, .subgradient).new == -0.05)
        #expect(update(0.05, .subgradient).zeroEvent == .crossedZero)
        #expect(update(0.05, .clip).new == 0 && update(0.05, .clip).zeroEvent == .clippedToZero)
        #expect(update(0.05, .prox).new == 0 && update(0.05, .prox).zeroEvent == .thresholdedToZero)
        for mode in L1Mode.allCases {
            #expect(update(0, mode).new == 0 && update(0, mode).zeroEvent == ZeroEvent.none)
            #expect(abs(update(0.5, mode).new - 0.4) <= Float(0.4).ulp)
        }
    }
}
