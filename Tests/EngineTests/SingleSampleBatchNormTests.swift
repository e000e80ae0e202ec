import Testing
@testable import Engine

/// Batch norm refuses a batch of one sample (its biased batch variance is 0, so x̂ = 0).
struct SingleSampleBatchNormTests {
    @Test(arguments: [
        // (samples, batch size or nil for all, whether some batch has one sample)
        (4, 1, true), (4, 3, true), (4, 2, false), (5, 2, true), (1, nil, true), (4, nil, false), (7, 4, false), (9, 4, true),
    ] as [(Int, Int?, Bool)])
    func aBatchOfOneIsFound(samples: Int, batchSize: Int?, expected: Bool) {
        #expect(Trainer<Double>.hasSingleSampleBatch(samples: samples, batchSize: batchSize) == expected)
    }

    @Test func theStepIsRefusedAndNothingChanges() throws {
        var generator = SplitMix64(seed: 1)
        let network = Network<Double>(Architecture(sizes: [2, 2, 1], hidden: .tanh, output: .sigmoid, batchNorm: true), generator: &generator)
        let data = Dataset<Double>(name: "one", inputs: Matrix(rows: 1, columns: 2, storage: [1, 0]), targets: Matrix(rows: 1, columns: 1, storage: [1]))
        var trainer = Trainer(network: network, data: data, settings: TrainingSettings())
        let before = trainer.network
        #expect(throws: TrainingError.self) { try trainer.advance() }
        #expect(trainer.network == before)
        #expect(trainer.updateCount == 0)
    }
}
