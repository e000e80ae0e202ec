import Engine
import Testing
import TestSupport

/// The three ways an update applies L1 (subgradient, clip, prox), the L2 shrinkage
/// decomposition, and momentum, on single parameters.
@Suite struct L1ModeTests {
    static let id = ParameterID.weight(layer: 0, 0, 0)

    static func update(_ w: Double, gradient g: Double = 0, l1: Double = 1, l2Coefficient c: Double = 0,
                       learningRate eta: Double = 0.1, momentum mu: Double = 0, velocity: Double = 0,
                       mode: L1Mode) -> ParameterUpdate<Double> {
        // cumulative: the first update, u = η·λ and q = 0
        ParameterUpdate(parameter: id, value: w, dataGradient: g, velocity: velocity, l1: l1, l2Coefficient: c,
                        learningRate: eta, momentum: mu, mode: mode, offered: eta * l1)
    }

    // MARK: the article's example: w = 0.05, η = 0.1, λ = 1, no data gradient (ηλ = 0.1 > |w|)

    @Test func subgradientStepsAcrossZero() {
        let result = Self.update(0.05, mode: .subgradient)
        // w − η·λ·sign(w) = 0.05 − 0.1. In binary, 0.1 is exactly twice 0.05 (same significand,
        // exponent + 1), so the difference is exact: the double −0.05 (= −0.05000000000000000277…).
        #expect(result.new == -0.05)
        #expect(isClose(result.new, -0.05, absolute: 1e-15, relative: 0))
        #expect(result.zeroEvent == .crossedZero)
        #expect(result.sign == 1)
        #expect(result.l1Subgradient == 1)
        #expect(result.direction == 1)
        #expect(result.shrinkFactor == 1)
        #expect(result.step == 0.1)
        #expect(result.intermediate == result.new)
        // Another step goes back across: −0.05 + 0.1 = 0.05; plain subgradient oscillates.
        let back = Self.update(result.new, mode: .subgradient)
        #expect(back.new == 0.05)
        #expect(back.zeroEvent == .crossedZero)
    }

    @Test func clipStopsAtZero() {
        let result = Self.update(0.05, mode: .clip)
        #expect(result.intermediate == 0.05)  // v = w − η·g = 0.05
        #expect(result.l1Step == 0.1)  // ηλ
        #expect(result.clipCandidate == -0.05)  // u = v − ηλ·sign(v) changed sign
        #expect(result.new == 0)
        #expect(result.new.sign == .plus)
        #expect(result.zeroEvent == .clippedToZero)
        #expect(result.direction == 0)  // the L1 pull is not part of d in clip mode
    }

    @Test func proxThresholdsToZero() {
        let result = Self.update(0.05, mode: .prox)
        #expect(result.intermediate == 0.05)
        #expect(result.l1Step == 0.1)
        #expect(result.new == 0)
        #expect(result.new.sign == .plus)
        #expect(result.zeroEvent == .thresholdedToZero)
    }

    @Test(arguments: [(0.05, L1Mode.clip, ZeroEvent.clippedToZero), (0.05, .prox, .thresholdedToZero),
                      (-0.05, .clip, .clippedToZero), (-0.05, .prox, .thresholdedToZero)])
    func clipAndProxZeroBothSigns(w: Double, mode: L1Mode, event: ZeroEvent) {
        let result = Self.update(w, mode: mode)
        #expect(result.new == 0)
        #expect(result.zeroEvent == event)
    }

    @Test func negativeWeightCrossesUpward() {
        // −0.05 − 0.1·(0 + 1·(−1)) = −0.05 + 0.1 = 0.05 exactly (same argument as above).
        let result = Self.update(-0.05, mode: .subgradient)
        #expect(result.sign == -1)
        #expect(result.new == 0.05)
        #expect(result.zeroEvent == .crossedZero)
    }

    @Test(arguments: [(0.5, 0.4), (-0.5, -0.4)])
    func weightThatDoesNotCrossMovesByEtaLambdaInEveryMode(w: Double, expected: Double) {
        // |w| = 0.5 > ηλ = 0.1: every mode moves it 0.1 toward 0 (0.5 − 0.1 rounds to the double 0.4).
        let results = L1Mode.allCases.map { Self.update(w, mode: $0) }
        for result in results {
            #expect(result.new == expected, "\(result)")
            #expect(result.zeroEvent == ZeroEvent.none)
        }
        #expect(Set(results.map(\.new)).count == 1)
    }

    @Test(arguments: L1Mode.allCases)
    func weightAtZeroStaysAtZero(mode: L1Mode) {
        // sign(0) = 0: no pull at all on a weight that is already 0 (and no data gradient).
        let result = Self.update(0, mode: mode)
        #expect(result.sign == 0)
        #expect(result.l1Subgradient == 0)
        #expect(result.new == 0)
        #expect(result.new.sign == .plus)
        #expect(result.zeroEvent == ZeroEvent.none)
    }

    @Test func weightAtZeroWithADataGradient() {
        // w = 0, g = 0.3: v = −0.03. Subgradient: no L1 pull at 0, so −0.03 (no crossing: it
        // started at 0). Clip (Playground): u = v − ηλ·sign(w) with sign(0) = 0, so u = v = −0.03.
        // Prox: |v| ≤ 0.1 → 0. Cumulative: v < 0, min(0, v + (u − q)) = min(0, −0.03 + 0.1) = 0.
        let subgradient = Self.update(0, gradient: 0.3, mode: .subgradient)
        #expect(subgradient.new == 0 - 0.1 * 0.3)
        #expect(subgradient.zeroEvent == ZeroEvent.none)
        let clip = Self.update(0, gradient: 0.3, mode: .clip)
        #expect(clip.new == 0 - 0.1 * 0.3 && clip.zeroEvent == ZeroEvent.none)
        let prox = Self.update(0, gradient: 0.3, mode: .prox)
        #expect(prox.new == 0 && prox.zeroEvent == .thresholdedToZero)
        let cumulative = Self.update(0, gradient: 0.3, mode: .cumulative)
        #expect(cumulative.new == 0 && cumulative.zeroEvent == .clampedToZero)
        #expect(cumulative.cumulative?.receivedAfter == 0 - (0 - 0.1 * 0.3))
    }

    @Test func dataStepLandingExactlyOnZero() {
        // No L1: w = 0.5, g = 5, η = 0.1 → 0.5 − 0.5 = 0 by plain arithmetic.
        let result = Self.update(0.5, gradient: 5, l1: 0, mode: .prox)
        #expect(result.new == 0)
        #expect(result.zeroEvent == .landedOnZero)
    }

    // MARK: elastic net in clip and prox mode

    @Test(arguments: [L1Mode.clip, .prox])
    func elasticNetShrinksThenSoftThresholds(mode: L1Mode) {
        // L2 joins the data step: v = (1 − ηc)·w − η·g, then the L1 step on v.
        // w = 0.5, g = 0.2, η = 0.1, c = 0.5, λ₁ = 0.1: v = 0.95·0.5 − 0.02 = 0.455, new = 0.455 − 0.01 = 0.445.
        let (w, g, eta, c, l1) = (0.5, 0.2, 0.1, 0.5, 0.1)
        let result = Self.update(w, gradient: g, l1: l1, l2Coefficient: c, learningRate: eta, mode: mode)
        let v = (1 - eta * c) * w - eta * g
        #expect(result.shrinkFactor == 1 - eta * c)
        #expect(result.intermediate == v)
        #expect(result.direction == g)
        #expect(result.new == v - eta * l1)
        #expect(isClose(result.new, 0.445, absolute: 0, relative: 1e-15))
        #expect(result.zeroEvent == ZeroEvent.none)
    }

    @Test(arguments: [(L1Mode.clip, ZeroEvent.clippedToZero), (.prox, .thresholdedToZero)])
    func elasticNetCrossingGoesToZero(mode: L1Mode, event: ZeroEvent) {
        // w = 0.05, g = 0.3, η = 0.1, c = 0.5, λ₁ = 0.5: v = 0.95·0.05 − 0.03 = 0.0175 < ηλ₁ = 0.05 → 0.
        let result = Self.update(0.05, gradient: 0.3, l1: 0.5, l2Coefficient: 0.5, mode: mode)
        #expect(isClose(result.intermediate, 0.0175, absolute: 1e-17, relative: 0))
        #expect(result.new == 0)
        #expect(result.zeroEvent == event)
    }

    @Test func elasticNetSubgradientPutsBothPullsInTheStep() {
        // subgradient: new = (1 − ηc)·w − η·(g + λ₁·sign w)
        let result = Self.update(0.5, gradient: 0.2, l1: 0.1, l2Coefficient: 0.5, mode: .subgradient)
        #expect(result.direction == 0.2 + 0.1)
        #expect(result.new == (1 - 0.1 * 0.5) * 0.5 - 0.1 * (0.2 + 0.1))
    }

    // MARK: L2 decomposition

    @Test(arguments: L2Convention.allCases, [0.7, -1.3, 0.0])
    func l2UpdateIsShrinkageThenDataStep(convention: L2Convention, w: Double) {
        let (eta, lambda, g) = (0.1, 0.3, 0.45)
        let c = convention.gradientCoefficient(lambda)
        let result = Self.update(w, gradient: g, l1: 0, l2Coefficient: c, learningRate: eta, mode: .subgradient)
        // bit for bit: new = factor·w − η·g
        #expect(result.new == result.shrinkFactor * result.value - eta * result.dataGradient)
        #expect(result.shrunk == result.shrinkFactor * w)
        switch convention {
        case .article: #expect(result.shrinkFactor == 1 - eta * lambda)  // 1 − ηλ
        case .keras: #expect(result.shrinkFactor == 1 - 2 * eta * lambda)  // 1 − 2ηλ (×2 is exact)
        }
        // and it is the gradient step on J + Ω: w − η·(g + c·w), up to rounding
        #expect(isClose(result.new, w - eta * (g + c * w), absolute: 1e-16, relative: 1e-15))
    }

    @Test func l2UpdateDecompositionForEveryParameterOfATrainerUpdate() throws {
        for convention in L2Convention.allCases {
            let settings = TrainingSettings<Double>(learningRate: 0.2,
                                                    regularization: Regularization(global: PenaltyTerm(l2: 0.15),
                                                                                   includesBiases: true,
                                                                                   convention: convention))
            var generator = SplitMix64(seed: 4)
            let network = Network<Double>(Architecture(sizes: [3, 2, 1], hidden: .tanh), generator: &generator)
            var trainer = Trainer(network: network, data: BuiltinDataset.linreg.dataset(), settings: settings)
            _ = try trainer.finishUpdate()
            let record = try #require(trainer.lastUpdate.update)
            let gradient = try #require(trainer.lastUpdate.gradient)
            let expectedFactor = convention == .article ? 1 - 0.2 * 0.15 : 1 - 2 * 0.2 * 0.15
            #expect(record.parameters.count == parameterIDs(of: network).count)
            for (update, id) in zip(record.parameters, parameterIDs(of: network)) {
                #expect(update.parameter == id)
                #expect(update.value == network[id])
                #expect(update.dataGradient == entry(gradient.data, id))
                #expect(update.shrinkFactor == expectedFactor)
                #expect(update.new == update.shrinkFactor * update.value - 0.2 * update.dataGradient)
                #expect(trainer.network[id] == update.new)
            }
        }
    }

    // MARK: momentum

    /// torch.optim.SGD's rule (dampening 0, no Nesterov), written from its documentation:
    /// d_p = g + wd·w; buf = d_p on the first step, else μ·buf + d_p; w ← w − lr·buf.
    static func pyTorchSGD(w: inout Double, buffer: inout Double?, gradient g: Double, lr: Double,
                           momentum mu: Double, weightDecay: Double) {
        let dp = g + weightDecay * w
        let newBuffer = buffer.map { mu * $0 + dp } ?? dp
        buffer = newBuffer
        w -= lr * newBuffer
    }

    @Test(arguments: L2Convention.allCases)
    func twoMomentumUpdatesMatchPyTorch(convention: L2Convention) {
        let (eta, mu, lambda) = (0.1, 0.9, 0.1)
        let c = convention.gradientCoefficient(lambda)
        let gradients = [0.3, -0.4]
        // by hand, engine side: v₀ = 0
        // step 1: d = μ·0 + 0.3; new = (1 − ηc)·0.7 − η·0.3; velocity = d + c·0.7
        let first = Self.update(0.7, gradient: gradients[0], l1: 0, l2Coefficient: c, learningRate: eta,
                                momentum: mu, velocity: 0, mode: .subgradient)
        #expect(first.momentumTerm == 0)
        #expect(first.direction == 0.3)
        #expect(first.velocity == 0.3 + c * 0.7)
        #expect(first.new == (1 - eta * c) * 0.7 - eta * 0.3)
        // step 2: d = μ·velocity₁ + (−0.4); velocity₂ = d + c·w₁
        let second = Self.update(first.new, gradient: gradients[1], l1: 0, l2Coefficient: c, learningRate: eta,
                                 momentum: mu, velocity: first.velocity, mode: .subgradient)
        #expect(second.previousVelocity == first.velocity)
        #expect(second.momentumTerm == mu * first.velocity)
        #expect(second.direction == mu * first.velocity + -0.4)
        #expect(second.velocity == second.direction + c * first.new)
        // PyTorch with weight_decay = c
        var w = 0.7
        var buffer: Double?
        Self.pyTorchSGD(w: &w, buffer: &buffer, gradient: gradients[0], lr: eta, momentum: mu, weightDecay: c)
        #expect(isClose(first.new, w, absolute: 1e-15, relative: 0))
        #expect(isClose(first.velocity, buffer!, absolute: 1e-15, relative: 0))
        Self.pyTorchSGD(w: &w, buffer: &buffer, gradient: gradients[1], lr: eta, momentum: mu, weightDecay: c)
        #expect(isClose(second.new, w, absolute: 1e-15, relative: 0))
        #expect(isClose(second.velocity, buffer!, absolute: 1e-15, relative: 0))
        if convention == .article {
            // c = 0.1, by hand: buf₁ = 0.3 + 0.1·0.7 = 0.37, w₁ = 0.7 − 0.1·0.37 = 0.663;
            // buf₂ = 0.9·0.37 + (−0.4 + 0.1·0.663) = 0.333 − 0.3337 = −0.0007, w₂ = 0.663 + 0.1·0.0007 = 0.66307.
            #expect(isClose(first.new, 0.663, absolute: 1e-15, relative: 0))
            #expect(isClose(second.velocity, -0.0007, absolute: 1e-15, relative: 0))
            #expect(isClose(second.new, 0.66307, absolute: 1e-15, relative: 0))
        }
    }

    @Test func trainerMomentumMatchesPyTorchOnOneParameter() throws {
        // A 1-1 identity net without bias on x = 2, y = 1, MSE: J = (2w − 1)²/2, g = 2·(2w − 1).
        let network = Network<Double>(layers: [Dense(weights: Matrix([[0.7]]), bias: [0], hasBias: false, activation: .identity)])
        let settings = TrainingSettings<Double>(learningRate: 0.05, momentum: 0.9,
                                                regularization: Regularization(global: PenaltyTerm(l2: 0.1), convention: .keras))
        var trainer = Trainer(network: network, data: dataset([[2]], [[1]]), settings: settings)
        var w = 0.7
        var buffer: Double?
        for _ in 0..<3 {
            let g = 2 * (2 * w - 1)
            Self.pyTorchSGD(w: &w, buffer: &buffer, gradient: g, lr: 0.05, momentum: 0.9, weightDecay: 0.2)
            _ = try trainer.finishUpdate()
            #expect(isClose(trainer.network.layers[0].weights[0, 0], w, absolute: 1e-15, relative: 0))
            #expect(isClose(trainer.velocities[0].weights[0, 0], buffer!, absolute: 1e-15, relative: 0))
        }
    }

    @Test func noMomentumKeepsNoVelocity() {
        let result = Self.update(0.7, gradient: 0.3, l1: 0, l2Coefficient: 0.1, mode: .subgradient)
        #expect(result.velocity == 0)
        #expect(result.momentumTerm == 0)
    }
}
