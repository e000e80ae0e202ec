import Engine
import Testing
import TestSupport

/// The article's linear regression, J(w) = 1/(2n)·Σ(wᵀx_i − y_i)² + penalty, computed here by
/// hand (plain loops, no engine code) and compared with what a `Trainer` records phase by phase.
@Suite struct ArticleExampleTests {
    // BuiltinDataset.linreg, written out again so the hand computation does not read the engine.
    static let x: [[Double]] = [[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, 2, 1]]
    static let y: [Double] = [1.1, 0.4, 2.6, 1.9]
    static let w: [Double] = [0.5, -0.25, 0.1]
    static let eta = 0.1
    static let lambda = 0.1

    /// Hand computation. Residuals r_i = wᵀx_i − y_i are −0.4, −0.55, −1.85, −1.8, so
    /// J_data = (0.16 + 0.3025 + 3.4225 + 3.24)/8 = 7.125/8 = 0.890625 and
    /// g = (1/4)·Σ r_i·x_i = (−5.9, −6.0, −3.15)/4 = (−1.475, −1.5, −0.7875).
    struct Hand {
        var dataLoss: Double
        var gradient: [Double]

        init(w: [Double]) {
            let n = Double(ArticleExampleTests.x.count)
            var squares = 0.0
            var gradient = [0.0, 0.0, 0.0]
            for (x, y) in zip(ArticleExampleTests.x, ArticleExampleTests.y) {
                var prediction = 0.0
                for j in 0..<3 { prediction += w[j] * x[j] }  // wᵀx
                let residual = prediction - y
                squares += residual * residual
                for j in 0..<3 { gradient[j] += residual * x[j] / n }  // (1/n)·Σ r·x
            }
            dataLoss = squares / (2 * n)  // 1/(2n)·Σ r²
            self.gradient = gradient
        }
    }

    static func sign(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : 0) }

    @Test func handComputationMatchesTheDecimalArithmetic() {
        // Guards the hand loops themselves against typos (values in the comment above).
        let hand = Hand(w: Self.w)
        #expect(isClose(hand.dataLoss, 0.890625, absolute: 0, relative: 1e-15))
        for (value, expected) in zip(hand.gradient, [-1.475, -1.5, -0.7875]) {
            #expect(isClose(value, expected, absolute: 0, relative: 1e-15))
        }
    }

    static func trainer(_ regularization: Regularization<Double>) -> Trainer<Double> {
        let architecture = Architecture(sizes: [3, 1], output: .identity, hasBias: false)
        var generator = SplitMix64(seed: 0)
        var network = Network<Double>(architecture, generator: &generator)
        for j in 0..<3 { network.layers[0].weights[j, 0] = w[j] }
        return Trainer(network: network, data: BuiltinDataset.linreg.dataset(),
                       settings: TrainingSettings(learningRate: eta, loss: .meanSquaredError, regularization: regularization))
    }

    /// Runs the five phases with `advance()`, checking their order, and returns the records.
    static func runFivePhases(_ trainer: inout Trainer<Double>) throws
        -> (ForwardRecord<Double>, LossRecord<Double>, PenaltyRecord<Double>, GradientRecord<Double>, UpdateRecord<Double>) {
        var records: [PhaseRecord<Double>] = []
        for phase in Phase.allCases {
            #expect(trainer.nextPhase == phase)
            records.append(try trainer.advance())
        }
        #expect(trainer.nextPhase == .forward)
        guard case .forward(let forward) = records[0], case .loss(let loss) = records[1],
              case .penalty(let penalty) = records[2], case .gradient(let gradient) = records[3],
              case .update(let update) = records[4] else {
            throw TrainingError("phases came out of order: \(records)")
        }
        return (forward, loss, penalty, gradient, update)
    }

    static let tolerance = 1e-15

    @Test func dataSetIsTheArticles() {
        let data = BuiltinDataset.linreg.dataset(as: Double.self)
        #expect(data.inputs == Matrix(Self.x))
        #expect(data.targets == Matrix(Self.y.map { [$0] }))
        #expect(BuiltinDataset.linreg.suggestedArchitecture == Architecture(sizes: [3, 1], hidden: .relu, output: .identity, hasBias: false))
    }

    @Test func l1SubgradientUpdate() throws {
        var trainer = Self.trainer(Regularization(global: PenaltyTerm(l1: Self.lambda)))
        let (forward, loss, penalty, gradient, update) = try Self.runFivePhases(&trainer)
        let hand = Hand(w: Self.w)
        // J = J_data + λ·Σ|w| = 0.890625 + 0.1·0.85
        var absoluteSum = 0.0
        for v in Self.w { absoluteSum += abs(v) }
        let handPenalty = Self.lambda * absoluteSum
        #expect(forward.batch == [0, 1, 2, 3])
        for i in 0..<4 {
            var prediction = 0.0
            for j in 0..<3 { prediction += Self.w[j] * Self.x[i][j] }
            #expect(isRelativelyClose(forward.prediction[i, 0], prediction, within: Self.tolerance))
        }
        #expect(isRelativelyClose(loss.value, hand.dataLoss, within: Self.tolerance))
        #expect(isRelativelyClose(penalty.total, handPenalty, within: Self.tolerance))
        #expect(isRelativelyClose(trainer.lastUpdate.total!, hand.dataLoss + handPenalty, within: Self.tolerance))
        #expect(isClose(hand.dataLoss + handPenalty, 0.975625, absolute: 0, relative: 1e-15))
        for j in 0..<3 {
            let id = ParameterID.weight(layer: 0, j, 0)
            #expect(isRelativelyClose(entry(gradient.data, id), hand.gradient[j], within: Self.tolerance))
            // penalty gradient λ·sign(w)
            #expect(entry(gradient.penalty, id) == Self.lambda * Self.sign(Self.w[j]))
            // w − η·(g + λ·sign w)
            let expected = Self.w[j] - Self.eta * (hand.gradient[j] + Self.lambda * Self.sign(Self.w[j]))
            #expect(isRelativelyClose(update.parameters[j].new, expected, within: Self.tolerance))
            #expect(isRelativelyClose(trainer.network[id], expected, within: Self.tolerance))
        }
        // by hand in decimals: 0.5 + 0.1375, −0.25 + 0.16, 0.1 + 0.06875
        for (j, decimal) in [0.6375, -0.09, 0.16875].enumerated() {
            #expect(isClose(trainer.network[.weight(layer: 0, j, 0)], decimal, absolute: 1e-16, relative: 1e-15))
        }
        #expect(update.parameters.count == 3)  // no bias
    }

    @Test func l2Update() throws {
        var trainer = Self.trainer(Regularization(global: PenaltyTerm(l2: Self.lambda)))
        let (_, loss, penalty, gradient, update) = try Self.runFivePhases(&trainer)
        let hand = Hand(w: Self.w)
        // J = J_data + (λ/2)·Σw² = 0.890625 + 0.05·0.3225
        var squareSum = 0.0
        for v in Self.w { squareSum += v * v }
        let handPenalty = (Self.lambda / 2) * squareSum
        #expect(isRelativelyClose(loss.value, hand.dataLoss, within: Self.tolerance))
        #expect(isRelativelyClose(penalty.total, handPenalty, within: Self.tolerance))
        #expect(isClose(hand.dataLoss + handPenalty, 0.90675, absolute: 0, relative: 1e-15))
        for j in 0..<3 {
            let id = ParameterID.weight(layer: 0, j, 0)
            #expect(isRelativelyClose(entry(gradient.data, id), hand.gradient[j], within: Self.tolerance))
            #expect(isRelativelyClose(entry(gradient.penalty, id), Self.lambda * Self.w[j], within: Self.tolerance))
            // (1 − ηλ)·w − η·g
            let expected = (1 - Self.eta * Self.lambda) * Self.w[j] - Self.eta * hand.gradient[j]
            #expect(isRelativelyClose(update.parameters[j].new, expected, within: Self.tolerance))
            #expect(update.parameters[j].shrinkFactor == 1 - Self.eta * Self.lambda)
        }
        // by hand in decimals: 0.495 + 0.1475, −0.2475 + 0.15, 0.099 + 0.07875
        for (j, decimal) in [0.6425, -0.0975, 0.17775].enumerated() {
            #expect(isClose(trainer.network[.weight(layer: 0, j, 0)], decimal, absolute: 1e-16, relative: 1e-15))
        }
    }

    @Test func noPenaltyUpdate() throws {
        var trainer = Self.trainer(Regularization())
        let (_, loss, penalty, _, update) = try Self.runFivePhases(&trainer)
        let hand = Hand(w: Self.w)
        #expect(penalty.total == 0)
        #expect(isRelativelyClose(loss.value, hand.dataLoss, within: Self.tolerance))
        for j in 0..<3 {
            #expect(isRelativelyClose(update.parameters[j].new, Self.w[j] - Self.eta * hand.gradient[j], within: Self.tolerance))
        }
    }

    @Test func secondUpdateContinuesFromTheFirst() throws {
        // Two L2 updates: the hand computation re-run from the first update's weights.
        var trainer = Self.trainer(Regularization(global: PenaltyTerm(l2: Self.lambda)))
        _ = try trainer.finishUpdate()
        let (_, loss, _, _, update) = try Self.runFivePhases(&trainer)
        var w = Self.w
        for _ in 0..<2 {
            let hand = Hand(w: w)
            w = (0..<3).map { (1 - Self.eta * Self.lambda) * w[$0] - Self.eta * hand.gradient[$0] }
        }
        let handAfterFirst = Hand(w: (0..<3).map { trainer.lastUpdate.update!.parameters[$0].value })
        #expect(isRelativelyClose(loss.value, handAfterFirst.dataLoss, within: Self.tolerance))
        #expect(update.number == 2)
        for j in 0..<3 {
            #expect(isClose(update.parameters[j].new, w[j], absolute: 1e-16, relative: 1e-14))
        }
    }
}
