import Engine
import Testing
import TestSupport

/// `l1mode cumulative`: Tsuruoka, Tsujii and Ananiadou (2009), as scikit-learn's SGD applies it.
@Suite struct CumulativeL1Tests {
    @Test func aWorkedExampleByHand() throws {
        // One weight, η = 0.1, λ = 1 (η·λ = 0.1 per update), w = 0.3, data gradients −0.5, 0.8, 0.8, −0.5:
        //  1: u = 0.1; v = 0.3 + 0.05 = 0.35 > 0: max(0, 0.35 − (0.1 + 0)) = 0.25; q = 0 + (0.25 − 0.35) = −0.1
        //  2: u = 0.2; v = 0.25 − 0.08 = 0.17 > 0: max(0, 0.17 − (0.2 − 0.1)) = 0.07; q = −0.1 − 0.1 = −0.2
        //  3: u = 0.3; v = 0.07 − 0.08 = −0.01 < 0: min(0, −0.01 + (0.3 + 0.2)) = 0; q = −0.2 + 0.01 = −0.19
        //  4: u = 0.4; v = 0 + 0.05 = 0.05 > 0: max(0, 0.05 − (0.4 − 0.19)) = 0; q = −0.19 − 0.05 = −0.24
        // The weight received 0.24 of the 0.4 offered; the owed 0.16 keeps it at 0 against a small push.
        let expected: [(new: Double, received: Double)] = [(0.25, -0.1), (0.07, -0.2), (0, -0.19), (0, -0.24)]
        var w = 0.3, q = 0.0, u = 0.0
        for (step, g) in [-0.5, 0.8, 0.8, -0.5].enumerated() {
            u += 0.1 * 1
            let update = ParameterUpdate(parameter: .weight(layer: 0, 0, 0), value: w, dataGradient: g, velocity: 0, l1: 1,
                                         l2Coefficient: 0, learningRate: 0.1, momentum: 0, mode: .cumulative, offered: u, received: q)
            let detail = try #require(update.cumulative)
            #expect(isClose(update.new, expected[step].new, absolute: 1e-15, relative: 0), "update \(step + 1)")
            #expect(isClose(detail.receivedAfter, expected[step].received, absolute: 1e-15, relative: 0), "update \(step + 1)")
            (w, q) = (update.new, detail.receivedAfter)
        }
        #expect(w == 0)
    }

    @Test func theTrainerKeepsUAndQInTheLayer() throws {
        // A 3-1 linear layer on the article's data, λ = 0.5, η = 0.1: after three updates u = 3·0.05,
        // and every weight received at most u in magnitude.
        let network = Network<Double>(layers: [Dense(weights: Matrix([[0.5], [-0.15], [0.1]]), bias: [0], hasBias: false, activation: .identity)])
        var trainer = Trainer(network: network, data: BuiltinDataset.linreg.dataset(),
                              settings: TrainingSettings(learningRate: 0.1, seed: 1, loss: .meanSquaredError,
                                                         regularization: Regularization(global: PenaltyTerm(l1: 0.5), l1Mode: .cumulative)))
        for _ in 0..<3 { _ = try trainer.finishUpdate() }
        let memory = try #require(trainer.network.layers[0].l1Memory)
        #expect(isClose(memory.offered, 0.15, absolute: 1e-15, relative: 0))
        #expect(memory.receivedWeights.allSatisfy { abs($0) <= memory.offered + 1e-15 })
        let last = try #require(trainer.lastUpdate.update?.parameters.first?.cumulative)
        #expect(last.offered == memory.offered && last.receivedAfter == memory.receivedWeights[0])
    }
}
