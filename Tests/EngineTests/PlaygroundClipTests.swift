import Foundation
import Engine
import Testing
import TestSupport

/// `l1mode clip` is TensorFlow Playground's rule (src/nn.ts, updateWeights): v = w − η·g,
/// u = v − ηλ·sign(w) with the weight before the update; v·u < 0 sets 0 and kills the link.
@Suite struct PlaygroundClipTests {
    /// The article's linear regression (3-1, no bias, MSE with ½, η = 0.1) from weights `w`.
    static func trainer(_ w: [Double], l1: Double = 0.5, mode: L1Mode = .clip) -> Trainer<Double> {
        let network = Network<Double>(layers: [Dense(weights: Matrix(w.map { [$0] }), bias: [0], hasBias: false, activation: .identity)])
        return Trainer(network: network, data: BuiltinDataset.linreg.dataset(),
                       settings: TrainingSettings(learningRate: 0.1, seed: 1, loss: .meanSquaredError,
                                                  regularization: Regularization(global: PenaltyTerm(l1: l1), l1Mode: mode)))
    }

    static func weights(_ trainer: Trainer<Double>) -> [Double] { trainer.network.layers[0].weights.storage }

    @Test func theIssuesExampleByHand() throws {
        // x = [1,0,2], [0,1,1], [2,1,0], [1,2,1]; y = 1.1, 0.4, 2.6, 1.9; w = (0.5, −0.05, 0.1).
        // ŷ = 0.7, 0.05, 0.95, 0.5; dJ/dz = (ŷ − y)/4 = −0.1, −0.0875, −0.4125, −0.35;
        // g = xᵀ·dz = (−1.275, −1.2, −0.6375); v = w − 0.1·g = (0.6275, 0.07, 0.16375).
        // u = v − 0.05·sign(w_old) = (0.5775, 0.07 + 0.05 = 0.12, 0.11375): no sign change.
        // (The rule with sign(v) would give 0.07 − 0.05 = 0.02 for the second weight, as prox does.)
        var clip = Self.trainer([0.5, -0.05, 0.1])
        _ = try clip.finishUpdate()
        let w = Self.weights(clip)
        #expect(isClose(w[0], 0.5775, absolute: 1e-15, relative: 0))
        #expect(isClose(w[1], 0.12, absolute: 1e-15, relative: 0))
        #expect(isClose(w[2], 0.11375, absolute: 1e-15, relative: 0))
        #expect(clip.network.deadCount == 0)
        var prox = Self.trainer([0.5, -0.05, 0.1], mode: .prox)
        _ = try prox.finishUpdate()
        #expect(isClose(Self.weights(prox)[1], 0.02, absolute: 1e-15, relative: 0))
    }

    @Test func aDeadLinkStaysAtZero() throws {
        // w = (0.5, −0.15, 0.1): ŷ = 0.7, −0.05, 0.85, 0.3; dJ/dz = −0.1, −0.1125, −0.4375, −0.4;
        // g₂ = −0.1125 − 0.4375 − 2·0.4 = −1.35; v = −0.15 + 0.135 = −0.015; u = v + 0.05 = 0.035:
        // v·u < 0, so W[1,0] = 0 and its link dies.
        var trainer = Self.trainer([0.5, -0.15, 0.1])
        _ = try trainer.finishUpdate()
        let record = try #require(trainer.lastUpdate.update)
        #expect(isClose(record.parameters[1].intermediate, -0.015, absolute: 1e-15, relative: 0))
        #expect(isClose(record.parameters[1].clipCandidate, 0.035, absolute: 1e-15, relative: 0))
        #expect(record.parameters[1].zeroEvent == .clippedToZero)
        let id = ParameterID.weight(layer: 0, 1, 0)
        #expect(Self.weights(trainer)[1] == 0 && trainer.network.isDead(id) && trainer.network.deadCount == 1)
        // Its data gradient stays strongly negative, yet clip never moves it again …
        for _ in 0..<5 {
            _ = try trainer.finishUpdate()
            let update = try #require(trainer.lastUpdate.update?.parameters[1])
            #expect(update.dataGradient < -0.5)
            #expect(update.new == 0 && update.zeroEvent == .dead)
        }
        #expect(Self.weights(trainer)[1] == 0)
        // … while prox, from the same start, moves it back off zero.
        var prox = Self.trainer([0.5, -0.15, 0.1], mode: .prox)
        for _ in 0..<3 { _ = try prox.finishUpdate() }
        #expect(Self.weights(prox)[1] > 0.05)
        // set revives it; so does an update in another mode.
        var revived = trainer
        revived.setParameter(id, to: 0)
        #expect(!revived.network.isDead(id))
        _ = try revived.finishUpdate()
        #expect(Self.weights(revived)[1] > 0)
        var switched = trainer
        switched.settings.regularization.l1Mode = .prox
        _ = try switched.finishUpdate()
        #expect(!switched.network.isDead(id) && Self.weights(switched)[1] > 0)
    }

    @Test func deadLinksAreSavedAndOldFilesLoadWithNone() throws {
        var trainer = Self.trainer([0.5, -0.15, 0.1])
        _ = try trainer.finishUpdate()
        let data = try JSONEncoder().encode(trainer.network)
        let decoded = try JSONDecoder().decode(Network<Double>.self, from: data)
        #expect(decoded == trainer.network && decoded.deadCount == 1)
        // A layer without memory writes no l1Memory key, as files written before it existed.
        let fresh = Self.trainer([0.5, -0.15, 0.1]).network
        let text = String(decoding: try JSONEncoder().encode(fresh), as: UTF8.self)
        #expect(!text.contains("l1Memory"))
        #expect(try JSONDecoder().decode(Network<Double>.self, from: Data(text.utf8)).deadCount == 0)
    }
}
