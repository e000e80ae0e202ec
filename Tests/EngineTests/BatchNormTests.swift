import Foundation
import Engine
import Testing
import TestSupport

/// Batch normalization: hand-computed statistics, backward against finite differences,
/// running statistics, and inference against training mode.
@Suite struct BatchNormTests {
    /// One unit, z = [1, 2, 3, 6]: μ = 12/4 = 3, σ² = (4 + 1 + 0 + 9)/4 = 3.5 (biased),
    /// x̂ = (z − 3)/√3.50001; with γ = 2, β = 0.5: y = 2·x̂ + 0.5 (computed by hand).
    @Test func forwardMatchesHandComputedStatistics() {
        var batchNorm = BatchNorm<Double>(units: 1)
        batchNorm.gamma = [2]
        batchNorm.beta = [0.5]
        let record = batchNorm.forward(Matrix([[1], [2], [3], [6]]), training: true)
        #expect(record.mean == [3])
        #expect(record.variance == [3.5])
        let deviation = (3.5 + 1e-5).squareRoot()
        for (row, z) in [1.0, 2, 3, 6].enumerated() {
            #expect(isClose(record.normalized[row, 0], (z - 3) / deviation, absolute: 1e-15, relative: 1e-14))
            #expect(isClose(record.output[row, 0], 2 * (z - 3) / deviation + 0.5, absolute: 1e-15, relative: 1e-14))
        }
        // Running statistics: 0.9·0 + 0.1·3 = 0.3; 0.9·1 + 0.1·(14/3) = 1.3666… (unbiased σ² = 14/3).
        #expect(isClose(record.runningMean[0], 0.3, relative: 1e-15))
        #expect(isClose(record.runningVariance[0], 0.9 + 1.4 / 3, relative: 1e-15))
    }

    @Test func runningStatisticsAfterTwoSteps() {
        // Step 1: z = [1, 2, 3, 6] as above. Step 2: z = [2, 4]: μ = 3, biased σ² = 1, unbiased 2;
        // running mean 0.9·0.3 + 0.1·3 = 0.57, running variance 0.9·(0.9 + 1.4/3) + 0.1·2 = 1.43 (by hand).
        var batchNorm = BatchNorm<Double>(units: 1)
        let first = batchNorm.forward(Matrix([[1], [2], [3], [6]]), training: true)
        batchNorm.runningMean = first.runningMean
        batchNorm.runningVariance = first.runningVariance
        let second = batchNorm.forward(Matrix([[2], [4]]), training: true)
        #expect(second.variance == [1])
        #expect(isClose(second.runningMean[0], 0.57, relative: 1e-14))
        #expect(isClose(second.runningVariance[0], 1.43, relative: 1e-14))
    }

    @Test func inferenceUsesRunningStatistics() {
        var batchNorm = BatchNorm<Double>(units: 2)
        batchNorm.runningMean = [1, -2]
        batchNorm.runningVariance = [4, 0.25]
        batchNorm.gamma = [3, 1]
        let z = Matrix<Double>([[3, -1], [5, -2]])
        let inference = batchNorm.forward(z, training: false)
        // (3 − 1)/√(4 + 1e-5)·3 and (−1 + 2)/√(0.25 + 1e-5)
        #expect(isClose(inference.output[0, 0], 3 * 2 / (4 + 1e-5).squareRoot(), relative: 1e-15))
        #expect(isClose(inference.output[0, 1], 1 / (0.25 + 1e-5).squareRoot(), relative: 1e-15))
        #expect(inference.runningMean == [1, -2] && inference.runningVariance == [4, 0.25])
        let training = batchNorm.forward(z, training: true)
        #expect(training.mean == [4, -1.5])
        #expect(training.output != inference.output)
    }

    /// dz, dγ and dβ of J = Σ c_ij·y_ij (c fixed, not symmetric) against central differences.
    @Test(arguments: [true, false]) func backwardMatchesFiniteDifferences(training: Bool) {
        var batchNorm = BatchNorm<Double>(units: 2)
        batchNorm.gamma = [1.5, -0.7]
        batchNorm.beta = [0.2, 0.4]
        batchNorm.runningMean = [0.3, -0.1]
        batchNorm.runningVariance = [0.8, 1.7]
        let z = Matrix<Double>([[0.5, -1.2], [1.5, 0.3], [-0.4, 0.9]])
        let c = Matrix<Double>([[0.3, -1], [2, 0.5], [-0.7, 1.1]])
        func objective(_ batchNorm: BatchNorm<Double>, _ z: Matrix<Double>) -> Double {
            let y = batchNorm.forward(z, training: training).output
            return zip(y.storage, c.storage).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let (dz, parameters) = batchNorm.backward(batchNorm.forward(z, training: training), outputGradient: c)
        let numericZ = numericalGradient(at: z.storage) { objective(batchNorm, Matrix(rows: 3, columns: 2, storage: $0)) }
        for index in numericZ.indices {
            #expect(isClose(dz.storage[index], numericZ[index], absolute: 1e-8, relative: 1e-6))
        }
        let numericGamma = numericalGradient(at: batchNorm.gamma) { var copy = batchNorm; copy.gamma = $0; return objective(copy, z) }
        let numericBeta = numericalGradient(at: batchNorm.beta) { var copy = batchNorm; copy.beta = $0; return objective(copy, z) }
        for j in 0..<2 {
            #expect(isClose(parameters.gamma[j], numericGamma[j], absolute: 1e-8, relative: 1e-6))
            #expect(isClose(parameters.beta[j], numericBeta[j], absolute: 1e-8, relative: 1e-6))
        }
    }

    @Test func networkWithBatchNormAndDropoutMatchesFiniteDifferences() throws {
        var network = DropoutTests.network.withBatchNorm(true)
        network.layers[0].batchNorm!.gamma = [1.2, 0.8, -0.5]
        network.layers[0].batchNorm!.beta = [0.1, -0.3, 0.25]
        #expect(network.layers[1].batchNorm == nil)
        try checkGradients(network, mode: .training)
        try checkGradients(network, mode: .training(NoiseInjection(hiddenDropout: 0.3), generator: SplitMix64(seed: 2)))
    }

    @Test func trainerKeepsRunningStatisticsAndUpdatesGammaAndBeta() throws {
        let network = DropoutTests.network.withBatchNorm(true)
        let data = Dataset(name: "t", inputs: DropoutTests.inputs, targets: DropoutTests.targets)
        var trainer = Trainer(network: network, data: data, settings: TrainingSettings(learningRate: 0.1))
        _ = try trainer.finishUpdate()
        let forward = try #require(trainer.lastUpdate.forward?.layers[0].normalization)
        let batchNorm = try #require(trainer.network.layers[0].batchNorm)
        #expect(batchNorm.runningMean == forward.runningMean)
        #expect(batchNorm.runningVariance == forward.runningVariance)
        let gradient = try #require(trainer.lastUpdate.gradient?.data[0].normalization)
        // γ and β take plain SGD steps, unpenalized: γ = 1 − 0.1·dγ, β = 0 − 0.1·dβ.
        #expect(batchNorm.gamma[1] == 1 - 0.1 * gradient.gamma[1])
        #expect(batchNorm.beta[2] == 0 - 0.1 * gradient.beta[2])
        #expect(trainer.lastUpdate.update!.parameters.contains { $0.parameter == .gamma(layer: 0, 1) })
    }

    @Test func oldFilesDecodeWithoutTheNewFields() throws {
        // A network and settings encoded before batch normalization and dropout existed.
        let network = try JSONDecoder().decode(Network<Double>.self, from: Data("""
            {"layers":[{"weights":{"rows":1,"columns":1,"storage":[0.5]},"bias":[0],"hasBias":true,"activation":"identity"}]}
            """.utf8))
        #expect(network.layers[0].batchNorm == nil)
        let settings = TrainingSettings<Double>()
        let encoded = try JSONEncoder().encode(settings)
        #expect(!String(decoding: encoded, as: UTF8.self).contains("noise"))
        #expect(try JSONDecoder().decode(TrainingSettings<Double>.self, from: encoded) == settings)
        let architecture = try JSONDecoder().decode(Architecture.self, from: Data("""
            {"sizes":[2,1],"hidden":"relu","output":"identity","hasBias":true}
            """.utf8))
        #expect(!architecture.batchNorm)
    }
}
