import Engine
import Testing
import TestSupport

/// Penalty values by hand, penalty gradients against finite differences, and the L2 conventions.
@Suite struct PenaltyTests {
    /// W1 = [[0.5, −1], [2, 0]], b1 = (0.3, −0.2); W2 = [[−0.5], [1.5]], b2 = (0.7).
    /// Hand sums: layer 1 Σ|W| = 3.5, ΣW² = 5.25, Σ|b| = 0.5, Σb² = 0.13;
    ///            layer 2 Σ|W| = 2,   ΣW² = 2.5,  Σ|b| = 0.7, Σb² = 0.49.
    static let network = Network<Double>(layers: [
        Dense(weights: Matrix([[0.5, -1], [2, 0]]), bias: [0.3, -0.2], activation: .tanh),
        Dense(weights: Matrix([[-0.5], [1.5]]), bias: [0.7], activation: .identity),
    ])

    struct ValueCase: Sendable, CustomTestStringConvertible {
        var name: String
        var regularization: Regularization<Double>
        /// per layer (l1Value, l2Value), from the hand sums above
        var layerValues: [(Double, Double)]
        var total: Double
        var testDescription: String { name }
    }

    static let valueCases: [ValueCase] = [
        // λΣ|w| = 0.1·(3.5 + 2)
        ValueCase(name: "L1", regularization: Regularization(global: PenaltyTerm(l1: 0.1)),
                  layerValues: [(0.35, 0), (0.2, 0)], total: 0.55),
        // (λ/2)Σw² = 0.05·(5.25 + 2.5)
        ValueCase(name: "L2 article", regularization: Regularization(global: PenaltyTerm(l2: 0.1)),
                  layerValues: [(0, 0.2625), (0, 0.125)], total: 0.3875),
        // λΣw² = 0.1·(5.25 + 2.5)
        ValueCase(name: "L2 keras", regularization: Regularization(global: PenaltyTerm(l2: 0.1), convention: .keras),
                  layerValues: [(0, 0.525), (0, 0.25)], total: 0.775),
        // 0.1·Σ|w| + 0.1·Σw² (λ₂ = 0.2 halved)
        ValueCase(name: "elastic article", regularization: Regularization(global: PenaltyTerm(l1: 0.1, l2: 0.2)),
                  layerValues: [(0.35, 0.525), (0.2, 0.25)], total: 1.325),
        // 0.1·Σ|w| + 0.2·Σw²
        ValueCase(name: "elastic keras",
                  regularization: Regularization(global: PenaltyTerm(l1: 0.1, l2: 0.2), convention: .keras),
                  layerValues: [(0.35, 1.05), (0.2, 0.5)], total: 2.1),
        // layer 1 keeps the global L2 0.1 → 0.05·5.25; layer 2's own L1 0.3 → 0.3·2
        ValueCase(name: "per-layer override",
                  regularization: Regularization(global: PenaltyTerm(l2: 0.1), perLayer: [1: PenaltyTerm(l1: 0.3)]),
                  layerValues: [(0, 0.2625), (0.6, 0)], total: 0.8625),
        // an override of none switches the penalty off on that layer
        ValueCase(name: "override with none",
                  regularization: Regularization(global: PenaltyTerm(l1: 0.1), perLayer: [0: .none]),
                  layerValues: [(0, 0), (0.2, 0)], total: 0.2),
        // biases included: 0.1·(3.5 + 0.5) and 0.1·(2 + 0.7); (0.1/2)·(5.25 + 0.13) and (0.1/2)·(2.5 + 0.49)
        ValueCase(name: "elastic with biases",
                  regularization: Regularization(global: PenaltyTerm(l1: 0.1, l2: 0.1), includesBiases: true),
                  layerValues: [(0.4, 0.269), (0.27, 0.1495)], total: 1.0885),
    ]

    @Test(arguments: valueCases)
    func valuesByHand(_ testCase: ValueCase) {
        let record = testCase.regularization.evaluate(Self.network)
        #expect(record.layers.count == 2)
        for (index, expected) in testCase.layerValues.enumerated() {
            let layer = record.layers[index]
            #expect(isClose(layer.l1Value, expected.0, absolute: 0, relative: 1e-14), "\(testCase.name) layer \(index) L1")
            #expect(isClose(layer.l2Value, expected.1, absolute: 0, relative: 1e-14), "\(testCase.name) layer \(index) L2")
            #expect(layer.term == testCase.regularization.term(forLayer: index))
        }
        #expect(isClose(record.total, testCase.total, absolute: 0, relative: 1e-14))
        #expect(record.convention == testCase.regularization.convention)
        #expect(record.includesBiases == testCase.regularization.includesBiases)
    }

    @Test func sumsExcludeBiasesByDefault() {
        let excluded = Regularization<Double>(global: PenaltyTerm(l1: 1)).evaluate(Self.network)
        #expect(excluded.layers.map(\.absoluteSum) == [3.5, 2])
        #expect(excluded.layers.map(\.squareSum) == [5.25, 2.5])
        let included = Regularization<Double>(global: PenaltyTerm(l1: 1), includesBiases: true).evaluate(Self.network)
        #expect(isClose(included.layers[0].absoluteSum, 4.0, absolute: 0, relative: 1e-15))
        #expect(isClose(included.layers[1].squareSum, 2.99, absolute: 0, relative: 1e-15))
    }

    @Test func biasesOfALayerWithoutBiasAreNeverPenalized() {
        // hasBias false: the stored (zero) biases are not parameters, even with includesBiases.
        var network = Self.network
        network.layers[1].hasBias = false
        network.layers[1].bias = [0]
        let record = Regularization<Double>(global: PenaltyTerm(l1: 1), includesBiases: true).evaluate(network)
        #expect(record.layers[1].absoluteSum == 2)
    }

    /// A network with no weight at 0, for finite differences of the L1 term.
    static let smoothNetwork = Network<Double>(layers: [
        Dense(weights: Matrix([[0.5, -1], [2, -0.25]]), bias: [0.3, -0.2], activation: .tanh),
        Dense(weights: Matrix([[-0.5], [1.5]]), bias: [0.7], activation: .identity),
    ])

    @Test(arguments: valueCases)
    func gradientMatchesFiniteDifferences(_ testCase: ValueCase) {
        let regularization = testCase.regularization
        let gradients = regularization.gradient(Self.smoothNetwork)
        for id in parameterIDs(of: Self.smoothNetwork) {
            let numeric = centralDifference(at: Self.smoothNetwork[id]) { value in
                var shifted = Self.smoothNetwork
                shifted[id] = value
                return regularization.evaluate(shifted).total
            }
            let analytic = entry(gradients, id)
            #expect(isClose(analytic, numeric, absolute: 1e-9, relative: 1e-7),
                    "\(testCase.name) \(id.name): \(analytic) vs numeric \(numeric)")
            #expect(regularization.penalizes(id) == (analytic != 0), "\(testCase.name) \(id.name)")
        }
    }

    @Test func gradientFormulaAndSignOfZero() {
        // dΩ/dw = λ₁·sign(w) + c·w, sign(0) = 0: the weight W1[1,1] = 0 gets exactly 0.
        let elastic = Regularization<Double>(global: PenaltyTerm(l1: 0.1, l2: 0.2))
        let gradients = elastic.gradient(Self.network)
        #expect(gradients[0].weights[1, 1] == 0)
        #expect(gradients[0].weights[1, 1].sign == .plus)  // +0, not −0
        #expect(Regularization<Double>(global: PenaltyTerm(l1: 0.1)).gradient(Self.network)[0].weights[1, 1] == 0)
        // W1[0,1] = −1: 0.1·(−1) + 0.2·(−1) = −0.3
        #expect(gradients[0].weights[0, 1] == 0.1 * -1 + 0.2 * -1)
        // biases excluded by default: exactly 0
        #expect(gradients.allSatisfy { $0.bias.allSatisfy { $0 == 0 } })
        // included: b1[0] = 0.3 → 0.1·1 + 0.2·0.3
        let withBiases = Regularization<Double>(global: PenaltyTerm(l1: 0.1, l2: 0.2), includesBiases: true)
        #expect(withBiases.gradient(Self.network)[0].bias[0] == 0.1 * 1 + 0.2 * 0.3)
        // Keras: c = 2λ₂ → W2[1,0] = 1.5: 0.1 + 0.4·1.5
        let keras = Regularization<Double>(global: PenaltyTerm(l1: 0.1, l2: 0.2), convention: .keras)
        #expect(keras.gradient(Self.network)[1].weights[1, 0] == 0.1 * 1 + 0.4 * 1.5)
    }

    @Test func offTermsAddPositiveZero() {
        // A layer without penalty gets +0 for every weight, also negative ones: the naive
        // 0·sign(w) + 0·w would be −0 for w < 0 and print as "-0" in the trace.
        let network = Network<Double>(layers: [
            Dense(weights: Matrix([[-0.5, 0]]), bias: [0, 0], activation: .identity),
            Dense(weights: Matrix([[-2], [3]]), bias: [0], activation: .identity),
        ])
        let regularization = Regularization<Double>(global: PenaltyTerm(l1: 0.1), perLayer: [0: .none])
        let gradients = regularization.gradient(network)
        #expect(gradients[0].weights[0, 0] == 0 && gradients[0].weights[0, 0].sign == .plus)
        #expect(gradients[1].weights[0, 0] == -0.1)
        let l2Only = Regularization<Double>(global: PenaltyTerm(l2: 0.1)).gradient(network)
        #expect(l2Only[0].weights[0, 0] == 0.1 * -0.5)
        #expect(l2Only[0].weights[0, 1] == 0 && l2Only[0].weights[0, 1].sign == .plus)
    }

    @Test func pyTorchWeightDecayEquivalence() {
        // PyTorch's SGD(weight_decay = c) adds c·w to the gradient. The article's (λ/2)Σw² has
        // gradient λw, so c = λ; Keras's λΣw² has gradient 2λw, so c = 2λ.
        #expect(L2Convention.article.gradientCoefficient(0.01) == 0.01)
        #expect(L2Convention.keras.gradientCoefficient(0.01) == 0.02)
        #expect(L2Convention.keras.gradientCoefficient(Float(0.25)) == Float(0.5))
        for convention in L2Convention.allCases {
            let regularization = Regularization<Double>(global: PenaltyTerm(l2: 0.3), convention: convention)
            let c = convention.gradientCoefficient(0.3)
            let gradients = regularization.gradient(Self.smoothNetwork)
            for id in parameterIDs(of: Self.smoothNetwork) where id.kind == .weight {
                #expect(entry(gradients, id) == c * Self.smoothNetwork[id], "\(convention) \(id.name)")
            }
        }
        #expect(L2Convention.article.value(lambda: 0.5, sumOfSquares: 3.0) == 0.75)
        #expect(L2Convention.keras.value(lambda: 0.5, sumOfSquares: 3.0) == 1.5)
    }

    @Test func termQueriesAndDescriptions() {
        let regularization = Regularization<Double>(global: PenaltyTerm(l2: 0.1), perLayer: [1: PenaltyTerm(l1: 0.01)])
        #expect(regularization.usesL1(layerCount: 2))
        #expect(!regularization.usesL1(layerCount: 1))
        #expect(regularization.usesL2(layerCount: 1))
        #expect(!Regularization<Double>(global: PenaltyTerm(l2: 0.1), perLayer: [0: .none]).usesL2(layerCount: 1))
        #expect(regularization.penalizes(.weight(layer: 0, 0, 0)))
        #expect(!regularization.penalizes(.bias(layer: 0, 0)))
        #expect(!Regularization<Double>().penalizes(.weight(layer: 0, 0, 0)))
        #expect(PenaltyTerm<Double>.none.isNone)
        #expect(PenaltyTerm<Double>.none.description == "none")
        #expect(PenaltyTerm<Double>(l1: 0.01).description == "l1 0.01")
        #expect(PenaltyTerm<Double>(l2: 0.1).description == "l2 0.1")
        #expect(PenaltyTerm<Double>(l1: 0.01, l2: 0.1).description == "elastic 0.01 0.1")
    }
}
