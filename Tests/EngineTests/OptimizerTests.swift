import Engine
import Foundation
import Testing
import TestSupport

/// Adam, AdamW, max-norm and label smoothing against arithmetic written out in the test.
@Suite struct OptimizerTests {
    static let adam = AdamParameters<Double>()  // β1 = 0.9, β2 = 0.999, ε = 1e-8

    @Test func adamStepWithL2InsideIsHandComputed() {
        // w = 0.5, g_data = 0.2, L2 article λ = 0.1 → p = λ·w = 0.05, g = 0.25; η = 0.01, t = 1.
        let constants = AdamStepConstants(learningRate: 0.01, parameters: Self.adam, weightDecay: 0, step: 1)
        let update = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: 0.5, dataGradient: 0.2,
                                     firstMoment: 0, secondMoment: 0, l1: 0, l2Coefficient: 0.1, constants: constants)
        let g = 0.2 + 0.1 * 0.5
        let m = 0.9 * 0.0 + (1 - 0.9) * g
        let v = 0.999 * 0.0 + (1 - 0.999) * g * g
        let mHat = m / (1 - 0.9), vHat = v / (1 - 0.999)
        let step = 0.01 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(update.adam?.gradient == g)
        #expect(update.adam?.firstMoment == m)
        #expect(update.adam?.secondMoment == v)
        #expect(update.adam?.correctedFirstMoment == mHat)
        #expect(update.adam?.correctedSecondMoment == vHat)
        #expect(update.adam?.step == step)
        #expect(update.new == 0.5 - step)
        // At t = 1, m̂/√v̂ = g/|g|: the step is η whatever the size of g, the L2 part included.
        #expect(isClose(update.new, 0.49, absolute: 1e-9))
    }

    @Test func adamWStepIsHandComputedAndDiffersFromL2InsideAdam() {
        // The same weight and data gradient; AdamW with wd = 0.1 instead of the L2 penalty.
        let constants = AdamStepConstants(learningRate: 0.01, parameters: Self.adam, weightDecay: 0.1, step: 1)
        let update = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: 0.5, dataGradient: 0.2,
                                     firstMoment: 0, secondMoment: 0, l1: 0, l2Coefficient: 0, constants: constants)
        let g = 0.2
        let mHat = ((1 - 0.9) * g) / (1 - 0.9), vHat = ((1 - 0.999) * g * g) / (1 - 0.999)
        let step = 0.01 * mHat / (vHat.squareRoot() + 1e-8)
        let decayFactor = 1 - 0.01 * 0.1
        #expect(update.adam?.step == step)
        #expect(update.adam?.decay == 0.01 * 0.1 * 0.5)
        #expect(update.new == decayFactor * 0.5 - step)
        #expect(isClose(update.new, 0.4895, absolute: 1e-9))  // 0.9995 − 0.01 … 0.4995 − 0.01

        let l2Inside = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: 0.5, dataGradient: 0.2,
                                       firstMoment: 0, secondMoment: 0, l1: 0, l2Coefficient: 0.1,
                                       constants: AdamStepConstants(learningRate: 0.01, parameters: Self.adam, weightDecay: 0, step: 1))
        // L2 inside Adam is normalized away at t = 1 (0.49); the decoupled decay is not (0.4895).
        #expect(abs(l2Inside.new - update.new) > 4e-4)
    }

    @Test func biasCorrectionAtStepsOneAndTwo() {
        let first = Self.adam.biasCorrections(step: 1), second = Self.adam.biasCorrections(step: 2)
        #expect(first.first == 1 - 0.9 && first.second == 1 - 0.999)
        #expect(isClose(second.first, 1 - 0.9 * 0.9, absolute: 1e-15))        // 0.19
        #expect(isClose(second.second, 1 - 0.999 * 0.999, absolute: 1e-15))  // 0.001999

        // Two steps on one weight: g = 0.2, then g = −0.1 (no penalty, η = 0.01).
        let k1 = AdamStepConstants(learningRate: 0.01, parameters: Self.adam, weightDecay: 0, step: 1)
        let one = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: 0.5, dataGradient: 0.2,
                                  firstMoment: 0, secondMoment: 0, l1: 0, l2Coefficient: 0, constants: k1)
        let k2 = AdamStepConstants(learningRate: 0.01, parameters: Self.adam, weightDecay: 0, step: 2)
        let two = ParameterUpdate(adamParameter: .weight(layer: 0, 0, 0), value: one.new, dataGradient: -0.1,
                                  firstMoment: one.adam!.firstMoment, secondMoment: one.adam!.secondMoment,
                                  l1: 0, l2Coefficient: 0, constants: k2)
        // m₂ = 0.9·0.02 + 0.1·(−0.1) = 0.008, m̂₂ = 0.008/0.19; v₂ = 0.999·0.00004 + 0.001·0.01 = 0.00004996, v̂₂ = v₂/0.001999
        #expect(isClose(two.adam!.firstMoment, 0.008, absolute: 1e-15))
        #expect(isClose(two.adam!.correctedFirstMoment, 0.008 / 0.19, relative: 1e-12))
        #expect(isClose(two.adam!.secondMoment, 0.00004996, relative: 1e-12))
        #expect(isClose(two.adam!.correctedSecondMoment, 0.00004996 / 0.001999, relative: 1e-12))
        let step = 0.01 * (0.008 / 0.19) / ((0.00004996 / 0.001999).squareRoot() + 1e-8)
        #expect(isClose(two.new, one.new - step, relative: 1e-12))
    }

    @Test func trainerKeepsMomentsAndStepCount() throws {
        let data = BuiltinDataset.linreg.dataset(as: Double.self)
        var generator = SplitMix64(seed: 1)
        let network = Network<Double>(BuiltinDataset.linreg.suggestedArchitecture, generator: &generator)
        var trainer = Trainer(network: network, data: data,
                              settings: TrainingSettings(learningRate: 0.1, optimizer: .adam))
        _ = try trainer.finishUpdate()
        _ = try trainer.finishUpdate()
        #expect(trainer.adamState.stepCount == 2)
        let record = try #require(trainer.lastUpdate.update)
        #expect(record.adam?.step == 2 && record.optimizer == .adam)
        for update in record.parameters { #expect(trainer.network[update.parameter] == update.new) }
    }

    @Test func weightDecayOutsideAdamWIsRejected() {
        let settings = TrainingSettings<Double>(optimizer: .adam, weightDecay: 0.1)
        #expect(settings.problem(layerCount: 1)?.contains("penalty l2") == true)
        #expect(TrainingSettings<Double>(optimizer: .adamw, weightDecay: 0.1).problem(layerCount: 1) == nil)
        #expect(TrainingSettings<Double>(loss: .meanSquaredError, labelSmoothing: 0.1).problem(layerCount: 1) != nil)
    }

    @Test func maxNormProjectsOnlyTheUnitsAboveC() {
        // W: 2 inputs × 3 units. Column 0 = (3, 4): ‖w‖ = 5 > 2, scaled by 2/5 = 0.4 → (1.2, 1.6).
        // Column 1 = (0.3, 0.4): ‖w‖ = 0.5; column 2 = (0, −1): ‖w‖ = 1; both ≤ 2, unchanged.
        var layer = Dense<Double>(weights: Matrix([[3, 0.3, 0], [4, 0.4, -1]]), bias: [7, 7, 7], activation: .relu)
        let clips = layer.projectOntoMaxNorm(2, layer: 0)
        #expect(clips == [MaxNormClip(layer: 0, unit: 0, normBefore: 5, scale: 0.4)])
        #expect(layer.weights[0, 0] == 3 * 0.4 && layer.weights[1, 0] == 4 * 0.4)
        #expect(layer.weights[0, 1] == 0.3 && layer.weights[1, 1] == 0.4 && layer.weights[1, 2] == -1)
        #expect(layer.bias == [7, 7, 7], "biases are not constrained")
    }

    @Test func maxNormFloatKernelEqualsTheReference() {
        var generator = SplitMix64(seed: 3)
        // 11 columns: one SIMD8 block and a tail of 3.
        let layer = Dense<Float>(inputs: 5, outputs: 11, activation: .tanh, generator: &generator)
        var fast = layer, reference = layer
        let fastClips = fast.projectOntoMaxNorm(0.9, layer: 0)
        let referenceClips = reference.projectOntoMaxNormReference(0.9, layer: 0)
        #expect(!referenceClips.isEmpty && referenceClips.count < 11, "some units clipped, some not")
        #expect(fastClips == referenceClips)
        #expect(fast == reference)
    }

    @Test func trainerRecordsMaxNormAfterTheUpdate() throws {
        let data = BuiltinDataset.linreg.dataset(as: Double.self)
        let network = Network(layers: [Dense<Double>(weights: Matrix([[0.5], [-0.25], [0.1]]), bias: [0], hasBias: false, activation: .identity)])
        var trainer = Trainer(network: network, data: data, settings: TrainingSettings(learningRate: 0.1, maxNorm: 0.5))
        _ = try trainer.finishUpdate()
        let record = try #require(trainer.lastUpdate.update)
        // After SGD: (0.6475, −0.1, 0.17875) with ‖w‖ > 0.5, so the column is scaled to norm 0.5.
        let clip = try #require(record.maxNormClips.first)
        let new: [Double] = record.parameters.map { $0.new }
        let squareSum: Double = new[0] * new[0] + new[1] * new[1] + new[2] * new[2]
        #expect(clip.normBefore == squareSum.squareRoot())
        #expect(clip.scale == 0.5 / clip.normBefore)
        for update in record.parameters {
            #expect(update.projected == update.new * clip.scale)
            #expect(trainer.network[update.parameter] == update.final)
        }
    }

    @Test(arguments: [(Activation.softmax, 3), (Activation.sigmoid, 1)])
    func labelSmoothingLossAndGradientAgreeWithFiniteDifferences(_ activation: Activation, outputs: Int) {
        let z = outputs == 3 ? Matrix<Double>([[0.3, -1.2, 0.9], [2.0, 0.5, -0.4]]) : Matrix<Double>([[0.3], [-1.2]])
        let y = outputs == 3 ? Matrix<Double>([[1, 0, 0], [0, 0, 1]]) : Matrix<Double>([[1], [0]])
        let epsilon = 0.1
        let smoothed = Loss.smoothedTargets(y, epsilon: epsilon)
        // y′ = (1 − ε)·y + ε/K: K = 3 → 0.9·y + 0.0333…; one sigmoid output: K = 2 → 0.9·y + 0.05.
        let k = Double(outputs == 3 ? 3 : 2)
        for index in y.storage.indices {
            #expect(smoothed.storage[index] == (1 - epsilon) * y.storage[index] + epsilon / k)
        }
        let cache = activations(z: z, activation: activation)
        let analytic = Loss.crossEntropy.outputZGradient(output: cache, activation: activation, target: smoothed)
        let numeric = numericalGradient(at: z.storage) { values in
            let shifted = Matrix(rows: z.rows, columns: z.columns, storage: values)
            return Loss.crossEntropy.evaluate(prediction: activation.apply(shifted), target: smoothed).value
        }
        for index in analytic.storage.indices {
            #expect(isClose(analytic.storage[index], numeric[index], absolute: 1e-9, relative: 1e-7))
        }
        // The loss from z equals the loss from probabilities on the smoothed targets.
        let fromZ = Loss.crossEntropy.evaluate(output: cache, activation: activation, target: smoothed).value
        let fromP = Loss.crossEntropy.evaluate(prediction: cache.a, target: smoothed).value
        #expect(isClose(fromZ, fromP, absolute: 1e-12))
    }

    @Test func trainerLossUsesSmoothedTargets() throws {
        let data = BuiltinDataset.blobs.dataset(as: Double.self)
        var generator = SplitMix64(seed: 2)
        let network = Network<Double>(BuiltinDataset.blobs.suggestedArchitecture, generator: &generator)
        var trainer = Trainer(network: network, data: data,
                              settings: TrainingSettings(learningRate: 0.1, loss: .crossEntropy, labelSmoothing: 0.2))
        _ = try trainer.finishUpdate()
        let loss = try #require(trainer.lastUpdate.loss)
        #expect(loss.smoothing == 0.2)
        #expect(loss.smoothedTargets == Loss.smoothedTargets(data.targets, epsilon: 0.2))
    }
}
